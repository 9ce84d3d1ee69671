using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Emitting;
using MediaEvents.Generators.Model;
using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Maps string enums (an enum definition, or <c>enum</c>/<c>x-ms-enum</c> on a member) to extensible enum models.
/// The same x-ms-enum repeated on several members is one type; an enum with the name of another type, or the
/// same name with other values, gets a numbered name with a warning.
/// </summary>
internal sealed class EnumMapper
{
    private readonly ParseContext _context;
    private readonly TypeNameRegistry _names;
    private readonly Dictionary<string, EnumModel> _enums = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _usages = new(System.StringComparer.Ordinal);
    private readonly Dictionary<DefinitionInfo, TypeRef> _definitions = new();
    private readonly Dictionary<string, List<string>> _byWantedName = new(System.StringComparer.Ordinal);

    public EnumMapper(ParseContext context, TypeNameRegistry names)
    {
        _context = context;
        _names = names;
    }

    /// <summary>Every enum met, described by its uses when it has no description of its own.</summary>
    public IEnumerable<EnumModel> Enums => _enums.Values.Select(Describe);

    /// <summary>An enum definition, mapped once however many members refer to it.</summary>
    public TypeRef MapDefinition(DefinitionInfo definition)
    {
        if (!_definitions.TryGetValue(definition, out TypeRef? type))
        {
            type = Map(definition.Json, definition.DefinitionName, definition.DefinitionName, isDefinition: true);
            _definitions[definition] = type;
        }

        return type;
    }

    /// <summary>An enum declared on a member.</summary>
    public TypeRef MapInline(JObject json, string label, string fallbackName) => Map(json, label, fallbackName, isDefinition: false);

    private TypeRef Map(JObject json, string label, string fallbackName, bool isDefinition)
    {
        JObject? extension = json["x-ms-enum"] as JObject;
        List<string> values = (json["enum"] as JArray)?.Where(static value => value.Type != JTokenType.Null).Select(static value => value.Type == JTokenType.String ? value.Value<string>()! : value.ToString(Newtonsoft.Json.Formatting.None)).ToList() ?? new List<string>();
        if (values.Count == 0 && extension?["values"] is JArray extensionValues)
        {
            values = extensionValues.OfType<JObject>().Select(static value => value["value"]?.ToString()).Where(static value => value is not null).ToList()!;
        }

        if (values.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.EmptyEnum, json, label);
            return new TypeRef(ValueKind.String);
        }

        string wanted = CSharpNames.ToPascalCase(extension?["name"]?.Value<string>() ?? fallbackName);
        var descriptions = new Dictionary<string, string?>(System.StringComparer.Ordinal);
        foreach (JObject value in (extension?["values"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
        {
            if (value["value"]?.ToString() is { } text)
            {
                descriptions[text] = Text.Description(value["description"]?.Value<string>());
            }
        }

        EquatableArray<EnumValueModel> members = Members(values, wanted, descriptions, json);
        bool extensible = (extension?["modelAsExtensible"]?.Value<bool>() ?? false) || (extension?["modelAsString"]?.Value<bool>() ?? false);

        // The same x-ms-enum repeated on several members is one type, as long as the values agree.
        if (!_byWantedName.TryGetValue(wanted, out List<string>? sameName))
        {
            _byWantedName.Add(wanted, sameName = new List<string>());
        }

        string? name = sameName.FirstOrDefault(candidate => _enums[candidate].Values.Select(static value => value.Value).SequenceEqual(members.Select(static value => value.Value)));
        if (name is null)
        {
            name = _names.Claim(wanted, isDefinition ? $"the definition '{label}'" : $"the enum of '{label}'", json, CSharpNames.ToPascalCase(fallbackName));
            string? description = isDefinition ? Text.Description(json["description"]?.Value<string>()) : null;
            _enums[name] = new EnumModel(name, description, members, extensible);
            sameName.Add(name);
        }

        if (!isDefinition)
        {
            if (!_usages.TryGetValue(name, out List<string>? usages))
            {
                _usages.Add(name, usages = new List<string>());
            }

            usages.Add(label);
        }

        return new TypeRef(ValueKind.Enum, name);
    }

    private EquatableArray<EnumValueModel> Members(List<string> values, string enumName, Dictionary<string, string?> descriptions, JObject json)
    {
        var members = new List<EnumValueModel>();
        var memberNames = new Dictionary<string, string>(System.StringComparer.Ordinal)
        {
            [enumName] = $"the enum '{enumName}' itself",
        };
        foreach (string member in ReservedNames.EnumMembers)
        {
            memberNames[member] = $"the enum member '{member}'";
        }

        foreach (string value in values.Distinct(System.StringComparer.Ordinal))
        {
            string memberName = CSharpNames.ToPascalCase(value);
            if (memberNames.TryGetValue(memberName, out string? other))
            {
                _context.Report(DiagnosticDescriptors.NameCollision, json, other, $"the value '{value}' of the enum '{enumName}'", memberName, "the value has no member of its own, and is still read and kept like any value the spec does not list");
                continue;
            }

            memberNames[memberName] = $"the value '{value}' of the enum '{enumName}'";
            members.Add(new EnumValueModel(value, memberName, descriptions.TryGetValue(value, out string? description) ? description : null));
        }

        return members.ToEquatableArray();
    }

    // An enum declared on members has no description of its own (the member's describes the member): it is
    // described by where the spec uses it.
    private EnumModel Describe(EnumModel model) =>
        model.Description is null && _usages.TryGetValue(model.Name, out List<string>? usages)
            ? model with { Description = $"The values the spec lists for {string.Join(", ", usages.Distinct(System.StringComparer.Ordinal))}." }
            : model;
}
