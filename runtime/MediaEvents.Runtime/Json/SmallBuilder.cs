using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MediaEvents.Json;

/// <summary>
/// Collects the items of a JSON array or object on the stack (the first eight, which is nearly always all of
/// them), so that only the final, exact-size array is allocated.
/// </summary>
internal struct SmallBuilder<T>
{
    private Inline8 _inline;
    private List<T>? _overflow;

    public int Count { get; private set; }

    /// <summary>Replaces the item at <paramref name="index"/>, one of those added.</summary>
    public T this[int index]
    {
        set
        {
            if (index < 8)
            {
                _inline[index] = value;
            }
            else
            {
                _overflow![index - 8] = value;
            }
        }
    }

    public void Add(T item)
    {
        if (Count < 8)
        {
            _inline[Count] = item;
        }
        else
        {
            (_overflow ??= new List<T>()).Add(item);
        }

        Count++;
    }

    public T[] ToArray()
    {
        if (Count == 0)
        {
            return Array.Empty<T>();
        }

        var items = new T[Count];
        ReadOnlySpan<T> inline = _inline;
        inline[..Math.Min(Count, 8)].CopyTo(items);
        _overflow?.CopyTo(items, 8);
        return items;
    }

    [InlineArray(8)]
    private struct Inline8
    {
        private T _first;
    }
}
