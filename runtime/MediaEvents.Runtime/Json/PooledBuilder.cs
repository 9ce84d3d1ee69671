using System;
using System.Buffers;

namespace MediaEvents.Json;

/// <summary>Collects items in a rented array, so that only the final, exact-size array is allocated.</summary>
internal struct PooledBuilder<T>
{
    private T[]? _items;

    public int Count { get; private set; }

    public void Add(T item)
    {
        _items ??= ArrayPool<T>.Shared.Rent(8);
        if (Count == _items.Length)
        {
            T[] larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_items, clearArray: true);
            _items = larger;
        }

        _items[Count++] = item;
    }

    public readonly T[] ToArray() => Count == 0 ? Array.Empty<T>() : _items.AsSpan(0, Count).ToArray();

    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<T>.Shared.Return(_items, clearArray: true);
            _items = null;
        }
    }
}
