using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Diagnostics;
using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Checks that every schema keyword the generator reads has the JSON type swagger 2.0 gives it, before
/// NJsonSchema sees the document (it throws on, say, <c>"required": "x"</c>): a wrong type is a MEG0002 at its
/// place in the file, not a failure of the generator.
/// </summary>
internal static class SchemaShapeValidator
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
        ["readOnly"] = new[] { JTokenType.Boolean },
        ["x-nullable"] = new[] { JTokenType.Boolean },
    };

    /// <summary>Reports every misshapen keyword; returns whether the document is well shaped.</summary>
    public static bool Validate(SpecDocument document, JObject definitions, string path, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        foreach (JProperty definition in definitions.Properties())
        {
            CheckSchema(document, definition.Value, $"definitions.{definition.Name}", path, diagnostics);
        }

        return diagnostics.Count == before;
    }

    private static void CheckSchema(SpecDocument document, JToken schema, string label, string path, List<DiagnosticInfo> diagnostics)
    {
        if (schema is not JObject json)
        {
            Report(document, schema, path, diagnostics, $"'{label}' must be a schema object, found {Describe(schema)}");
            return;
        }

        foreach (JProperty keyword in json.Properties())
        {
            if (s_keywords.TryGetValue(keyword.Name, out JTokenType[]? allowed) && !allowed.Contains(keyword.Value.Type))
            {
                string expected = string.Join(" or ", allowed.Select(static type => "a " + type.ToString().ToLowerInvariant()));
                Report(document, keyword.Value, path, diagnostics, $"'{label}.{keyword.Name}' must be {expected}, found {Describe(keyword.Value)}");
            }
        }

        if (json["required"] is JArray required && required.Any(static item => item.Type != JTokenType.String))
        {
            Report(document, required, path, diagnostics, $"'{label}.required' must list property names as strings");
        }

        if (json["x-ms-enum"] is JObject extension)
        {
            CheckExtension(document, extension, $"{label}.x-ms-enum", path, diagnostics);
        }

        if (json["properties"] is JObject properties)
        {
            foreach (JProperty property in properties.Properties())
            {
                CheckSchema(document, property.Value, $"{label}.properties.{property.Name}", path, diagnostics);
            }
        }

        if (json["allOf"] is JArray allOf)
        {
            for (int i = 0; i < allOf.Count; i++)
            {
                CheckSchema(document, allOf[i], $"{label}.allOf[{i}]", path, diagnostics);
            }
        }

        if (json["items"] is JObject items)
        {
            CheckSchema(document, items, $"{label}.items", path, diagnostics);
        }

        if (json["additionalProperties"] is JObject additional)
        {
            CheckSchema(document, additional, $"{label}.additionalProperties", path, diagnostics);
        }
    }

    private static void CheckExtension(SpecDocument document, JObject extension, string label, string path, List<DiagnosticInfo> diagnostics)
    {
        if (extension["name"] is { } name && name.Type != JTokenType.String)
        {
            Report(document, name, path, diagnostics, $"'{label}.name' must be a string, found {Describe(name)}");
        }

        if (extension["modelAsExtensible"] is { } extensible && extensible.Type != JTokenType.Boolean)
        {
            Report(document, extensible, path, diagnostics, $"'{label}.modelAsExtensible' must be a boolean, found {Describe(extensible)}");
        }

        if (extension["values"] is { } values)
        {
            if (values is not JArray array || array.Any(static item => item is not JObject value || value["value"] is null or JObject or JArray || value["description"] is { Type: not JTokenType.String }))
            {
                Report(document, values, path, diagnostics, $"'{label}.values' must be an array of objects with a 'value' and an optional string 'description'");
            }
        }
    }

    private static void Report(SpecDocument document, JToken token, string path, List<DiagnosticInfo> diagnostics, string problem) =>
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotSwagger2, document.Locate(token), path, problem));

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}
