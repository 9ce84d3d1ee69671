using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MediaEvents.Generators.Tests.Infrastructure;

/// <summary>Runs the generator in-process on a spec, the way a consumer's build would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static string OwnSpecText => File.ReadAllText(RepositoryPaths.OwnSpec);

    /// <summary>A consumer compilation: .NET 8 reference assemblies plus the runtime.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(static source => CSharpSyntaxTree.ParseText(source, ParseOptions)),
        Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(MediaEvents.MediaEvent).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, IDictionary<string, string>? globalOptions = null, IDictionary<string, IDictionary<string, string>>? fileOptions = null, IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new MediaEventsGenerator()).AsSourceGenerator() },
            specs,
            ParseOptions,
            new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>(), fileOptions ?? new Dictionary<string, IDictionary<string, string>>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on one spec; returns the run result and the output compilation.</summary>
    public static (GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(
        string specText,
        string path = "/consumer/MediaServices.json",
        IDictionary<string, string>? globalOptions = null,
        params string[] sources)
    {
        GeneratorDriver driver = CreateDriver(new[] { new InMemoryAdditionalText(path, specText) }, globalOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(sources), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>The diagnostics of a compilation above Info, with the generator's own.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation output, IEnumerable<Diagnostic> generatorDiagnostics) =>
        output.GetDiagnostics().Concat(generatorDiagnostics).Where(static diagnostic => diagnostic.Severity > DiagnosticSeverity.Info).ToList();
}

/// <summary>An AdditionalFiles item held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer config options as the SDK would pass them: build_property.* and per-file build_metadata.*.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly IDictionary<string, IDictionary<string, string>> _fileOptions;

    public TestOptionsProvider(IDictionary<string, string> globalOptions, IDictionary<string, IDictionary<string, string>> fileOptions)
    {
        GlobalOptions = new DictionaryOptions(globalOptions);
        _fileOptions = fileOptions;
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(_fileOptions.TryGetValue(textFile.Path, out IDictionary<string, string>? options) ? options : new Dictionary<string, string>());

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IDictionary<string, string> _values;

        public DictionaryOptions(IDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            bool found = _values.TryGetValue(key, out string? text);
            value = text ?? string.Empty;
            return found;
        }
    }
}
