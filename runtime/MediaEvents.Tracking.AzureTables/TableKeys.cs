using System;
using System.Globalization;
using System.Text;

namespace MediaEvents.Tracking.AzureTables;

/// <summary>
/// The partition and row key of a resource's entity. The subject is the partition key, so each resource has a
/// partition of its own (the service spreads partitions over servers, and nothing is ever written to two resources
/// at once); the kind is the row key, so a job and a live event with the same subject stay apart.
/// </summary>
/// <remarks>
/// Keys may not hold <c>/</c>, <c>\</c>, <c>#</c>, <c>?</c> or control characters, and subjects are paths
/// (<c>transforms/T/jobs/J</c>): those characters, and <c>%</c> itself, are written as <c>%XX</c>, so that two
/// subjects never share a key and a key reads back as its subject.
/// </remarks>
internal static class TableKeys
{
    /// <summary>The most characters a key may have (the service allows 1 KiB of UTF-16).</summary>
    public const int MaxKeyLength = 512;

    /// <summary>The row key of a job's entity.</summary>
    public const string JobRowKey = "job";

    /// <summary>The row key of a live event's entity.</summary>
    public const string LiveEventRowKey = "liveEvent";

    /// <summary>The partition key of the resource: its subject, escaped.</summary>
    /// <exception cref="ArgumentException">The escaped subject is longer than a key may be.</exception>
    public static string PartitionKey(MediaEntityKey key)
    {
        string escaped = Escape(key.Subject);
        if (escaped.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"The subject of {key} is {escaped.Length} characters once escaped; a table key holds at most {MaxKeyLength}.", nameof(key));
        }

        return escaped;
    }

    /// <summary>The row key of the resource: its kind.</summary>
    public static string RowKey(MediaEntityKey key) => RowKey(key.Kind);

    /// <summary>The row key of the resources of <paramref name="kind"/>.</summary>
    public static string RowKey(MediaEntityKind kind) => kind == MediaEntityKind.Job ? JobRowKey : LiveEventRowKey;

    /// <summary>The key of the resource of <paramref name="kind"/> whose partition key is <paramref name="partitionKey"/>.</summary>
    /// <returns><see langword="false"/> when the partition key is not a subject as <see cref="Escape"/> writes it.</returns>
    public static bool TryGetKey(MediaEntityKind kind, string partitionKey, out MediaEntityKey key)
    {
        key = default;
        if (Unescape(partitionKey) is not { } subject || subject.TrimStart('/').Length == 0)
        {
            return false;
        }

        key = new MediaEntityKey(kind, subject);
        return true;
    }

    /// <summary>The subject with the characters a key may not hold (and <c>%</c>) written as <c>%XX</c>.</summary>
    public static string Escape(string subject)
    {
        if (subject.AsSpan().IndexOfAny("%/\\#?") < 0 && !HasControl(subject))
        {
            return subject;
        }

        var escaped = new StringBuilder(subject.Length + 16);
        foreach (char c in subject)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    // The reverse of Escape; null when a % is not followed by two hexadecimal digits.
    private static string? Unescape(string partitionKey)
    {
        if (!partitionKey.Contains('%'))
        {
            return partitionKey;
        }

        var subject = new StringBuilder(partitionKey.Length);
        for (int i = 0; i < partitionKey.Length; i++)
        {
            if (partitionKey[i] != '%')
            {
                subject.Append(partitionKey[i]);
            }
            else if (i + 2 < partitionKey.Length
                && int.TryParse(partitionKey.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                subject.Append((char)code);
                i += 2;
            }
            else
            {
                return null;
            }
        }

        return subject.ToString();
    }

    private static bool HasControl(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
