using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// The members of a JSON object that the spec does not define, in the order they arrived. They are kept so that
/// nothing is lost, and written back unchanged when the object is serialized. Equality is by content.
/// </summary>
public sealed class JsonMembers : IReadOnlyList<JsonMember>, IEquatable<JsonMembers>
{
    private readonly JsonMember[] _members;

    /// <summary>Creates the collection from members in their original order.</summary>
    public JsonMembers(IEnumerable<JsonMember> members)
    {
        _members = [.. members ?? throw new ArgumentNullException(nameof(members))];
    }

    /// <inheritdoc />
    public int Count => _members.Length;

    /// <inheritdoc />
    public JsonMember this[int index] => _members[index];

    /// <summary>The first member with this name (ordinal comparison), or <see langword="null"/>.</summary>
    public JsonMember? Find(string name)
    {
        foreach (JsonMember member in _members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Returns <see langword="null"/> for no members, so that objects without extras carry nothing.</summary>
    public static JsonMembers? From(List<JsonMember>? members) => members is null || members.Count == 0 ? null : new JsonMembers(members);

    /// <summary>Writes every member back: the same names and values, in the writer's formatting.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (JsonMember member in _members)
        {
            writer.WritePropertyName(member.Name);
            RawJson.Write(writer, member.RawValue.Span);
        }
    }

    /// <inheritdoc />
    public IEnumerator<JsonMember> GetEnumerator() => ((IEnumerable<JsonMember>)_members).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(JsonMembers? other) => other is not null && _members.AsSpan().SequenceEqual(other._members);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JsonMembers);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (JsonMember member in _members)
        {
            hash.Add(member);
        }

        return hash.ToHashCode();
    }
}
