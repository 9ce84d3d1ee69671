using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Emitting;
using MediaEvents.Generators.Model;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Reads one swagger 2.0 spec into a <see cref="SpecModel"/>. NJsonSchema resolves the schema graph (types,
/// references, allOf, required); the JSON tree supplies positions and the x-ms-* extensions. Every problem
/// becomes a diagnostic; nothing here throws to the caller.
/// </summary>
internal sealed class SpecParser
{
    private const string DefinitionsPrefix = "#/definitions/";
    private const string DataSuffix = "EventData";
    private const string EventPrefix = "Media";
    private const string EventNamespace = "Microsoft.Media.";

    private static readonly Regex s_describedEvent = new(@"\bfor an? (Microsoft\.[A-Za-z0-9_.]+?) event\b", RegexOptions.CultureInvariant);

    private readonly SpecFile _file;
    private readonly string _namespace;
    private readonly string _accessibility;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enumOrigins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _enumUsages = new(StringComparer.Ordinal);
    private SpecDocument _document = null!;
    private JObject _definitionsJson = null!;
    private Dictionary<JsonSchema, string> _definitionNames = null!;
    private HashSet<string> _recordNames = null!;

    private SpecParser(SpecFile file, string @namespace, string accessibility, CancellationToken cancellationToken)
    {
        _file = file;
        _namespace = @namespace;
        _accessibility = accessibility;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses the spec with the options already resolved; never throws (but for cancellation).</summary>
    public static ParseResult Parse(SpecFile file, string @namespace, string accessibility, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(file, @namespace, accessibility, cancellationToken);
        SpecModel? model;
        try
        {
            model = parser.ParseCore();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            parser._diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnexpectedFailure, null, file.Path, exception.GetType().Name + ": " + exception.Message));
            model = null;
        }

        bool failed = parser._diagnostics.Any(static diagnostic => diagnostic.IsError);
        return new ParseResult(failed ? null : model, parser._diagnostics.ToEquatableArray());
    }

    private SpecModel? ParseCore()
    {
        SpecDocument? document = SpecDocument.TryLoad(_file.Path, _file.Text, out DiagnosticInfo? invalidJson, out JToken? root);
        if (invalidJson is not null)
        {
            _diagnostics.Add(invalidJson);
            return null;
        }

        if (document is null)
        {
            Report(DiagnosticDescriptors.NotSwagger2, null, _file.Path, $"the root is {Describe(root)}, not an object");
            return null;
        }

        _document = document;
        if (!CheckSwaggerShape())
        {
            return null;
        }

        if (!CheckReferences() || !SchemaShapeValidator.Validate(_document, _definitionsJson, _file.Path, _diagnostics))
        {
            return null;
        }

        JsonSchema schema;
        try
        {
            schema = JsonSchema.FromJsonAsync(
                _file.Text,
                documentPath: null,
                static root => new NoNetworkReferenceResolver(root),
                _cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The shape check above should leave nothing for NJsonSchema to refuse; if it does, say what it said.
            Report(DiagnosticDescriptors.NotSwagger2, _document.At(1, 1, 1), _file.Path, "it could not be read as JSON Schema: " + exception.Message);
            return null;
        }

        _definitionNames = new Dictionary<JsonSchema, string>(ReferenceEqualityComparer.Instance);
        foreach (KeyValuePair<string, JsonSchema> definition in schema.Definitions)
        {
            _definitionNames[definition.Value] = definition.Key;
        }

        var definitions = new List<DefinitionInfo>();
        foreach (JProperty definitionJson in _definitionsJson.Properties())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (definitionJson.Value is not JObject json || !schema.Definitions.TryGetValue(definitionJson.Name, out JsonSchema? definition))
            {
                Report(DiagnosticDescriptors.NotSwagger2, _document.Locate(definitionJson.Value), _file.Path, $"the definition '{definitionJson.Name}' is not a schema object");
                continue;
            }

            definitions.Add(new DefinitionInfo(definitionJson.Name, CSharpNames.ToPascalCase(definitionJson.Name), definition, json));
        }

        CheckTypeNames(definitions);
        _recordNames = new HashSet<string>(definitions.Where(static definition => !IsEnumDefinition(definition.Json)).Select(static definition => definition.Name), StringComparer.Ordinal);
        var byDefinition = definitions.ToDictionary(static definition => definition.DefinitionName, StringComparer.Ordinal);
        foreach (DefinitionInfo definition in definitions)
        {
            definition.BaseDefinition = ResolveBase(definition);
        }

        foreach (DefinitionInfo definition in definitions)
        {
            definition.OwnProperties = ReadProperties(definition);
        }

        List<TypeModel> types = BuildTypes(definitions, byDefinition);
        List<EventModel> events = ReadEvents(definitions);
        CheckEventNames(events);

        return new SpecModel
        {
            Namespace = _namespace,
            Accessibility = _accessibility,
            SpecPath = _file.Path,
            SpecVersion = (_document.Root["info"] as JObject)?["version"]?.Value<string>(),
            Types = types.OrderBy(static type => type.Name, StringComparer.Ordinal).ToEquatableArray(),
            Enums = _enums.Values.Select(DescribeByUse).OrderBy(static value => value.Name, StringComparer.Ordinal).ToEquatableArray(),
            Events = events.OrderBy(static value => value.EventType, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    private EnumModel DescribeByUse(EnumModel model) =>
        model.Description is null && _enumUsages.TryGetValue(model.Name, out List<string>? usages)
            ? model with { Description = $"The values the spec lists for {string.Join(", ", usages.Distinct(StringComparer.Ordinal))}." }
            : model;

    private bool CheckSwaggerShape()
    {
        JToken? version = _document.Root["swagger"];
        if (version is null || version.Type != JTokenType.String || version.Value<string>() != "2.0")
        {
            string found = version is null ? "it has no \"swagger\" member" : $"\"swagger\" is {version.ToString(Newtonsoft.Json.Formatting.None)}";
            Report(DiagnosticDescriptors.NotSwagger2, _document.Locate(version) ?? _document.At(1, 1, 1), _file.Path, $"expected \"swagger\": \"2.0\" at the root, but {found}");
            return false;
        }

        if (_document.Root["definitions"] is not JObject definitions)
        {
            Report(DiagnosticDescriptors.NotSwagger2, _document.Locate(_document.Root["definitions"]) ?? _document.At(1, 1, 1), _file.Path, "expected a \"definitions\" object at the root holding the event data schemas");
            return false;
        }

        _definitionsJson = definitions;
        return true;
    }

    // Every $ref must be local and resolve before NJsonSchema sees the document: it would otherwise throw or do I/O.
    private bool CheckReferences()
    {
        bool ok = true;
        foreach (JProperty reference in _document.Root.Descendants().OfType<JProperty>().Where(static property => property.Name == "$ref"))
        {
            string? target = reference.Value.Type == JTokenType.String ? reference.Value.Value<string>() : null;
            string? problem = target switch
            {
                null => "the value is not a string",
                _ when !target.StartsWith(DefinitionsPrefix, StringComparison.Ordinal) => "only references to '#/definitions/<name>' in the same file are supported",
                _ when _definitionsJson[target.Substring(DefinitionsPrefix.Length)] is null => $"there is no definition named '{target.Substring(DefinitionsPrefix.Length)}'",
                _ => null,
            };
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.DanglingReference, _document.Locate(reference.Value), target ?? reference.Value.ToString(), problem);
                ok = false;
            }
        }

        return ok;
    }

    private void CheckTypeNames(List<DefinitionInfo> definitions)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string reserved in ReservedNames.TypeNames)
        {
            seen[reserved] = $"the name '{reserved}' that the generated code or the runtime uses";
        }

        foreach (DefinitionInfo definition in definitions)
        {
            if (seen.TryGetValue(definition.Name, out string? other))
            {
                Report(DiagnosticDescriptors.NameCollision, _document.Locate(definition.Json), other, $"the definition '{definition.DefinitionName}'", definition.Name);
            }
            else
            {
                seen[definition.Name] = $"the definition '{definition.DefinitionName}'";
            }
        }

        foreach (DefinitionInfo definition in definitions.Where(static definition => definition.Json["discriminator"] is not null))
        {
            string fallback = "Unknown" + definition.Name;
            if (seen.TryGetValue(fallback, out string? other))
            {
                Report(DiagnosticDescriptors.NameCollision, _document.Locate(definition.Json["discriminator"]), other, $"the fallback subtype of '{definition.DefinitionName}'", fallback);
            }
        }
    }

    private DefinitionInfo? ResolveBase(DefinitionInfo definition)
    {
        List<JsonSchema> references = definition.Schema.AllOf.Where(static item => item.HasReference).ToList();
        if (references.Count > 1)
        {
            Report(DiagnosticDescriptors.UnsupportedType, _document.Locate(definition.Json["allOf"]), definition.DefinitionName, "an allOf with more than one $ref (multiple inheritance)", "an allOf with one $ref, plus properties");
            return null;
        }

        if (references.Count == 0)
        {
            return null;
        }

        string baseName = _definitionNames[references[0].Reference!.ActualSchema];
        return baseName == definition.DefinitionName ? null : new DefinitionInfo(baseName, CSharpNames.ToPascalCase(baseName), references[0].Reference!.ActualSchema, (JObject)_definitionsJson[baseName]!);
    }

    private List<PropertyModel> ReadProperties(DefinitionInfo definition)
    {
        var properties = new List<PropertyModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
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
            _cancellationToken.ThrowIfCancellationRequested();
            JToken? json = FindPropertyJson(definition.Json, entry.Key);
            string label = $"{definition.DefinitionName}.{entry.Key}";
            TypeRef? type = MapType(entry.Value, json as JObject, label, definition.Name + CSharpNames.ToPascalCase(entry.Key), _document.Locate(json));
            string name = CSharpNames.ToPascalCase(entry.Key);
            if (names.TryGetValue(name, out string? other))
            {
                Report(DiagnosticDescriptors.NameCollision, _document.Locate(json), other, $"the property '{label}'", name);
                continue;
            }

            names[name] = $"the property '{label}'";
            if (type is not null)
            {
                properties.Add(new PropertyModel(entry.Key, name, type, Description(entry.Value.Description), entry.Value.IsRequired));
            }
        }

        return properties;
    }

    private static JToken? FindPropertyJson(JObject definition, string name) =>
        (definition["properties"] as JObject)?[name]
        ?? (definition["allOf"] as JArray)?.OfType<JObject>().Select(item => (item["properties"] as JObject)?[name]).FirstOrDefault(static found => found is not null);

    private TypeRef? MapType(JsonSchema schema, JObject? json, string label, string enumFallbackName, LocationInfo? location)
    {
        JsonSchema actual = schema.HasReference ? schema.Reference!.ActualSchema : schema;
        if (schema.HasReference && _definitionNames.TryGetValue(actual, out string? definitionName))
        {
            JObject target = (JObject)_definitionsJson[definitionName]!;
            return IsEnumDefinition(target)
                ? MapEnum(target, definitionName, CSharpNames.ToPascalCase(definitionName), _document.Locate(target), isDefinition: true)
                : new TypeRef(ValueKind.Object, CSharpNames.ToPascalCase(definitionName));
        }

        JsonObjectType type = schema.Type & ~JsonObjectType.Null;
        string? format = schema.Format;
        if (json?["enum"] is not null || json?["x-ms-enum"] is not null)
        {
            return type is JsonObjectType.String or JsonObjectType.None
                ? MapEnum(json, label, enumFallbackName, location, isDefinition: false)
                : Unsupported(label, $"an enum of type '{type.ToString().ToLowerInvariant()}'", "string enums", location);
        }

        switch (type)
        {
            case JsonObjectType.String:
                return format switch
                {
                    null or "" or "uri" or "uuid" or "byte" or "password" or "email" or "hostname" or "ipv4" or "ipv6" or "duration" => new TypeRef(ValueKind.String),
                    "date-time" => new TypeRef(ValueKind.DateTimeOffset),
                    _ => Unsupported(label, $"the string format '{format}'", "no format, date-time, uri, uuid, byte, duration", location),
                };
            case JsonObjectType.Integer:
                return format switch
                {
                    "int64" => new TypeRef(ValueKind.Int64),
                    null or "" or "int32" => new TypeRef(ValueKind.Int32),
                    _ => Unsupported(label, $"the integer format '{format}'", "int32, int64", location),
                };
            case JsonObjectType.Number:
                return format switch
                {
                    null or "" or "double" or "float" => new TypeRef(ValueKind.Double),
                    _ => Unsupported(label, $"the number format '{format}'", "double, float", location),
                };
            case JsonObjectType.Boolean:
                return new TypeRef(ValueKind.Boolean);
            case JsonObjectType.Array:
                if (schema.Item is null)
                {
                    return Unsupported(label, "an array without 'items'", "an array with an 'items' schema", location);
                }

                TypeRef? element = MapType(schema.Item, json?["items"] as JObject, label + "[]", enumFallbackName + "Item", location);
                return element is null ? null : new TypeRef(ValueKind.Array, Element: element);
            case JsonObjectType.Object when schema.Properties.Count == 0 && schema.AdditionalPropertiesSchema is not null:
                TypeRef? value = MapType(schema.AdditionalPropertiesSchema, json?["additionalProperties"] as JObject, label + "{}", enumFallbackName + "Value", location);
                return value is null ? null : new TypeRef(ValueKind.Map, Element: value);
            case JsonObjectType.Object when schema.Properties.Count > 0:
                return Unsupported(label, "an inline object schema with properties", "a $ref to a definition", location);
            case JsonObjectType.None:
                return Unsupported(label, "no 'type'", "string, integer, number, boolean, array, object with additionalProperties, or a $ref", location);
            default:
                return Unsupported(label, $"the type '{type.ToString().ToLowerInvariant()}'", "string, integer, number, boolean, array, object with additionalProperties, or a $ref", location);
        }
    }

    private static bool IsEnumDefinition(JObject definition) =>
        definition["enum"] is not null && definition["properties"] is null;

    private TypeRef? MapEnum(JObject json, string label, string fallbackName, LocationInfo? location, bool isDefinition)
    {
        JObject? extension = json["x-ms-enum"] as JObject;
        List<string> values = (json["enum"] as JArray)?.Select(static value => value.Type == JTokenType.String ? value.Value<string>()! : value.ToString()).ToList() ?? new List<string>();
        if (values.Count == 0 && extension?["values"] is JArray extensionValues)
        {
            values = extensionValues.OfType<JObject>().Select(static value => value["value"]?.ToString()).Where(static value => value is not null).ToList()!;
        }

        if (values.Count == 0)
        {
            Report(DiagnosticDescriptors.EmptyEnum, location, label);
            return null;
        }

        string name = CSharpNames.ToPascalCase(extension?["name"]?.Value<string>() ?? fallbackName);
        var descriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (JObject value in (extension?["values"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
        {
            if (value["value"]?.ToString() is { } text)
            {
                descriptions[text] = Description(value["description"]?.Value<string>());
            }
        }

        var members = new List<EnumValueModel>();
        var memberNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [name] = $"the enum '{name}' itself",
        };
        foreach (string member in ReservedNames.EnumMembers)
        {
            memberNames[member] = $"the enum member '{member}'";
        }

        foreach (string value in values.Distinct(StringComparer.Ordinal))
        {
            string memberName = CSharpNames.ToPascalCase(value);
            if (memberNames.TryGetValue(memberName, out string? other))
            {
                Report(DiagnosticDescriptors.NameCollision, location, other, $"the value '{value}' of the enum '{name}'", memberName);
                return null;
            }

            memberNames[memberName] = $"the value '{value}' of the enum '{name}'";
            members.Add(new EnumValueModel(value, memberName, descriptions.TryGetValue(value, out string? description) ? description : null));
        }

        // An enum inside a property has no description of its own (the property's describes the property): it is
        // described by where the spec uses it, once every use is known.
        string? ownDescription = isDefinition ? Description(json["description"]?.Value<string>()) : null;
        var model = new EnumModel(name, ownDescription, members.ToEquatableArray(), extension?["modelAsExtensible"]?.Value<bool>() ?? false);
        if (!isDefinition)
        {
            if (!_enumUsages.TryGetValue(name, out List<string>? usages))
            {
                _enumUsages.Add(name, usages = new List<string>());
            }

            usages.Add(label);
        }

        if (_enums.TryGetValue(name, out EnumModel? existing))
        {
            // The same x-ms-enum is repeated in several properties: one type, as long as the values agree.
            if (!existing.Values.Select(static value => value.Value).SequenceEqual(model.Values.Select(static value => value.Value)))
            {
                Report(DiagnosticDescriptors.NameCollision, location, $"the enum of '{_enumOrigins[name]}'", $"the different enum of '{label}'", name);
                return null;
            }
        }
        else if (_recordNames.Contains(name) || ReservedNames.TypeNames.Contains(name))
        {
            Report(DiagnosticDescriptors.NameCollision, location, $"the enum of '{label}'", "a type of the same name", name);
            return null;
        }
        else
        {
            _enums.Add(name, model);
            _enumOrigins.Add(name, label);
        }

        return new TypeRef(ValueKind.Enum, name);
    }

    private TypeRef? Unsupported(string label, string what, string supported, LocationInfo? location)
    {
        Report(DiagnosticDescriptors.UnsupportedType, location, label, what, supported);
        return null;
    }

    private List<TypeModel> BuildTypes(List<DefinitionInfo> definitions, Dictionary<string, DefinitionInfo> byDefinition)
    {
        var types = new List<TypeModel>();
        var baseNames = new HashSet<string>(definitions.Where(static definition => definition.BaseDefinition is not null).Select(static definition => definition.BaseDefinition!.DefinitionName), StringComparer.Ordinal);

        // Each derived definition under the root of its allOf chain, in the spec's order: a discriminated root's subtypes.
        ILookup<string, DefinitionInfo> derivedByRoot = definitions
            .Select(definition => (Definition: definition, Chain: Chain(definition, byDefinition)))
            .Where(static item => item.Chain.Count > 1)
            .ToLookup(static item => item.Chain[0].DefinitionName, static item => item.Definition, StringComparer.Ordinal);
        foreach (DefinitionInfo definition in definitions.Where(static definition => !IsEnumDefinition(definition.Json)))
        {
            List<PropertyModel> all = Chain(definition, byDefinition).SelectMany(static item => item.OwnProperties).ToList();
            Polymorphism? polymorphism = ReadPolymorphism(definition, derivedByRoot[definition.DefinitionName], byDefinition, all);
            string? discriminatorValue = DiscriminatorValue(definition, byDefinition);
            types.Add(new TypeModel
            {
                Name = definition.Name,
                DefinitionName = definition.DefinitionName,
                Description = Description(definition.Schema.Description),
                BaseName = definition.BaseDefinition?.Name,
                HasDerivedTypes = baseNames.Contains(definition.DefinitionName) || polymorphism is not null,
                OwnProperties = definition.OwnProperties.ToEquatableArray(),
                AllProperties = all.ToEquatableArray(),
                Polymorphism = polymorphism,
                DiscriminatorValue = discriminatorValue,
            });

            if (polymorphism is not null)
            {
                types.Add(new TypeModel
                {
                    Name = polymorphism.FallbackName,
                    DefinitionName = null,
                    Description = $"A {definition.Name} whose '{polymorphism.PropertyJsonName}' is none the spec lists: it keeps the discriminator value and every member it carried.",
                    BaseName = definition.Name,
                    HasDerivedTypes = false,
                    OwnProperties = EquatableArray<PropertyModel>.Empty,
                    AllProperties = all.ToEquatableArray(),
                    IsFallback = true,
                });
            }
        }

        return types;
    }

    private static List<DefinitionInfo> Chain(DefinitionInfo definition, Dictionary<string, DefinitionInfo> byDefinition)
    {
        var chain = new List<DefinitionInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (DefinitionInfo? current = definition; current is not null && seen.Add(current.DefinitionName); current = current.BaseDefinition is { } next ? byDefinition[next.DefinitionName] : null)
        {
            chain.Add(byDefinition[current.DefinitionName]);
        }

        chain.Reverse();
        return chain;
    }

    private Polymorphism? ReadPolymorphism(DefinitionInfo definition, IEnumerable<DefinitionInfo> derivedDefinitions, Dictionary<string, DefinitionInfo> byDefinition, List<PropertyModel> all)
    {
        JToken? discriminator = definition.Json["discriminator"];
        if (discriminator is null)
        {
            return null;
        }

        string? property = discriminator.Type == JTokenType.String ? discriminator.Value<string>() : null;
        if (property is null || !all.Any(item => item.JsonName == property && item.Type.Kind == ValueKind.String))
        {
            Report(DiagnosticDescriptors.InvalidDiscriminator, _document.Locate(discriminator), definition.DefinitionName, $"the discriminator '{property ?? discriminator.ToString()}' must name a string property of the definition");
            return null;
        }

        var subtypes = new List<Subtype>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (DefinitionInfo derived in derivedDefinitions)
        {
            string value = DiscriminatorValue(derived, byDefinition) ?? derived.DefinitionName;
            if (!values.Add(value))
            {
                Report(DiagnosticDescriptors.InvalidDiscriminator, _document.Locate(derived.Json["x-ms-discriminator-value"] ?? derived.Json), derived.DefinitionName, $"the discriminator value '{value}' is already taken by another subtype of '{definition.DefinitionName}'");
                continue;
            }

            subtypes.Add(new Subtype(value, derived.Name));
        }

        return new Polymorphism(property, subtypes.OrderBy(static item => item.Value, StringComparer.Ordinal).ToEquatableArray(), "Unknown" + definition.Name);
    }

    private string? DiscriminatorValue(DefinitionInfo definition, Dictionary<string, DefinitionInfo> byDefinition)
    {
        JToken? value = definition.Json["x-ms-discriminator-value"];
        if (value is null)
        {
            return null;
        }

        List<DefinitionInfo> chain = Chain(definition, byDefinition);
        bool hasDiscriminatedBase = chain.Take(chain.Count - 1).Any(static item => item.Json["discriminator"] is not null);
        if (!hasDiscriminatedBase || value.Type != JTokenType.String)
        {
            Report(DiagnosticDescriptors.InvalidDiscriminator, _document.Locate(value), definition.DefinitionName, value.Type != JTokenType.String
                ? "x-ms-discriminator-value must be a string"
                : "x-ms-discriminator-value is set, but no base type in its allOf declares a 'discriminator'");
            return null;
        }

        return value.Value<string>();
    }

    private List<EventModel> ReadEvents(List<DefinitionInfo> definitions)
    {
        var events = new List<EventModel>();
        foreach (DefinitionInfo definition in definitions)
        {
            string? description = definition.Schema.Description;
            Match described = description is null ? Match.Empty : s_describedEvent.Match(description);
            string? fromName = definition.DefinitionName.StartsWith(EventPrefix, StringComparison.Ordinal) && definition.DefinitionName.EndsWith(DataSuffix, StringComparison.Ordinal) && definition.DefinitionName.Length > EventPrefix.Length + DataSuffix.Length
                ? EventNamespace + definition.DefinitionName.Substring(EventPrefix.Length, definition.DefinitionName.Length - EventPrefix.Length - DataSuffix.Length)
                : null;
            string? fromDescription = described.Success ? described.Groups[1].Value : null;
            if (fromName is not null && fromDescription is not null && fromName != fromDescription)
            {
                Report(DiagnosticDescriptors.EventNameMismatch, _document.Locate(definition.Json["description"]), definition.DefinitionName, fromName, fromDescription);
            }

            string? eventType = fromName ?? (definition.DefinitionName.EndsWith(DataSuffix, StringComparison.Ordinal) ? fromDescription : null);
            if (eventType is not null)
            {
                string shortName = CSharpNames.ToPascalCase(eventType.Substring(eventType.LastIndexOf('.') + 1));
                events.Add(new EventModel(eventType, shortName, definition.Name, Description(description)));
            }
        }

        return events;
    }

    private void CheckEventNames(List<EventModel> events)
    {
        foreach (IGrouping<string, EventModel> group in events.GroupBy(static item => item.Name, StringComparer.Ordinal).Where(static group => group.Count() > 1))
        {
            EventModel[] clash = group.ToArray();
            Report(DiagnosticDescriptors.NameCollision, null, $"the event type '{clash[0].EventType}'", $"the event type '{clash[1].EventType}'", "Visit" + group.Key);
        }
    }

    private static string? Description(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private static string Describe(JToken? token) => token?.Type switch
    {
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => "not an object",
    };

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location ?? _document?.At(1, 1, 1) ?? new LocationInfo(_file.Path, 0, 0, 0, 0), arguments));

    /// <summary>A definition while it is being read; lives only inside the parse step.</summary>
    private sealed class DefinitionInfo
    {
        public DefinitionInfo(string definitionName, string name, JsonSchema schema, JObject json)
        {
            DefinitionName = definitionName;
            Name = name;
            Schema = schema;
            Json = json;
        }

        public string DefinitionName { get; }

        public string Name { get; }

        public JsonSchema Schema { get; }

        public JObject Json { get; }

        public DefinitionInfo? BaseDefinition { get; set; }

        public List<PropertyModel> OwnProperties { get; set; } = new();
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
