using System;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// The members of one generated object while <see cref="MediaJson.ReadObject{TMembers}"/> reads it: a struct per
/// type, holding the values read so far. A derived type's struct holds its base's and hands it the base's members,
/// so that a member is read by the code of the type that declares it.
/// </summary>
public interface IMediaJsonMembers
{
    /// <summary>Every member's JSON name, inherited ones first; a member's index is its position here.</summary>
    static abstract MediaJsonPropertyNames Names { get; }

    /// <summary>The index of the member named exactly <paramref name="utf8Name"/>, or -1.</summary>
    static abstract int MatchExact(ReadOnlySpan<byte> utf8Name);

    /// <summary>Reads the value of the member at <paramref name="member"/>, the reader on its first token.</summary>
    void ReadMember(int member, ref Utf8JsonReader reader, MediaJsonReadContext context);
}

/// <summary>The members of a generated type that is not abstract: the object is made from them once they are read.</summary>
public interface IMediaJsonObject : IMediaJsonMembers
{
    /// <summary>The object, from the members read and those the spec does not define.</summary>
    /// <exception cref="MediaJsonException">A member the spec requires is missing.</exception>
    object Create(JsonMembers? unknownMembers);
}
