using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Diagnostics;
using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Walks the schema positions of a definition (its properties, items, additionalProperties and allOf, nothing
/// else) and makes the tree safe to read: a keyword of the wrong JSON type is dropped with a warning (NJsonSchema
/// would throw on <c>"required": "x"</c>), a stray <c>"$ref"</c> among the properties becomes the property it
/// evidently is, and a member that is not schema but holds a <c>$ref</c> (an example) is dropped, so that only
/// schema references are ever followed. Every schema <c>$ref</c> met is handed to <see cref="ReferenceResolver"/>.
/// </summary>
internal static class SchemaCleaner
{
    private static readonly Dictionary<string, JTokenType[]> s_keywords = new()
    {
        ["type"] = new[] { JTokenType.String },
        ["format"] = new[] { JTokenType.String },
        ["description"] = new[] { JTokenType.String },
        ["title"] = new[] { JTokenType.String },
        ["properties"] = new[] { JTokenType.Object },
        ["required"] = new[] { JTokenType.Array },
        ["allOf"] = new[] { JTokenType.Array },
        ["items"] = new[] { JTokenType.Object },
        ["additionalProperties"] = new[] { JTokenType.Object, JTokenType.Boolean },
        ["enum"] = new[] { JTokenType.Array },
        ["x-ms-enum"] = new[] { JTokenType.Object },
        ["discriminator"] = new[] { JTokenType.String },
        ["x-ms-discriminator-value"] = new[] { JTokenType.String },
        ["readOnly"] = new[] { JTokenType.Boolean },
        ["x-nullable"] = new[] { JTokenType.Boolean },
        ["$ref"] = new[] { JTokenType.String },
    };

    /// <summary>Cleans one definition; returns false (after a warning) when it is not a schema object at all.</summary>
    public static bool CleanDefinition(ParseContext context, JProperty definition, List<JProperty> references)
    {
        if (definition.Value is not JObject schema)
        {
            context.Report(DiagnosticDescriptors.SpecMistake, definition.Value, $"'definitions.{definition.Name}' must be a schema object, found {Text.Describe(definition.Value)}", "the definition is skipped, and members that refer to it are read as raw JSON");
            return false;
        }

        Clean(context, schema, $"definitions.{definition.Name}", references);
        return true;
    }

    private static void Clean(ParseContext context, JObject schema, string label, List<JProperty> references)
    {
        foreach (JProperty keyword in schema.Properties().ToList())
        {
            if (s_keywords.TryGetValue(keyword.Name, out JTokenType[]? allowed))
            {
                if (keyword.Name == "$ref" && keyword.Value.Type != JTokenType.String)
                {
                    context.Report(DiagnosticDescriptors.DanglingReference, keyword.Value, keyword.Value.ToString(Newtonsoft.Json.Formatting.None), "the value is not a string", $"'{label}' is read as raw JSON");
                    keyword.Remove();
                }
                else if (!allowed.Contains(keyword.Value.Type))
                {
                    string expected = string.Join(" or ", allowed.Select(static type => Text.Describe(type)));
                    context.Report(DiagnosticDescriptors.SpecMistake, keyword.Value, $"'{label}.{keyword.Name}' must be {expected}, found {Text.Describe(keyword.Value)}", $"'{keyword.Name}' is ignored there");
                    keyword.Remove();
                }
            }
            else if (keyword.Value is JContainer container && container.Descendants().OfType<JProperty>().Any(static property => property.Name == "$ref"))
            {
                // Examples and other annotations may link to files; they are not schema and are never followed.
                keyword.Remove();
            }
        }

        if (schema["$ref"] is JValue)
        {
            references.Add((JProperty)schema["$ref"]!.Parent!);
        }

        if (schema["required"] is JArray required && required.Any(static item => item.Type != JTokenType.String))
        {
            context.Report(DiagnosticDescriptors.SpecMistake, required, $"'{label}.required' must list property names as strings", "the entries that are not strings are ignored");
            foreach (JToken item in required.Where(static item => item.Type != JTokenType.String).ToList())
            {
                item.Remove();
            }
        }

        if (schema["x-ms-enum"] is JObject extension)
        {
            CleanEnumExtension(context, extension, $"{label}.x-ms-enum");
        }

        if (schema["properties"] is JObject properties)
        {
            foreach (JProperty property in properties.Properties().ToList())
            {
                if (property.Value is JObject propertySchema)
                {
                    Clean(context, propertySchema, $"{label}.properties.{property.Name}", references);
                }
                else if (property.Name == "$ref" && property.Value.Type == JTokenType.String)
                {
                    RepairStrayReference(context, properties, property, label, references);
                }
                else
                {
                    context.Report(DiagnosticDescriptors.SpecMistake, property.Value, $"'{label}.properties.{property.Name}' must be a schema object, found {Text.Describe(property.Value)}", "the member is not typed, and is kept in UnknownMembers when it arrives");
                    property.Remove();
                }
            }
        }

        if (schema["allOf"] is JArray allOf)
        {
            for (int i = 0; i < allOf.Count; i++)
            {
                if (allOf[i] is JObject item)
                {
                    Clean(context, item, $"{label}.allOf[{i}]", references);
                }
                else
                {
                    context.Report(DiagnosticDescriptors.SpecMistake, allOf[i], $"'{label}.allOf[{i}]' must be a schema object, found {Text.Describe(allOf[i])}", "the entry is ignored");
                    allOf[i--].Remove();
                }
            }
        }

        if (schema["items"] is JObject items)
        {
            Clean(context, items, $"{label}.items", references);
        }

        if (schema["additionalProperties"] is JObject additional)
        {
            Clean(context, additional, $"{label}.additionalProperties", references);
        }
    }

    // "properties": { ..., "$ref": "#/definitions/AsyncStatus" } is a property whose name was lost. The service sends
    // it under the referenced schema's own name (x-ms-enum's name, else the definition's), camelCased: that member.
    private static void RepairStrayReference(ParseContext context, JObject properties, JProperty stray, string label, List<JProperty> references)
    {
        string target = stray.Value.Value<string>()!;
        string definitionName = target.Substring(target.LastIndexOf('/') + 1);
        string ownName = (context.Definitions[definitionName]?["x-ms-enum"]?["name"] as JValue)?.Value as string ?? definitionName;
        string memberName = ownName.Length == 0 ? ownName : char.ToLowerInvariant(ownName[0]) + ownName.Substring(1);
        if (memberName.Length == 0 || properties[memberName] is not null)
        {
            context.Report(DiagnosticDescriptors.SpecMistake, stray, $"'{label}.properties' has a \"$ref\" where a property belongs", "it is ignored, and the member is kept in UnknownMembers when it arrives");
            stray.Remove();
            return;
        }

        context.Report(DiagnosticDescriptors.SpecMistake, stray, $"'{label}.properties' has a \"$ref\" where a property belongs", $"it is read as the member '{memberName}' of the referenced type (named after '{ownName}'); name the property in the spec");
        var replacement = new JProperty(memberName, new JObject(new JProperty("$ref", target)));
        stray.Replace(replacement);
        Clean(context, (JObject)replacement.Value, $"{label}.properties.{memberName}", references);
    }

    private static void CleanEnumExtension(ParseContext context, JObject extension, string label)
    {
        foreach ((string name, JTokenType type) in new[] { ("name", JTokenType.String), ("modelAsExtensible", JTokenType.Boolean), ("modelAsString", JTokenType.Boolean) })
        {
            if (extension[name] is { } value && value.Type != type)
            {
                context.Report(DiagnosticDescriptors.SpecMistake, value, $"'{label}.{name}' must be {Text.Describe(type)}, found {Text.Describe(value)}", $"'{name}' is ignored");
                value.Parent!.Remove();
            }
        }

        if (extension["values"] is { } values
            && (values is not JArray array || array.Any(static item => item is not JObject value || value["value"] is null or JObject or JArray || value["description"] is { Type: not JTokenType.String })))
        {
            context.Report(DiagnosticDescriptors.SpecMistake, values, $"'{label}.values' must be an array of objects with a 'value' and an optional string 'description'", "the values' descriptions are not used");
            values.Parent!.Remove();
        }
    }
}
