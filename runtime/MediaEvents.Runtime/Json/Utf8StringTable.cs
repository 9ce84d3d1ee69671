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

        uint hash = 2166136261;
        foreach (byte b in utf8)
        {
            hash = (hash ^ b) * 16777619;
        }

        ref string? slot = ref _slots[(int)(hash & SlotMask)];
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
}
