using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Model;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// <c>allOf</c> as inheritance, <c>discriminator</c> and <c>x-ms-discriminator-value</c> as polymorphism. What the
/// generator cannot honour degrades with a warning: a second base's members are copied in, a cycle is cut, a
/// discriminator value whose base declares no discriminator is ignored (older upstream specs have them).
/// </summary>
internal sealed class InheritanceResolver
{
    private readonly ParseContext _context;
    private readonly Dictionary<JsonSchema, DefinitionInfo> _bySchema;
    private readonly Dictionary<DefinitionInfo, List<DefinitionInfo>> _extraBases = new();
    private readonly HashSet<DefinitionInfo> _reportedOrphans = new();

    public InheritanceResolver(ParseContext context, Dictionary<JsonSchema, DefinitionInfo> bySchema)
    {
        _context = context;
        _bySchema = bySchema;
    }

    /// <summary>Sets each record's base from its allOf; cycles are cut where they close.</summary>
    public void ResolveBases(IEnumerable<DefinitionInfo> records)
    {
        List<DefinitionInfo> all = records.ToList();
        foreach (DefinitionInfo definition in all)
        {
            List<DefinitionInfo> bases = definition.Schema.AllOf
                .Where(static item => item.HasReference)
                .Select(item => _bySchema.TryGetValue(item.Reference!.ActualSchema, out DefinitionInfo? target) ? target : null)
                .Where(target => target is { IsEnum: false } && target != definition)
                .Select(static target => target!)
                .ToList();
            if (bases.Count == 0)
            {
                continue;
            }

            definition.Base = bases[0];
            if (bases.Count > 1)
            {
                _extraBases[definition] = bases.Skip(1).ToList();
                _context.Report(DiagnosticDescriptors.UnsupportedType, definition.Json["allOf"], definition.DefinitionName, "an allOf with more than one $ref (multiple inheritance)", $"it derives from '{bases[0].DefinitionName}', and the members of {string.Join(", ", bases.Skip(1).Select(static item => $"'{item.DefinitionName}'"))} are copied into it", "an allOf with one $ref, plus properties");
            }
        }

        foreach (DefinitionInfo definition in all)
        {
            var seen = new HashSet<DefinitionInfo> { definition };
            for (DefinitionInfo? current = definition.Base; current is not null; current = current.Base)
            {
                if (!seen.Add(current) || current == definition)
                {
                    _context.Report(DiagnosticDescriptors.SpecMistake, definition.Json["allOf"], $"'{definition.DefinitionName}' inherits from itself through its allOf", "it is generated without a base type");
                    definition.Base = null;
                    break;
                }
            }
        }
    }

    /// <summary>The members a definition takes from the bases beyond its first (multiple inheritance), if any.</summary>
    public IEnumerable<PropertyModel> CopiedProperties(DefinitionInfo definition) =>
        _extraBases.TryGetValue(definition, out List<DefinitionInfo>? extra)
            ? extra.SelectMany(static item => item.Chain()).SelectMany(static item => item.OwnProperties)
            : Enumerable.Empty<PropertyModel>();

    /// <summary>A discriminated root's polymorphism, or null; <paramref name="derived"/> are the definitions under it.</summary>
    public Polymorphism? ReadPolymorphism(DefinitionInfo definition, IEnumerable<DefinitionInfo> derived, IReadOnlyList<PropertyModel> all, System.Func<string> fallbackName)
    {
        JToken? discriminator = definition.Json["discriminator"];
        if (discriminator is null)
        {
            return null;
        }

        string property = discriminator.Value<string>()!;
        if (!all.Any(item => item.JsonName == property && item.Type.Kind == ValueKind.String))
        {
            _context.Report(DiagnosticDescriptors.InvalidDiscriminator, discriminator, definition.DefinitionName, $"the discriminator '{property}' must name a string property of the definition", "it is generated as a plain type, and its subtypes are not chosen by that member");
            return null;
        }

        var subtypes = new List<Subtype>();
        var values = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (DefinitionInfo item in derived)
        {
            string value = DiscriminatorValue(item) ?? item.DefinitionName;
            if (!values.Add(value))
            {
                _context.Report(DiagnosticDescriptors.InvalidDiscriminator, item.Json["x-ms-discriminator-value"] ?? item.Json, item.DefinitionName, $"the discriminator value '{value}' is already taken by another subtype of '{definition.DefinitionName}'", "objects with that value are read as the first subtype that claimed it");
                continue;
            }

            subtypes.Add(new Subtype(value, item.Name));
        }

        return new Polymorphism(property, subtypes.OrderBy(static item => item.Value, System.StringComparer.Ordinal).ToEquatableArray(), fallbackName());
    }

    /// <summary>The x-ms-discriminator-value of a subtype of a discriminated base; null (with a warning) when the base declares none.</summary>
    public string? DiscriminatorValue(DefinitionInfo definition)
    {
        JToken? value = definition.Json["x-ms-discriminator-value"];
        if (value is null)
        {
            return null;
        }

        List<DefinitionInfo> chain = definition.Chain();
        if (!chain.Take(chain.Count - 1).Any(static item => item.Json["discriminator"] is not null))
        {
            if (_reportedOrphans.Add(definition))
            {
                _context.Report(DiagnosticDescriptors.SpecMistake, value, $"'{definition.DefinitionName}' has x-ms-discriminator-value, but no base type in its allOf declares a 'discriminator'", "the value is ignored, as AutoRest ignores it");
            }

            return null;
        }

        return value.Value<string>();
    }
}
