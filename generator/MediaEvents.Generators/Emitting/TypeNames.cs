using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Emitting;

/// <summary>The C# spelling of model types, fully qualified.</summary>
internal static class TypeNames
{
    public const string Runtime = "global::MediaEvents";
    public const string Json = "global::MediaEvents.Json";
    public const string StjSerialization = "global::System.Text.Json.Serialization";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string TokenType = "global::System.Text.Json.JsonTokenType";
    public const string ReadContext = Json + ".MediaJsonReadContext";
    public const string MediaJson = Json + ".MediaJson";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string CancellationToken = "global::System.Threading.CancellationToken";

    /// <summary>The declared type of a property (non-nullable form).</summary>
    public static string Of(TypeRef type, string @namespace) => type.Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Int32 => "int",
        ValueKind.Int64 => "long",
        ValueKind.Double => "double",
        ValueKind.Boolean => "bool",
        ValueKind.DateTimeOffset => "global::System.DateTimeOffset",
        ValueKind.Object or ValueKind.Enum => $"global::{@namespace}.{type.Name}",
        ValueKind.Json => Json + ".RawJsonValue",
        ValueKind.Array => $"global::System.Collections.Generic.IReadOnlyList<{Of(type.Element!, @namespace)}>",
        _ => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {Of(type.Element!, @namespace)}>",
    };

    /// <summary>The converter class (nested in the context) for an object or enum type.</summary>
    public static string Converter(SpecModel spec, string typeName) => $"global::{spec.Namespace}.{spec.Names.Context}.{typeName}Converter";
}
