using System.Collections.Generic;

namespace MediaEvents.Json;

/// <summary>
/// The members of one object that the spec does not define, as <see cref="MediaJson.ReadUnknownMember"/> collects
/// them, with an index of their names so that a repeated name is found without a search of the whole list.
/// </summary>
internal sealed class UnknownMemberList : List<JsonMember>
{
    private MemberNameIndex _names;

    /// <summary>The position of the member named <paramref name="name"/>, or -1 when it is to be added at the end.</summary>
    public int IndexOfOrAdd(string name) => _names.IndexOfOrAdd(name);
}
