using System;
using System.Text;

namespace MediaEvents.Json;

/// <summary>
/// Short strings that repeat across events — a topic, a subject, a track name, a timescale, a job label — kept
/// so that a repeated value is allocated once rather than once per event. A service reads a steady stream of
/// deliveries (Event Grid often pushes one event per request), so the table outlives a delivery: one per thread,
/// which needs no locks and shares nothing mutable, while the strings it hands out are immutable and shared freely.
/// </summary>
/// <remarks>
/// A fixed array of the last string seen per hash slot: a miss costs one hash and the string it would have cost
/// anyway, and the table never holds more than <see cref="SlotCount"/> strings of at most <see cref="MaxLength"/>
/// characters (about 130 KB per thread at worst). ASCII only, so that comparing the UTF-8 bytes with the string's
/// chars is exact.
/// </remarks>
internal sealed class Utf8StringTable
{
    internal const int MaxLength = 256;
    internal const int SlotCount = 256;

    [ThreadStatic]
    private static Utf8StringTable? t_current;

    private readonly string?[] _slots = new string?[SlotCount];

    /// <summary>The calling thread's table.</summary>
    public static Utf8StringTable Current => t_current ??= new Utf8StringTable();

    /// <summary>
    /// The string for unescaped UTF-8 string bytes. Bytes that are not UTF-8 fail (a <see cref="MediaJsonException"/>,
    /// so that the event's failure names where they are) rather than being decoded as U+FFFD.
    /// </summary>
    public string GetString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= MaxLength)
        {
            ref string? slot = ref _slots[Slot(utf8)];
            string? cached = slot;
            if (cached is not null && Ascii.Equals(utf8, cached))
            {
                return cached;
            }

            if (Ascii.IsValid(utf8))
            {
                return slot = Encoding.ASCII.GetString(utf8);
            }
        }

        return MediaJson.DecodeUtf8(utf8);
    }

    // A sampled hash (length, head and tail): a miss only costs a string, so collisions are harmless, while
    // hashing every byte of a 150-byte topic would cost more than the comparison it saves.
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

        return (int)(((hash * 0x9E3779B97F4A7C15) >> 56) & (SlotCount - 1));
    }
}
