using System.Collections.Generic;
using MediaEvents.Generators.Model;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// A record-like schema while the spec is read: a definition, or an inline object schema of a member, which
/// becomes a type of its own. Lives only inside the parse step.
/// </summary>
internal sealed class DefinitionInfo
{
    public DefinitionInfo(string definitionName, JsonSchema schema, JObject json, bool isInline)
    {
        DefinitionName = definitionName;
        Schema = schema;
        Json = json;
        IsInline = isInline;
    }

    /// <summary>The spec's name (for an inline schema, its place: <c>DeviceTwinInfo.properties.x509Thumbprint</c>).</summary>
    public string DefinitionName { get; }

    /// <summary>The C# name it was given.</summary>
    public string Name { get; set; } = string.Empty;

    public JsonSchema Schema { get; }

    public JObject Json { get; }

    public bool IsInline { get; }

    /// <summary>Whether the definition is a string enum rather than a record.</summary>
    public bool IsEnum => Json["enum"] is not null && Json["properties"] is null;

    /// <summary>The base definition (its allOf's $ref), once resolved.</summary>
    public DefinitionInfo? Base { get; set; }

    /// <summary>The members it declares itself, once read.</summary>
    public List<PropertyModel> OwnProperties { get; set; } = new();

    /// <summary>The definition and its bases, the root first (cycles cut).</summary>
    public List<DefinitionInfo> Chain()
    {
        var chain = new List<DefinitionInfo>();
        var seen = new HashSet<DefinitionInfo>();
        for (DefinitionInfo? current = this; current is not null && seen.Add(current); current = current.Base)
        {
            chain.Add(current);
        }

        chain.Reverse();
        return chain;
    }
}
