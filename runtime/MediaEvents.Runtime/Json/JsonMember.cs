using System;
using System.Text;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// A member the spec does not define, kept exactly as it arrived: its name and the raw UTF-8 JSON of its value.
/// Two members are equal when their names are equal and their values have the same tokens (whitespace and
/// string escapes aside).
/// </summary>
public sealed class JsonMember : IEquatable<JsonMember>
{
    /// <summary>Creates a member from its name and the raw UTF-8 JSON of its value.</summary>
    public JsonMember(string name, ReadOnlyMemory<byte> rawValue)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        RawValue = rawValue;
    }

    /// <summary>The member's name, as it arrived.</summary>
    public string Name { get; }

    /// <summary>The member's value as raw UTF-8 JSON, exactly as it arrived.</summary>
    public ReadOnlyMemory<byte> RawValue { get; }

    /// <summary>The value as a <see cref="JsonElement"/> (parsed on each call).</summary>
    public JsonElement Value
    {
        get
        {
            using JsonDocument document = JsonDocument.Parse(RawValue, new JsonDocumentOptions { MaxDepth = int.MaxValue });
            return document.RootElement.Clone();
        }
    }

    /// <inheritdoc />
    public bool Equals(JsonMember? other) =>
        other is not null && Name == other.Name && RawJson.TokensEqual(RawValue.Span, other.RawValue.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JsonMember);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        return HashCode.Combine(Name, RawJson.GetTokensHashCode(RawValue.Span));
    }

    /// <inheritdoc />
    public override string ToString() => $"\"{Name}\": {Encoding.UTF8.GetString(RawValue.Span)}";
}
