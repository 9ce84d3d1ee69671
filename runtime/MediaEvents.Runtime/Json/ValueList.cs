using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace MediaEvents.Json;

/// <summary>
/// An immutable list compared by its elements, so that generated records holding lists compare by value. A generated
/// record keeps every list it is given as one (<see cref="ValueList.From{T}(IReadOnlyList{T})"/>): a record built with
/// a <c>List&lt;T&gt;</c> or an array equals the same record read from JSON.
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

    // Whether every item is what the function makes of it already (as in a list read from JSON).
    internal bool AllKept(Func<T, T> item)
    {
        foreach (T original in _items)
        {
            if (original is not null && !ReferenceEquals(item(original), original))
            {
                return false;
            }
        }

        return true;
    }

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

/// <summary>
/// Makes the lists that generated records hold: the list itself when it already is a <see cref="ValueList{T}"/>
/// (as every list read from JSON is), else a copy. The init accessor of a list member calls it, so that a record
/// compares by content whatever collection it was built with.
/// </summary>
public static class ValueList
{
    /// <summary>The items as a <see cref="ValueList{T}"/>: the same list when it is one, a copy otherwise.</summary>
    /// <returns><see langword="null"/> when <paramref name="items"/> is null.</returns>
    [return: NotNullIfNotNull(nameof(items))]
    public static ValueList<T>? From<T>(IReadOnlyList<T>? items) =>
        items is null ? null : items as ValueList<T> ?? new ValueList<T>(items);

    /// <summary>
    /// The items as a <see cref="ValueList{T}"/> of items made by <paramref name="item"/>, for a list of lists or
    /// maps: <c>ValueList.From(grid, static row =&gt; ValueList.From(row))</c>. A <see cref="ValueList{T}"/> whose
    /// items <paramref name="item"/> returns as they are is kept; otherwise the list is copied.
    /// </summary>
    /// <returns><see langword="null"/> when <paramref name="items"/> is null.</returns>
    [return: NotNullIfNotNull(nameof(items))]
    public static ValueList<T>? From<T>(IReadOnlyList<T>? items, Func<T, T> item)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(item);
        if (items is null)
        {
            return null;
        }

        if (items is ValueList<T> kept && kept.AllKept(item))
        {
            return kept;
        }

        var copy = new T[items.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i] is { } original ? item(original) : items[i];
        }

        return new ValueList<T>(copy, owned: true);
    }
}
