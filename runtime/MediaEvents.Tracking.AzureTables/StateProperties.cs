using System;
using System.Collections.Generic;
using System.Globalization;
using Azure.Data.Tables;

namespace MediaEvents.Tracking.AzureTables;

/// <summary>
/// Writes a snapshot's JSON into string properties of an entity and reads it back. A string property holds at most
/// 64 KiB (32,768 UTF-16 characters), so the JSON is cut into parts of <see cref="PartLength"/> characters:
/// <c>State</c>, <c>State1</c>, <c>State2</c>, …, up to <see cref="MaxParts"/>, which keeps the entity under the
/// service's 1 MiB. A snapshot larger than that is refused before anything is written.
/// </summary>
internal static class StateProperties
{
    /// <summary>The property of the first part, the only one for most snapshots.</summary>
    public const string First = "State";

    /// <summary>The property that says how many parts there are.</summary>
    public const string PartCount = "StateParts";

    /// <summary>The most characters in one part: 60,000 bytes of UTF-16, under the 64 KiB of a property.</summary>
    public const int PartLength = 30_000;

    /// <summary>The most parts: 960,000 bytes of UTF-16 with the keys and system properties, under the 1 MiB of an entity.</summary>
    public const int MaxParts = 16;

    /// <summary>The most characters of JSON an entity holds.</summary>
    public const int MaxLength = PartLength * MaxParts;

    /// <summary>The name of the property of part <paramref name="index"/>.</summary>
    public static string PartName(int index) => index == 0 ? First : First + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cuts <paramref name="json"/> into parts, never between the two halves of a surrogate pair.</summary>
    /// <returns><see langword="false"/> when the JSON needs more than <see cref="MaxParts"/> parts.</returns>
    public static bool TrySplit(string json, out List<string> parts)
    {
        parts = new List<string>(json.Length / PartLength + 1);
        int start = 0;
        do
        {
            if (parts.Count == MaxParts)
            {
                return false;
            }

            int length = Math.Min(PartLength, json.Length - start);
            if (start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            parts.Add(json.Substring(start, length));
            start += length;
        }
        while (start < json.Length);
        return true;
    }

    /// <summary>Puts the parts on <paramref name="entity"/>.</summary>
    public static void Write(TableEntity entity, List<string> parts)
    {
        entity[PartCount] = parts.Count;
        for (int i = 0; i < parts.Count; i++)
        {
            entity[PartName(i)] = parts[i];
        }
    }

    /// <summary>The JSON the parts of <paramref name="entity"/> hold.</summary>
    /// <exception cref="FormatException">A part is missing or is not a string.</exception>
    public static string Read(TableEntity entity)
    {
        int count = entity.GetInt32(PartCount) ?? 1;
        if (count is < 1 or > MaxParts)
        {
            throw new FormatException($"The entity says it has {count} state parts; a state has 1 to {MaxParts}.");
        }

        if (count == 1)
        {
            return ReadPart(entity, 0);
        }

        var parts = new string[count];
        for (int i = 0; i < count; i++)
        {
            parts[i] = ReadPart(entity, i);
        }

        return string.Concat(parts);
    }

    private static string ReadPart(TableEntity entity, int index) =>
        entity.TryGetValue(PartName(index), out object? value) && value is string part
            ? part
            : throw new FormatException($"The entity has no string property '{PartName(index)}'.");
}
