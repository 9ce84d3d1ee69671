using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>Small text helpers of the parse step.</summary>
internal static class Text
{
    /// <summary>A spec description trimmed, or null when there is none.</summary>
    public static string? Description(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    /// <summary>What a JSON value is, for a message: "an object", "a string", ...</summary>
    public static string Describe(JToken token) => Describe(token.Type);

    /// <summary>A JSON type with its article, for a message: "an object", "a string", ...</summary>
    public static string Describe(JTokenType type) => type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => type.ToString().ToLowerInvariant(),
    };
}
