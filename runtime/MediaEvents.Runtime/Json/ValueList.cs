using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace MediaEvents.Json;

/// <summary>
/// An immutable list compared by its elements, so that generated records holding lists compare by value.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>Creates the list from the items, in order.</summary>
    public ValueList(IEnumerable<T> items)
    {
        _items = [.. items ?? throw new ArgumentNullException(nameof(items))];
    }

    // Takes the array as it is: for readers that built it for this list alone.
    internal ValueList(T[] items, bool owned)
    {
        _ = owned;
        _items = items;
    }

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && _items.SequenceEqual(other._items, EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (T item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
