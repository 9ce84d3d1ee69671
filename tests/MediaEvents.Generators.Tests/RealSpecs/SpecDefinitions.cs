using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MediaEvents.Generators.Tests.RealSpecs;

/// <summary>
/// The definitions of a swagger file, read with System.Text.Json and nothing of the generator's, so that what
/// the tests expect of the generated code does not come from the code under test.
/// </summary>
internal sealed class SpecDefinitions
{
    private const string LocalReference = "#/definitions/";

    private readonly JsonElement _definitions;

    private SpecDefinitions(JsonElement definitions) => _definitions = definitions;

    /// <summary>Reads the definitions of a spec's text.</summary>
    public static SpecDefinitions Parse(string specText)
    {
        using JsonDocument document = JsonDocument.Parse(specText);
        return new SpecDefinitions(document.RootElement.GetProperty("definitions").Clone());
    }

    /// <summary>Whether the spec defines <paramref name="name"/>.</summary>
    public bool Contains(string name) => _definitions.TryGetProperty(name, out _);

    /// <summary>
    /// The JSON members a definition lists: its own <c>properties</c> and those of the definitions its
    /// <c>allOf</c> refers to. A <c>"$ref"</c> key among the properties with a string value is a stray reference,
    /// not a member.
    /// </summary>
    public IReadOnlyList<string> MemberNames(string definition)
    {
        var names = new List<string>();
        Collect(definition, names, new HashSet<string>(StringComparer.Ordinal));
        return names;
    }

    private void Collect(string definition, List<string> names, HashSet<string> visited)
    {
        if (!visited.Add(definition))
        {
            return;
        }

        JsonElement schema = _definitions.GetProperty(definition);
        if (schema.TryGetProperty("allOf", out JsonElement allOf))
        {
            foreach (JsonElement part in allOf.EnumerateArray())
            {
                if (part.TryGetProperty("$ref", out JsonElement reference) && reference.GetString() is { } target && target.StartsWith(LocalReference, StringComparison.Ordinal))
                {
                    Collect(target[LocalReference.Length..], names, visited);
                }
            }
        }

        if (schema.TryGetProperty("properties", out JsonElement properties))
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    names.Add(property.Name);
                }
            }
        }
    }
}
