using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Emitting;
using MediaEvents.Generators.Model;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Reads one swagger 2.0 spec into a <see cref="SpecModel"/>, step by step, each step in a file of its own:
/// the document's shape (<see cref="SwaggerShape"/>), a safe schema tree (<see cref="SchemaCleaner"/>,
/// <see cref="ReferenceResolver"/>), NJsonSchema's reading of it, names (<see cref="TypeNameRegistry"/>), bases and
/// polymorphism (<see cref="InheritanceResolver"/>), members (<see cref="TypeMapper"/>, <see cref="EnumMapper"/>),
/// events (<see cref="EventDiscovery"/>, <see cref="EventSelection"/>). Only a document that is not JSON or has
/// no definitions fails; everything else degrades with a warning located in the file. Nothing here throws to
/// the caller.
/// </summary>
internal sealed class SpecParser
{
    private const string FallbackPrefix = "Unknown";

    private readonly SpecFile _file;
    private readonly SpecSettings _settings;
    private readonly EquatableArray<SourceDocument> _documents;
    private readonly CancellationToken _cancellationToken;
    private ParseContext? _context;

    private SpecParser(SpecFile file, SpecSettings settings, EquatableArray<SourceDocument> documents, CancellationToken cancellationToken)
    {
        _file = file;
        _settings = settings;
        _documents = documents;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses the spec with the options already resolved; never throws (but for cancellation).</summary>
    public static ParseResult Parse(SpecFile file, SpecSettings settings, EquatableArray<SourceDocument> documents, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(file, settings, documents, cancellationToken);
        var diagnostics = new List<DiagnosticInfo>();
        SpecModel? model;
        try
        {
            model = parser.ParseCore(diagnostics);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnexpectedFailure, null, file.Path, exception.GetType().Name + ": " + exception.Message));
            model = null;
        }

        if (parser._context is { } context)
        {
            diagnostics.InsertRange(0, context.Diagnostics);
        }

        bool failed = diagnostics.Any(static diagnostic => diagnostic.IsError);
        return new ParseResult(failed ? null : model, diagnostics.ToEquatableArray());
    }

    private SpecModel? ParseCore(List<DiagnosticInfo> diagnostics)
    {
        // The compiler gives no text for an item whose file does not exist: say so, rather than "not valid JSON".
        if (_file.Text is not { } text)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpecNotFound, null, _file.Path));
            return null;
        }

        SpecDocument? document = SpecDocument.TryLoad(_file.Path, text, out DiagnosticInfo? invalidJson, out JToken? root);
        if (document is null)
        {
            diagnostics.Add(invalidJson ?? DiagnosticInfo.Create(DiagnosticDescriptors.NotSwagger2, new LocationInfo(_file.Path, 0, 1, 0, 0), _file.Path, $"the root is {(root is null ? "empty" : Text.Describe(root))}, not an object"));
            return null;
        }

        var context = _context = new ParseContext(_file.Path, document, _cancellationToken);
        if (SwaggerShape.Check(context) is not { } definitionsJson)
        {
            return null;
        }

        // A safe tree: misshapen keywords dropped, every schema reference resolved or removed, nothing else followed.
        context.Definitions = definitionsJson;
        var references = new List<JProperty>();
        foreach (JProperty definition in definitionsJson.Properties().ToList())
        {
            if (!SchemaCleaner.CleanDefinition(context, definition, references))
            {
                definition.Remove();
            }
        }

        ReferenceResolver.Resolve(context, references, _documents);
        JsonSchema schema = ReadSchema(definitionsJson);

        var bySchema = new Dictionary<JsonSchema, DefinitionInfo>(ReferenceEqualityComparer.Instance);
        var definitions = new List<DefinitionInfo>();
        foreach (JProperty definitionJson in definitionsJson.Properties())
        {
            var definition = new DefinitionInfo(definitionJson.Name, schema.Definitions[definitionJson.Name], (JObject)definitionJson.Value, isInline: false);
            bySchema[definition.Schema] = definition;
            definitions.Add(definition);
        }

        List<DefinitionInfo> records = definitions.Where(static definition => !definition.IsEnum).ToList();
        Func<string, bool> isSelected = _settings.Include is null ? static _ => true : EventSelection.Matcher(_settings.Include);
        List<(DefinitionInfo Definition, string EventType)> events = EventDiscovery.Discover(context, records, isSelected);
        EntryPointNames names = EntryPointNaming.Choose(_file, _settings.Name, events.Select(static item => item.EventType));

        // Names: the entry points' and the runtime's first, then each record in the spec's order.
        var registry = new TypeNameRegistry(context, names.All());
        foreach (DefinitionInfo definition in records)
        {
            definition.Name = registry.Claim(CSharpNames.ToPascalCase(definition.DefinitionName), $"the definition '{definition.DefinitionName}'", definition.Json);
        }

        var inheritance = new InheritanceResolver(context, bySchema);
        inheritance.ResolveBases(records);
        var enums = new EnumMapper(context, registry);
        var mapper = new TypeMapper(context, registry, enums, bySchema);
        foreach (DefinitionInfo definition in records)
        {
            definition.OwnProperties = mapper.ReadProperties(definition);
        }

        // Inline object schemas become types as members are read; their own members may declare more.
        for (int i = 0; i < mapper.InlineTypes.Count; i++)
        {
            DefinitionInfo inline = mapper.InlineTypes[i];
            inheritance.ResolveBases(new[] { inline });
            inline.OwnProperties = mapper.ReadProperties(inline);
        }

        List<TypeModel> types = BuildTypes(records.Concat(mapper.InlineTypes).ToList(), inheritance, registry);
        List<EnumModel> enumModels = enums.Enums.ToList();
        List<EventModel> eventModels = EventDiscovery.ToModels(events);
        if (_settings.Include is { } include)
        {
            List<EventModel> selected = eventModels.Where(model => isSelected(model.EventType)).ToList();
            if (selected.Count == 0)
            {
                context.Report(DiagnosticDescriptors.NothingSelected, null, include, _file.Path, eventModels.Count == 0 ? "it has none" : string.Join(", ", eventModels.Take(5).Select(static model => model.EventType)) + (eventModels.Count > 5 ? ", …" : string.Empty));
            }

            eventModels = selected;
            (types, enumModels) = EventSelection.Reachable(eventModels, types, enumModels);
        }

        return new SpecModel
        {
            Namespace = _settings.Namespace,
            Accessibility = _settings.Accessibility,
            Names = names,
            SpecPath = _file.Path,
            SpecVersion = (document.Root["info"] as JObject)?["version"]?.Value<string>(),
            Types = types.OrderBy(static type => type.Name, StringComparer.Ordinal).ToEquatableArray(),
            Enums = enumModels.OrderBy(static value => value.Name, StringComparer.Ordinal).ToEquatableArray(),
            Events = eventModels.ToEquatableArray(),
        };
    }

    // NJsonSchema reads only the cleaned definitions: no paths, examples or parameters, and no reference it could follow out.
    private JsonSchema ReadSchema(JObject definitions)
    {
        string json = "{\"definitions\":" + definitions.ToString(Newtonsoft.Json.Formatting.None) + "}";
        return JsonSchema.FromJsonAsync(json, documentPath: null, static root => new NoNetworkReferenceResolver(root), _cancellationToken).GetAwaiter().GetResult();
    }

    private static List<TypeModel> BuildTypes(List<DefinitionInfo> records, InheritanceResolver inheritance, TypeNameRegistry registry)
    {
        var types = new List<TypeModel>();
        var bases = new HashSet<DefinitionInfo>(records.Where(static definition => definition.Base is not null).Select(static definition => definition.Base!));

        // Each derived definition under the root of its allOf chain, in the spec's order: a discriminated root's subtypes.
        ILookup<DefinitionInfo, DefinitionInfo> derivedByRoot = records
            .Select(static definition => (Definition: definition, Chain: definition.Chain()))
            .Where(static item => item.Chain.Count > 1)
            .ToLookup(static item => item.Chain[0], static item => item.Definition);
        foreach (DefinitionInfo definition in records)
        {
            List<PropertyModel> own = definition.OwnProperties.Concat(inheritance.CopiedProperties(definition)).ToList();
            List<PropertyModel> inherited = definition.Chain().Take(definition.Chain().Count - 1).SelectMany(static item => item.OwnProperties).ToList();
            var seen = new HashSet<string>(inherited.Select(static property => property.JsonName), StringComparer.Ordinal);
            own = own.Where(property => seen.Add(property.JsonName)).ToList();
            List<PropertyModel> all = inherited.Concat(own).ToList();
            Polymorphism? polymorphism = definition.Json["discriminator"] is null
                ? null
                : inheritance.ReadPolymorphism(definition, derivedByRoot[definition], all, () => registry.Claim(FallbackPrefix + definition.Name, $"the fallback subtype of '{definition.DefinitionName}'", definition.Json["discriminator"]));
            types.Add(new TypeModel
            {
                Name = definition.Name,
                DefinitionName = definition.IsInline ? null : definition.DefinitionName,
                Description = Text.Description(definition.Schema.Description),
                BaseName = definition.Base?.Name,
                HasDerivedTypes = bases.Contains(definition) || polymorphism is not null,
                OwnProperties = own.ToEquatableArray(),
                AllProperties = all.ToEquatableArray(),
                Polymorphism = polymorphism,
                DiscriminatorValue = inheritance.DiscriminatorValue(definition),
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

        return WithDiscriminators(types);
    }

    // A subtype sets the discriminator member its root declares, to the value the root's reader chooses it by (the
    // fallback keeps the value read): found once every type is built, roots included.
    private static List<TypeModel> WithDiscriminators(List<TypeModel> types)
    {
        Dictionary<string, TypeModel> byName = types.GroupBy(static type => type.Name).ToDictionary(static group => group.Key, static group => group.First());
        return types.Select(type =>
        {
            TypeModel root = type;
            for (int depth = 0; root.BaseName is { } baseName && byName.TryGetValue(baseName, out TypeModel? next) && depth < types.Count; depth++)
            {
                root = next;
            }

            if (ReferenceEquals(root, type) || root.Polymorphism is not { } polymorphism
                || root.OwnProperties.FirstOrDefault(property => property.JsonName == polymorphism.PropertyJsonName) is not { } member)
            {
                return type;
            }

            // The root's member is abstract: every subtype has a value, whether the reader chooses it by that or not.
            string? value = type.IsFallback
                ? null
                : polymorphism.Subtypes.FirstOrDefault(subtype => subtype.Name == type.Name)?.Value ?? type.DiscriminatorValue ?? type.DefinitionName ?? type.Name;
            return type with { Discriminator = new DiscriminatorMember(member, polymorphism.FallbackName), DiscriminatorValue = value };
        }).ToList();
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
