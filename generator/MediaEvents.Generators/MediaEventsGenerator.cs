using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Emitting;
using MediaEvents.Generators.Model;
using MediaEvents.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MediaEvents.Generators;

/// <summary>
/// Turns a Media Services events swagger (an AdditionalFiles item) into event data types, a serializer context
/// and exhaustive visitors (synchronous and asynchronous) with their dispatcher.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MediaEventsGenerator : IIncrementalGenerator
{
    private const string DefaultNamespace = "MediaEvents";
    private const string SpecMetadata = "build_metadata.AdditionalFiles.MediaEventsSpec";

    private readonly SpecParse _parse;
    private readonly Func<SpecModel, IEnumerable<(string Name, string Source)>> _sources;

    /// <summary>Creates the generator.</summary>
    public MediaEventsGenerator()
        : this(SpecParser.Parse, Sources)
    {
    }

    /// <summary>A generator whose parse and emit steps are given: tests inject failures through it.</summary>
    internal MediaEventsGenerator(SpecParse parse, Func<SpecModel, IEnumerable<(string Name, string Source)>> sources)
    {
        _parse = parse;
        _sources = sources;
    }

    /// <summary>The parse step: a spec and its settings to a model with its diagnostics.</summary>
    internal delegate ParseResult SpecParse(SpecFile file, SpecSettings settings, EquatableArray<SourceDocument> documents, CancellationToken cancellationToken);

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. The spec files: AdditionalFiles named MediaServices.json or marked MediaEventsSpec="true", with their item options.
        IncrementalValuesProvider<SpecFile> specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadSpecFile(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        // 2. The project options: namespace and accessibility.
        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => new GeneratorOptions(
                Read(provider.GlobalOptions, "build_property.MediaEventsNamespace"),
                Read(provider.GlobalOptions, "build_property.MediaEventsAccessibility")))
            .WithTrackingName(TrackingNames.Options);

        // 3. The JSON files a spec may reference ("./common.json#/definitions/X"): its only way to another file.
        IncrementalValueProvider<EquatableArray<SourceDocument>> documents = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new SourceDocument(file.Path, file.GetText(cancellationToken)?.ToString()))
            .Collect()
            .Select(static (all, _) => all.OrderBy(static document => document.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Documents);

        // 4. Parse each spec into a model with its diagnostics; NJsonSchema lives and dies inside this step.
        SpecParse parse = _parse;
        IncrementalValuesProvider<ParseResult> results = specFiles
            .Combine(options)
            .Combine(documents)
            .Select((pair, cancellationToken) => Parse(parse, pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // 5. Diagnostics of every spec, reported on their own so that sources stay cached when only they change.
        context.RegisterSourceOutput(
            results.Select(static (result, _) => result.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (production, diagnostics) =>
            {
                foreach (DiagnosticInfo diagnostic in diagnostics)
                {
                    production.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

        // 6. Sources of every spec that parsed; two specs may not share a namespace (their files would clash).
        IncrementalValueProvider<EquatableArray<SpecModel>> models = results
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .Collect()
            .Select(static (all, _) => all.OrderBy(static model => model.SpecPath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Models);

        Func<SpecModel, IEnumerable<(string Name, string Source)>> sources = _sources;
        context.RegisterSourceOutput(models, (production, all) => Emit(production, all, sources));

        // 7. No spec at all: one warning with the line to add, not a page of CS0246 for the types that never came.
        //    Paths and metadata only, so that an edit of a spec's text leaves this step cached.
        IncrementalValueProvider<DiagnosticInfo?> missingSpec = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => AdditionalFile.From(pair.Left.Path, Read(pair.Right.GetOptions(pair.Left), SpecMetadata)))
            .Collect()
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (provider, _) => ReadProjectSetup(provider.GlobalOptions)))
            .Select(static (pair, _) => MissingSpecAdvice.For(pair.Left.ToEquatableArray(), pair.Right))
            .WithTrackingName(TrackingNames.MissingSpec);
        context.RegisterSourceOutput(missingSpec, static (production, diagnostic) =>
        {
            if (diagnostic is not null)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    private static SpecFile? ReadSpecFile(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!AdditionalFile.From(file.Path, Read(options, SpecMetadata)).IsSpec)
        {
            return null;
        }

        // No text means the item names a file that does not exist: the parse step says so (MEG0016).
        return new SpecFile(
            file.Path,
            file.GetText(cancellationToken)?.ToString(),
            Read(options, "build_metadata.AdditionalFiles.MediaEventsNamespace"),
            Read(options, "build_metadata.AdditionalFiles.MediaEventsName"),
            Read(options, "build_metadata.AdditionalFiles.MediaEventsInclude"));
    }

    // The props make MediaEventsNamespace visible, so its key is there (empty when unset) exactly when they are imported.
    private static ProjectSetup ReadProjectSetup(AnalyzerConfigOptions options) =>
        new(Read(options, "build_property.ProjectDir"), options.TryGetValue("build_property.MediaEventsNamespace", out _));

    private static string? Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static ParseResult Parse(SpecParse parse, SpecFile file, GeneratorOptions options, EquatableArray<SourceDocument> documents, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        string @namespace = file.Namespace ?? options.Namespace ?? DefaultNamespace;
        if (!CSharpNames.IsValidNamespace(@namespace))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, file.Namespace is null ? "MediaEventsNamespace" : $"MediaEventsNamespace of '{file.Path}'", @namespace, "expected a C# namespace such as 'Contoso.Media.Events'"));
        }

        string accessibility = (options.Accessibility ?? "public").ToLowerInvariant();
        if (accessibility is not ("public" or "internal"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "MediaEventsAccessibility", options.Accessibility!, "expected 'public' or 'internal'"));
        }

        if (file.Name is { } name && !CSharpNames.IsValidTypeNameStem(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, $"MediaEventsName of '{file.Path}'", name, "expected a C# identifier such as 'Storage' (it gives IStorageEventVisitor, StorageEventDispatcher, ...)"));
        }

        if (diagnostics.Count > 0)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        // A generator that throws gives the user CS8785 and no output: whatever escapes the parser is MEG0011 instead.
        try
        {
            return parse(file, new SpecSettings(@namespace, accessibility, file.Name, file.Include), documents, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ParseResult(null, new[] { DiagnosticInfo.Create(DiagnosticDescriptors.UnexpectedFailure, null, file.Path, exception.GetType().Name + ": " + exception.Message) }.ToEquatableArray());
        }
    }

    private static void Emit(SourceProductionContext production, EquatableArray<SpecModel> models, Func<SpecModel, IEnumerable<(string Name, string Source)>> sources)
    {
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (SpecModel spec in models)
        {
            production.CancellationToken.ThrowIfCancellationRequested();
            if (namespaces.TryGetValue(spec.Namespace, out string? first))
            {
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateNamespace, Location.None, first, spec.SpecPath, spec.Namespace));
                continue;
            }

            namespaces.Add(spec.Namespace, spec.SpecPath);

            // All of a spec's files or none: half a spec's output would bury MEG0011 under compile errors.
            List<(string Name, string Source)> files;
            try
            {
                files = sources(spec).ToList();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnexpectedFailure, Location.None, spec.SpecPath, exception.GetType().Name + ": " + exception.Message));
                continue;
            }

            foreach ((string name, string source) in files)
            {
                production.AddSource(GeneratedCode.HintName(spec.Namespace, name), SourceText.From(source, System.Text.Encoding.UTF8));
            }
        }
    }

    /// <summary>Every file of one spec, by hint-name stem, in a stable order.</summary>
    internal static IEnumerable<(string Name, string Source)> Sources(SpecModel spec)
    {
        foreach (TypeModel type in spec.Types)
        {
            yield return (type.Name, TypeEmitter.Emit(spec, type));
        }

        foreach (EnumModel model in spec.Enums)
        {
            yield return (model.Name, EnumEmitter.Emit(spec, model));
        }

        yield return (spec.Names.Context, ContextEmitter.Emit(spec));
        yield return (spec.Names.Catalog, CatalogEmitter.Emit(spec));
        yield return (spec.Names.Visitor, VisitorEmitter.EmitInterface(spec));
        yield return (spec.Names.NonExhaustiveVisitor, VisitorEmitter.EmitBaseClass(spec));
        yield return (spec.Names.Dispatcher, VisitorEmitter.EmitDispatcher(spec));
        yield return (spec.Names.AsyncVisitor, AsyncVisitorEmitter.EmitInterface(spec));
        yield return (spec.Names.NonExhaustiveAsyncVisitor, AsyncVisitorEmitter.EmitBaseClass(spec));
        yield return (AsyncVisitorEmitter.DispatcherPartName(spec), AsyncVisitorEmitter.EmitDispatcher(spec));
    }
}
