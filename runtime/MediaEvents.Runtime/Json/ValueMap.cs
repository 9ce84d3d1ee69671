using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace MediaEvents.Json;

/// <summary>
/// An immutable string-keyed map that keeps its entries in arrival order (so it writes back as it came) and is
/// compared by content. Keys are compared ordinally, as JSON member names are.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    private readonly KeyValuePair<string, TValue>[] _entries;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates the map from entries in order; a repeated key keeps its last value, in its first place.</summary>
    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<string, TValue>>();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, TValue> entry in entries)
        {
            if (_index.TryGetValue(entry.Key, out int existing))
            {
                list[existing] = entry;
            }
            else
            {
                _index.Add(entry.Key, list.Count);
                list.Add(entry);
            }
        }

        _entries = [.. list];
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
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_index.TryGetValue(key, out int position))
        {
            value = _entries[position].Value;
            return true;
        }

        value = default;
        return false;
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
