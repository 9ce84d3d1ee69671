using System;
using System.Collections.Generic;
using System.Text;

namespace MediaEvents;

/// <summary>
/// The event types a reader knows, looked up by their UTF-8 name without allocating. The generated
/// <c>MediaEventTypes.Catalog</c> is one; each entry's <see cref="MediaEventType.Ordinal"/> is its position here.
/// </summary>
public sealed class MediaEventCatalog
{
    private readonly MediaEventType[] _types;
    private readonly Dictionary<string, MediaEventType> _byName;

    // Buckets by (length, last byte): names share the "Microsoft.Media." prefix, so the tail tells them apart.
    private readonly Dictionary<int, MediaEventType[]> _buckets;

    /// <summary>Creates a catalogue; entries take their ordinals from their positions.</summary>
    public MediaEventCatalog(params MediaEventType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = (MediaEventType[])types.Clone();
        _byName = new Dictionary<string, MediaEventType>(StringComparer.OrdinalIgnoreCase);
        var buckets = new Dictionary<int, List<MediaEventType>>();
        for (int i = 0; i < _types.Length; i++)
        {
            MediaEventType type = _types[i] ?? throw new ArgumentException("The catalog cannot hold a null entry.", nameof(types));
            if (!_byName.TryAdd(type.Name, type))
            {
                throw new ArgumentException($"The event type '{type.Name}' appears twice.", nameof(types));
            }

            type.Attach(this, i);
            int key = BucketKey(type.Utf8Name);
            if (!buckets.TryGetValue(key, out List<MediaEventType>? bucket))
            {
                buckets.Add(key, bucket = new List<MediaEventType>());
            }

            bucket.Add(type);
        }

        _buckets = new Dictionary<int, MediaEventType[]>();
        foreach (KeyValuePair<int, List<MediaEventType>> bucket in buckets)
        {
            _buckets.Add(bucket.Key, bucket.Value.ToArray());
        }
    }

    /// <summary>The entries, in ordinal order.</summary>
    public IReadOnlyList<MediaEventType> Types => _types;

    /// <summary>Finds the entry for a UTF-8 event type name: exactly, else ignoring case.</summary>
    public MediaEventType? Find(ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length > 0 && _buckets.TryGetValue(BucketKey(utf8Name), out MediaEventType[]? bucket))
        {
            foreach (MediaEventType type in bucket)
            {
                if (utf8Name.SequenceEqual(type.Utf8Name))
                {
                    return type;
                }
            }
        }

        return FindIgnoringCase(utf8Name);
    }

    /// <summary>Finds the entry for an event type name, ignoring case.</summary>
    public MediaEventType? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name);
    }

    private MediaEventType? FindIgnoringCase(ReadOnlySpan<byte> utf8Name)
    {
        foreach (MediaEventType type in _types)
        {
            if (Ascii.EqualsIgnoreCase(utf8Name, type.Utf8Name))
            {
                return type;
            }
        }

        return null;
    }

    private static int BucketKey(ReadOnlySpan<byte> name) => (name.Length << 8) | name[^1];
}
