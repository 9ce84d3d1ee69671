using System;
using System.Collections.Generic;
using MediaEvents.Json;

namespace MediaEvents.Tracking.Folding;

/// <summary>
/// Lists of parts kept in ordinal order of their key (outputs by label, streams by id, tracks by name), so that a
/// snapshot's content, and its JSON, does not depend on which part was seen first.
/// </summary>
internal static class KeyedList
{
    public static ValueList<T> Change<T>(ValueList<T> items, string key, Func<T, string> keyOf, Func<string, T> create, Func<T, T> change)
    {
        var result = new List<T>(items.Count + 1);
        result.AddRange(items);
        int at = result.FindIndex(item => string.CompareOrdinal(keyOf(item), key) >= 0);
        if (at >= 0 && string.Equals(keyOf(result[at]), key, StringComparison.Ordinal))
        {
            result[at] = change(result[at]);
        }
        else
        {
            result.Insert(at < 0 ? result.Count : at, change(create(key)));
        }

        return new ValueList<T>(result);
    }

    public static T? Find<T>(ValueList<T> items, string key, Func<T, string> keyOf)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (T item in items)
        {
            if (string.Equals(keyOf(item), key, StringComparison.Ordinal))
            {
                return item;
            }
        }

        return null;
    }
}
