using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace MediaEvents.Json;

/// <summary>
/// An immutable string-keyed map that keeps its entries in arrival order (so it writes back as it came) and is
/// compared by content. Keys are compared ordinally, as JSON member names are. A generated record keeps every map it
/// is given as one (<see cref="ValueMap.From{TValue}(IReadOnlyDictionary{string, TValue})"/>): a record built with a
/// <c>Dictionary&lt;string, TValue&gt;</c> equals the same record read from JSON.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    // Maps in events are small (correlation data): a linear search beats building a hash table for each.
    private const int IndexThreshold = 8;
    private readonly KeyValuePair<string, TValue>[] _entries;
    private readonly Dictionary<string, int>? _index;

    /// <summary>Creates the map from entries in order; a repeated key keeps its last value, in its first place.</summary>
    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> entries)
        : this(Deduplicate(entries ?? throw new ArgumentNullException(nameof(entries))))
    {
    }

    private ValueMap(KeyValuePair<string, TValue>[] entries)
    {
        _entries = entries;
        if (_entries.Length > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
            for (int i = 0; i < _entries.Length; i++)
            {
                _index.Add(_entries[i].Key, i);
            }
        }
    }

    // Takes the array as it is: its keys are distinct (MediaJson.ReadMap has seen to that, without a quadratic search).
    internal static ValueMap<TValue> FromDistinct(KeyValuePair<string, TValue>[] entries) => new(entries);

    // Whether every value is what the function makes of it already (as in a map read from JSON).
    internal bool AllKept(Func<TValue, TValue> value)
    {
        foreach (KeyValuePair<string, TValue> entry in _entries)
        {
            if (entry.Value is not null && !ReferenceEquals(value(entry.Value), entry.Value))
            {
                return false;
            }
        }

        return true;
    }

    // A repeated key keeps its last value in its first place, found through an index of the keys rather than by
    // searching every entry before it: linear in the entries.
    private static KeyValuePair<string, TValue>[] Deduplicate(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        var list = new List<KeyValuePair<string, TValue>>();
        var keys = new MemberNameIndex();
        foreach (KeyValuePair<string, TValue> entry in entries)
        {
            int existing = keys.IndexOfOrAdd(entry.Key);
            if (existing >= 0)
            {
                list[existing] = entry;
            }
            else
            {
                list.Add(entry);
            }
        }

        return [.. list];
    }

    /// <inheritdoc />
    public TValue this[string key] => TryGetValue(key, out TValue? value) ? value : throw new KeyNotFoundException($"The key '{key}' is not present.");

    /// <inheritdoc />
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (KeyValuePair<string, TValue> entry in _entries)
            {
                yield return entry.Key;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<TValue> Values
    {
        get
        {
            foreach (KeyValuePair<string, TValue> entry in _entries)
            {
                yield return entry.Value;
            }
        }
    }

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        int position = IndexOf(key);
        if (position >= 0)
        {
            value = _entries[position].Value;
            return true;
        }

        value = default;
        return false;
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.TryGetValue(key, out int position) ? position : -1;
        }

        for (int i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Equal when both hold the same keys with equal values (order does not matter).</summary>
    public bool Equals(ValueMap<TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, TValue> entry in _entries)
        {
            if (!other.TryGetValue(entry.Key, out TValue? value) || !EqualityComparer<TValue>.Default.Equals(entry.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueMap<TValue>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        int hash = 0;
        foreach (KeyValuePair<string, TValue> entry in _entries)
        {
            hash ^= HashCode.Combine(entry.Key, entry.Value);
        }

        return hash;
    }

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", _entries) + "}";
}

/// <summary>
/// Makes the maps that generated records hold: the map itself when it already is a <see cref="ValueMap{TValue}"/>
/// (as every map read from JSON is), else a copy. The init accessor of a map member calls it, so that a record
/// compares by content whatever dictionary it was built with.
/// </summary>
public static class ValueMap
{
    /// <summary>The entries as a <see cref="ValueMap{TValue}"/>: the same map when it is one, a copy otherwise.</summary>
    /// <returns><see langword="null"/> when <paramref name="map"/> is null.</returns>
    [return: NotNullIfNotNull(nameof(map))]
    public static ValueMap<TValue>? From<TValue>(IReadOnlyDictionary<string, TValue>? map) =>
        map is null ? null : map as ValueMap<TValue> ?? new ValueMap<TValue>(map);

    /// <summary>
    /// The entries as a <see cref="ValueMap{TValue}"/> whose values are made by <paramref name="value"/>, for a map
    /// of lists or maps: <c>ValueMap.From(tags, static list =&gt; ValueList.From(list))</c>. A
    /// <see cref="ValueMap{TValue}"/> whose values <paramref name="value"/> returns as they are is kept; otherwise
    /// the map is copied, in its order.
    /// </summary>
    /// <returns><see langword="null"/> when <paramref name="map"/> is null.</returns>
    [return: NotNullIfNotNull(nameof(map))]
    public static ValueMap<TValue>? From<TValue>(IReadOnlyDictionary<string, TValue>? map, Func<TValue, TValue> value)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(value);
        if (map is null)
        {
            return null;
        }

        if (map is ValueMap<TValue> kept && kept.AllKept(value))
        {
            return kept;
        }

        var entries = new List<KeyValuePair<string, TValue>>(map.Count);
        foreach (KeyValuePair<string, TValue> entry in map)
        {
            entries.Add(new KeyValuePair<string, TValue>(entry.Key, entry.Value is null ? entry.Value! : value(entry.Value)));
        }

        return new ValueMap<TValue>(entries);
    }
}
