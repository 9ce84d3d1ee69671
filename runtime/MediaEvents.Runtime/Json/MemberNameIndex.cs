using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MediaEvents.Json;

/// <summary>
/// The member names met so far in one JSON object, each with its position (ordinal comparison), to find a name
/// that repeats. A linear search over the first <see cref="LinearLimit"/>, kept inline, as nearly every object
/// has no more; then a hash table, so that an object with thousands of members (a hostile delivery) is not
/// checked in quadratic time. Nothing is allocated below the limit.
/// </summary>
internal struct MemberNameIndex
{
    /// <summary>The number of names searched one by one before the table is made.</summary>
    public const int LinearLimit = 8;

    private Names _first;
    private int _count;
    private Dictionary<string, int>? _positions;

    /// <summary>
    /// The position of <paramref name="name"/> when it was met before; otherwise -1, and the name is recorded at
    /// the next position (the number of names recorded before it).
    /// </summary>
    public int IndexOfOrAdd(string name)
    {
        if (_positions is null)
        {
            ReadOnlySpan<string?> first = _first;
            for (int i = 0; i < _count; i++)
            {
                if (string.Equals(first[i], name, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            if (_count < LinearLimit)
            {
                _first[_count++] = name;
                return -1;
            }

            _positions = new Dictionary<string, int>(LinearLimit * 4, StringComparer.Ordinal);
            for (int i = 0; i < _count; i++)
            {
                _positions.Add(first[i]!, i);
            }

            _first = default;
        }

        if (_positions.TryGetValue(name, out int position))
        {
            return position;
        }

        _positions.Add(name, _count++);
        return -1;
    }

    [InlineArray(LinearLimit)]
    private struct Names
    {
        private string? _name;
    }
}
