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
    // Held while entries are checked and attached: an entry belongs to one catalogue, whose position is its ordinal.
    private static readonly object s_attaching = new();

    private readonly MediaEventType[] _types;
    private readonly Dictionary<string, MediaEventType> _byName;
    private readonly Dictionary<int, MediaEventType[]> _buckets;

    /// <summary>Creates a catalogue; entries take their ordinals from their positions.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="types"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An entry is null, two entries have one name (ignoring case, as the reader matches names), or an entry already
    /// belongs to another catalogue. Nothing is attached then: the entries stay free for a catalogue that is valid.
    /// </exception>
    public MediaEventCatalog(params MediaEventType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = (MediaEventType[])types.Clone();
        _byName = new Dictionary<string, MediaEventType>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < _types.Length; i++)
        {
            MediaEventType type = _types[i] ?? throw new ArgumentException($"The catalogue's entry at index {i} is null.", nameof(types));
            if (_byName.TryGetValue(type.Name, out MediaEventType? first))
            {
                int at = Array.IndexOf(_types, first);
                throw new ArgumentException(
                    ReferenceEquals(first, type)
                        ? $"The entry '{type.Name}' is listed twice, at index {at} and {i}."
                        : $"The entries at index {at} and {i} both have the event type name '{first.Name}'{(first.Name == type.Name ? string.Empty : $" ('{type.Name}' differs only in case, and the reader matches names ignoring case)")}.",
                    nameof(types));
            }

            _byName.Add(type.Name, type);
        }

        // All entries free, then all attached, under one lock: two catalogues built at once from shared entries
        // cannot split them, and a refused catalogue leaves every entry free.
        lock (s_attaching)
        {
            foreach (MediaEventType type in _types)
            {
                if (type.Catalog is not null)
                {
                    throw new ArgumentException(
                        $"The entry '{type.Name}' already belongs to another catalogue, at ordinal {type.Ordinal}; an entry belongs to one catalogue only. Create a new MediaEventType with the same reader and writer for this catalogue.",
                        nameof(types));
                }
            }

            for (int i = 0; i < _types.Length; i++)
            {
                _types[i].Attach(this, i);
            }
        }

        // Buckets by (length, last byte): names share the "Microsoft.Media." prefix, so the tail tells them apart.
        var buckets = new Dictionary<int, List<MediaEventType>>();
        foreach (MediaEventType type in _types)
        {
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
