using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Emitting;
using MediaEvents.Generators.Model;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Maps a definition's members to typed properties. Every member gets a type: what the generator cannot type
/// (a free-form object, a member without a type, a type or format it does not know) is a raw JSON value that keeps
/// what arrived; an inline object schema with properties becomes a type of its own, named for its place.
/// </summary>
internal sealed class TypeMapper
{
    private const string Supported = "string, integer (int32, int64), number, boolean, array with items, object with properties or additionalProperties, or a $ref";

    private readonly ParseContext _context;
    private readonly TypeNameRegistry _names;
    private readonly EnumMapper _enums;
    private readonly Dictionary<JsonSchema, DefinitionInfo> _bySchema;
    private readonly List<DefinitionInfo> _inline = new();

    public TypeMapper(ParseContext context, TypeNameRegistry names, EnumMapper enums, Dictionary<JsonSchema, DefinitionInfo> bySchema)
    {
        _context = context;
        _names = names;
        _enums = enums;
        _bySchema = bySchema;
    }

    /// <summary>The inline object schemas met so far, each now a type of its own, in the order met.</summary>
    public IReadOnlyList<DefinitionInfo> InlineTypes => _inline;

    /// <summary>Reads the members a definition declares itself (its own properties and those of its allOf's inline parts).</summary>
    public List<PropertyModel> ReadProperties(DefinitionInfo definition)
    {
        var properties = new List<PropertyModel>();
        var names = new Dictionary<string, string>(System.StringComparer.Ordinal)
        {
            [definition.Name] = $"the type '{definition.Name}' itself",
        };
        foreach (string member in ReservedNames.RecordMembers)
        {
            names[member] = $"the record member '{member}'";
        }

        IEnumerable<KeyValuePair<string, JsonSchemaProperty>> declared = definition.Schema.Properties
            .Concat(definition.Schema.AllOf.Where(static item => !item.HasReference).SelectMany(static item => item.Properties));
        foreach (KeyValuePair<string, JsonSchemaProperty> entry in declared)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            JToken? json = FindPropertyJson(definition.Json, entry.Key);
            string label = $"{definition.DefinitionName}.{entry.Key}";
            string name = CSharpNames.ToPascalCase(entry.Key);
            if (names.TryGetValue(name, out string? other))
            {
                _context.Report(DiagnosticDescriptors.NameCollision, json, other, $"the property '{label}'", name, "the later member is not typed, and is kept in UnknownMembers when it arrives");
                continue;
            }

            names[name] = $"the property '{label}'";
            TypeRef type = Map(entry.Value, json as JObject, label, definition.Name + name);
            properties.Add(new PropertyModel(entry.Key, name, type, Text.Description(entry.Value.Description), entry.Value.IsRequired));
        }

        return properties;
    }

    private static JToken? FindPropertyJson(JObject definition, string name) =>
        (definition["properties"] as JObject)?[name]
        ?? (definition["allOf"] as JArray)?.OfType<JObject>().Select(item => (item["properties"] as JObject)?[name]).FirstOrDefault(static found => found is not null);

    /// <summary>The type of a member schema; <paramref name="typeName"/> names an enum or inline type declared there.</summary>
    public TypeRef Map(JsonSchema schema, JObject? json, string label, string typeName)
    {
        // A $ref with a description beside it is often written as an allOf of one $ref.
        if (!schema.HasReference && schema.Properties.Count == 0 && schema.AllOf.Count == 1 && schema.AllOf.First().HasReference)
        {
            return Map(schema.AllOf.First(), (json?["allOf"] as JArray)?[0] as JObject, label, typeName);
        }

        if (schema.HasReference)
        {
            return _bySchema.TryGetValue(schema.Reference!.ActualSchema, out DefinitionInfo? target)
                ? target.IsEnum ? _enums.MapDefinition(target) : new TypeRef(ValueKind.Object, target.Name)
                : Unmappable(json, label, "a $ref the generator could not follow", "the member is read as raw JSON");
        }

        JsonObjectType type = schema.Type & ~JsonObjectType.Null;
        if (json?["enum"] is not null || json?["x-ms-enum"] is not null)
        {
            if (type is JsonObjectType.String or JsonObjectType.None)
            {
                return _enums.MapInline(json, label, typeName);
            }

            TypeRef underlying = Map(schema, WithoutEnum(json), label, typeName);
            _context.Report(DiagnosticDescriptors.UnsupportedType, json, label, $"an enum of type '{Describe(type)}'", "it is read as a plain value of that type, and its listed values are not named", "a string enum");
            return underlying;
        }

        string? format = string.IsNullOrEmpty(schema.Format) ? null : schema.Format;
        switch (type)
        {
            case JsonObjectType.String:
                return format == "date-time" ? new TypeRef(ValueKind.DateTimeOffset) : new TypeRef(ValueKind.String);
            case JsonObjectType.Integer:
                return format switch
                {
                    "int64" => new TypeRef(ValueKind.Int64),
                    null or "int32" => new TypeRef(ValueKind.Int32),
                    _ => Unmappable(json, label, $"the integer format '{format}'", "the member is read as raw JSON"),
                };
            case JsonObjectType.Number:
                return format is null or "double" or "float"
                    ? new TypeRef(ValueKind.Double)
                    : Unmappable(json, label, $"the number format '{format}'", "the member is read as raw JSON");
            case JsonObjectType.Boolean:
                return new TypeRef(ValueKind.Boolean);
            case JsonObjectType.Array:
                if (schema.Item is null)
                {
                    return new TypeRef(ValueKind.Array, Element: Unmappable(json, label, "an array without 'items'", "its items are read as raw JSON"));
                }

                return new TypeRef(ValueKind.Array, Element: Map(schema.Item, json?["items"] as JObject, label + "[]", typeName + "Item"));
            case JsonObjectType.Object or JsonObjectType.None when schema.Properties.Count > 0 || schema.AllOf.Count > 0:
                return new TypeRef(ValueKind.Object, DeclareInline(schema, json!, label, typeName).Name);
            case JsonObjectType.Object or JsonObjectType.None when schema.AdditionalPropertiesSchema is { } values && !IsFreeForm(json?["additionalProperties"]):
                return new TypeRef(ValueKind.Map, Element: Map(values, json?["additionalProperties"] as JObject, label + "{}", typeName + "Value"));
            case JsonObjectType.Object or JsonObjectType.None:
                // A free-form object (no properties; additionalProperties absent, true or {}) or a member without a type.
                return new TypeRef(ValueKind.Json);
            default:
                return Unmappable(json, label, $"the type '{Describe(type)}'", "the member is read as raw JSON");
        }
    }

    private DefinitionInfo DeclareInline(JsonSchema schema, JObject json, string label, string typeName)
    {
        var inline = new DefinitionInfo(label, schema, json, isInline: true);
        inline.Name = _names.Claim(typeName, $"the inline object of '{label}'", json);
        _bySchema[schema] = inline;
        _inline.Add(inline);
        return inline;
    }

    private TypeRef Unmappable(JToken? json, string label, string what, string consequence)
    {
        _context.Report(DiagnosticDescriptors.UnsupportedType, json, label, what, consequence + " (RawJsonValue)", Supported);
        return new TypeRef(ValueKind.Json);
    }

    private static bool IsFreeForm(JToken? additionalProperties) =>
        additionalProperties is null or { Type: JTokenType.Boolean } || (additionalProperties is JObject schema && !schema.HasValues);

    private static JObject? WithoutEnum(JObject? json)
    {
        if (json is null)
        {
            return null;
        }

        var copy = new JObject(json.Properties().Where(static property => property.Name is not ("enum" or "x-ms-enum")));
        return copy;
    }

    private static string Describe(JsonObjectType type) => type.ToString().ToLowerInvariant();
}
