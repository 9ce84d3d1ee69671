using System;
using System.Text;

namespace MediaEvents.Json;

/// <summary>
/// Short strings of one delivery, kept so that a value that repeats (a track name, a timescale, a job label, a
/// topic) is allocated once per batch rather than once per event. A fixed table of the last strings seen per
/// hash slot: a miss costs one hash and the string it would have cost anyway. ASCII only, so that comparing
/// the UTF-8 bytes with the string's chars is exact.
/// </summary>
internal sealed class Utf8StringTable
{
    private const int MaxLength = 256;
    private const int SlotMask = 255;
    private readonly string?[] _slots = new string?[SlotMask + 1];

    public string GetString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref string? slot = ref _slots[Slot(utf8)];
        if (slot is not null && Ascii.Equals(utf8, slot))
        {
            return slot;
        }

        string value = Encoding.UTF8.GetString(utf8);
        if (Ascii.IsValid(utf8))
        {
            slot = value;
        }

        return value;
    }

    // A sampled hash (length, head, middle and tail): a miss only costs a string, so collisions are harmless,
    // while hashing every byte of a 150-byte topic would cost more than the comparison it saves.
    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        ulong hash;
        if (utf8.Length >= 8)
        {
            hash = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(utf8)
                ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]) * 31
                ^ (ulong)utf8.Length;
        }
        else
        {
            hash = (ulong)utf8.Length;
            foreach (byte b in utf8)
            {
                hash = (hash << 8) | b;
            }
        }

        return (int)(((hash * 0x9E3779B97F4A7C15) >> 56) & SlotMask);
    }
}
