using System;
using System.Collections.Generic;

namespace MediaEvents.Json;

/// <summary>
/// The members of one object that the spec does not define, as <see cref="MediaJson.ReadUnknownMember"/> collects
/// them, finding a repeated name by a search of the list while it is short, as nearly every one is, and through a
/// table of names made once it is not, so that an object with thousands of members is not checked in quadratic time.
/// </summary>
internal sealed class UnknownMemberList : List<JsonMember>
{
    private Dictionary<string, int>? _positions;

    /// <summary>
    /// The position of the member named <paramref name="name"/> (ordinal comparison), or -1 when there is none, in
    /// which case the caller adds it at the end.
    /// </summary>
    public int IndexOfOrAdd(string name)
    {
        if (_positions is null)
        {
            if (Count < MemberNameIndex.LinearLimit)
            {
                return IndexOf(this, name);
            }

            _positions = new Dictionary<string, int>(Count * 2, StringComparer.Ordinal);
            for (int i = 0; i < Count; i++)
            {
                _positions.Add(this[i].Name, i);
            }
        }

        if (_positions.TryGetValue(name, out int position))
        {
            return position;
        }

        _positions.Add(name, Count);
        return -1;
    }

    /// <summary>The position of the member named <paramref name="name"/> in any list, by a search of it, or -1.</summary>
    public static int IndexOf(List<JsonMember> members, string name)
    {
        for (int i = 0; i < members.Count; i++)
        {
            if (string.Equals(members[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
