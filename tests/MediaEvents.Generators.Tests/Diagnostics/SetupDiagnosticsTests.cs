using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>
/// Set-up mistakes named for what they are: a project that passes the generator no spec (MEG0017, with the line to
/// add) and an AdditionalFiles item whose file does not exist (MEG0016, not "not valid JSON").
/// </summary>
public sealed class SetupDiagnosticsTests
{
    private const string ProjectDirectory = "/src/Consumer/";
    private const string SpecMetadata = "build_metadata.AdditionalFiles.MediaEventsSpec";

    // What the package's props put into every consumer's analyzer config: the key exists, empty when unset.
    private static readonly Dictionary<string, string> s_withProps = new()
    {
        ["build_property.ProjectDir"] = ProjectDirectory,
        ["build_property.MediaEventsNamespace"] = string.Empty,
        ["build_property.MediaEventsAccessibility"] = string.Empty,
    };

    private static readonly Dictionary<string, string> s_withoutProps = new() { ["build_property.ProjectDir"] = ProjectDirectory };

    [Fact]
    public void A_project_without_AdditionalFiles_gets_MEG0017_with_the_line_to_add()
    {
        Run run = RunFiles(Array.Empty<AdditionalText>(), s_withProps);

        string message = AssertOnlyNoSpecWarning(run);
        Assert.Equal(
            "MediaEvents.Generators generates nothing: the project has no spec file. Add the events swagger beside the project file and this line to one of its ItemGroups: <AdditionalFiles Include=\"MediaServices.json\" />",
            message);
    }

    [Fact]
    public void Files_that_are_not_JSON_are_not_offered_as_the_spec()
    {
        Run run = RunFiles(new[] { Text("/src/Consumer/notes.txt", "notes"), Text("/src/Consumer/stylecop.json.bak", "{}") }, s_withProps);

        Assert.EndsWith("<AdditionalFiles Include=\"MediaServices.json\" />", AssertOnlyNoSpecWarning(run), StringComparison.Ordinal);
    }

    [Fact]
    public void A_JSON_item_of_another_name_is_named_with_its_path_from_the_project_and_the_metadata_that_makes_it_the_spec()
    {
        Run run = RunFiles(new[] { Text("/src/specs/StorageEvents.json", GeneratorHarness.OwnSpecText) }, s_withProps);

        Assert.Equal(
            "MediaEvents.Generators generates nothing: the project has no spec file: its AdditionalFiles item '../specs/StorageEvents.json' is not one, since a spec is named MediaServices.json or marked MediaEventsSpec=\"true\". If it is the spec, write its item as: <AdditionalFiles Include=\"../specs/StorageEvents.json\" MediaEventsSpec=\"true\" />",
            AssertOnlyNoSpecWarning(run));
    }

    [Fact]
    public void Several_JSON_items_are_all_named()
    {
        Run run = RunFiles(new[] { Text("/src/Consumer/specs/b.json", "{}"), Text("/src/Consumer/specs/a.json", "{}") }, s_withProps);

        string message = AssertOnlyNoSpecWarning(run);
        Assert.Contains("its AdditionalFiles items 'specs/a.json', 'specs/b.json' are not specs", message, StringComparison.Ordinal);
        Assert.EndsWith("If 'specs/a.json' is the spec, write its item as: <AdditionalFiles Include=\"specs/a.json\" MediaEventsSpec=\"true\" />", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_JSON_items_are_named_five_at_most()
    {
        AdditionalText[] files = Enumerable.Range(1, 8).Select(static i => (AdditionalText)Text($"/src/Consumer/i18n/{i}.json", "{}")).ToArray();

        string message = AssertOnlyNoSpecWarning(RunFiles(files, s_withProps));

        Assert.Contains("items 'i18n/1.json', 'i18n/2.json', 'i18n/3.json', 'i18n/4.json', 'i18n/5.json' (and 3 more) are not specs", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_build_props_the_advice_does_not_rely_on_metadata_the_compiler_cannot_see()
    {
        // A ProjectReference consumer that did not import build/MediaEvents.Generators.props: MediaEventsSpec is not read.
        Run run = RunFiles(new[] { Text("/src/Consumer/events.json", "{}") }, s_withoutProps);

        string message = AssertOnlyNoSpecWarning(run);
        Assert.Contains("If it is the spec, name it MediaServices.json, or import the generator's build/MediaEvents.Generators.props", message, StringComparison.Ordinal);
        Assert.EndsWith("<AdditionalFiles Include=\"events.json\" MediaEventsSpec=\"true\" />", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suggested_metadata_makes_the_item_the_spec_and_the_warning_go_away()
    {
        const string path = "/src/specs/StorageEvents.json";
        AdditionalText[] files = { Text(path, GeneratorHarness.OwnSpecText) };
        Assert.Contains("MediaEventsSpec=\"true\"", AssertOnlyNoSpecWarning(RunFiles(files, s_withProps)), StringComparison.Ordinal);

        Run fixedRun = RunFiles(files, s_withProps, new Dictionary<string, IDictionary<string, string>>
        {
            [path] = new Dictionary<string, string> { [SpecMetadata] = "true" },
        });

        Assert.Empty(fixedRun.Result.Diagnostics);
        Assert.NotEmpty(fixedRun.Result.GeneratedSources);
    }

    [Fact]
    public void A_spec_or_an_item_opted_out_on_purpose_gets_no_MEG0017()
    {
        Assert.Empty(RunFiles(new[] { Text("/src/Consumer/MediaServices.json", GeneratorHarness.OwnSpecText) }, s_withProps).Result.Diagnostics);

        const string optedOut = "/src/Consumer/MediaServices.json";
        Run run = RunFiles(new[] { Text(optedOut, "{}") }, s_withProps, new Dictionary<string, IDictionary<string, string>>
        {
            [optedOut] = new Dictionary<string, string> { [SpecMetadata] = "false" },
        });
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void A_spec_with_errors_is_not_mistaken_for_no_spec()
    {
        Run run = RunFiles(new[] { Text("/src/Consumer/MediaServices.json", "{ not json") }, s_withProps);

        Assert.Equal("MEG0001", Assert.Single(run.Result.Diagnostics).Id);
    }

    [Fact]
    public void A_spec_item_whose_file_does_not_exist_is_MEG0016_naming_the_path_not_invalid_JSON()
    {
        const string path = "/src/Consumer/schemas/MediaServices.json";
        Run run = RunFiles(new AdditionalText[] { new MissingAdditionalText(path) }, s_withProps);

        Assert.Null(run.Result.Exception);
        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("MEG0016", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "The spec file '/src/Consumer/schemas/MediaServices.json' does not exist or cannot be read. Correct the Include of its AdditionalFiles item: a relative path is relative to the project file.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Matches(BadSpecCorpusTests.FormatPattern(DiagnosticDescriptors.SpecNotFound), diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void A_marked_spec_whose_file_does_not_exist_is_MEG0016_too()
    {
        const string path = "/src/Consumer/events.json";
        Run run = RunFiles(new AdditionalText[] { new MissingAdditionalText(path) }, s_withProps, new Dictionary<string, IDictionary<string, string>>
        {
            [path] = new Dictionary<string, string> { [SpecMetadata] = "true" },
        });

        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("MEG0016", diagnostic.Id);
        Assert.Contains($"'{path}'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_referenced_file_that_does_not_exist_says_so_at_every_reference()
    {
        const string specPath = "/src/specs/storage.json";
        string spec = Parsing.SpecText.Swagger(Parsing.SpecText.EventDefinition(
            "StorageBlobCreatedEventData",
            "Microsoft.Storage.BlobCreated",
            "\"diagnostics\": { \"$ref\": \"./common.json#/definitions/StorageDiagnostics\" }, \"more\": { \"$ref\": \"./common.json#/definitions/StorageDiagnostics\" }"));
        Run run = RunFiles(
            new AdditionalText[] { Text(specPath, spec), new MissingAdditionalText("/src/specs/common.json") },
            s_withProps,
            new Dictionary<string, IDictionary<string, string>> { [specPath] = new Dictionary<string, string> { [SpecMetadata] = "true" } });

        Diagnostic[] dangling = run.Result.Diagnostics.Where(static diagnostic => diagnostic.Id == "MEG0003").ToArray();
        Assert.Equal(2, dangling.Length);
        Assert.All(dangling, static diagnostic => Assert.Contains(
            "'/src/specs/common.json' does not exist or cannot be read",
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            StringComparison.Ordinal));
        Assert.DoesNotContain(run.Result.Diagnostics, static diagnostic => diagnostic.Id is "MEG0001" or "MEG0013");
    }

    [Theory]
    [InlineData("/src/Consumer/MediaServices.json", "/src/Consumer/", "MediaServices.json")]
    [InlineData("/src/Consumer/specs/MediaServices.json", "/src/Consumer", "specs/MediaServices.json")]
    [InlineData("/src/schemas/MediaServices.json", "/src/Consumer/", "../schemas/MediaServices.json")]
    [InlineData("/other/MediaServices.json", "/src/Consumer/", "/other/MediaServices.json")]
    [InlineData("/src/Consumer/MediaServices.json", null, "/src/Consumer/MediaServices.json")]
    [InlineData(@"C:\src\schemas\MediaServices.json", @"C:\src\Consumer\", @"..\schemas\MediaServices.json")]
    [InlineData(@"c:\SRC\Consumer\specs\a.json", @"C:\src\Consumer\", @"specs\a.json")]
    [InlineData(@"D:\schemas\MediaServices.json", @"C:\src\Consumer\", @"D:\schemas\MediaServices.json")]
    public void Paths_are_given_as_the_project_file_would_include_them(string path, string? projectDirectory, string expected)
    {
        Assert.Equal(expected, MissingSpecAdvice.RelativeToProject(path, projectDirectory));
    }

    [Fact]
    public void Without_a_spec_an_unrelated_csharp_edit_leaves_the_check_cached()
    {
        var notes = Text("/src/Consumer/notes.txt", "first");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { notes }, s_withProps).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions)));
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        Assert.Equal("MEG0017", Assert.Single(second.Diagnostics).Id);
        Assert.All(
            second.TrackedSteps[TrackingNames.MissingSpec].SelectMany(static step => step.Outputs),
            static output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Adding_the_spec_clears_the_warning_and_removing_it_brings_the_warning_back()
    {
        var spec = Text("/src/Consumer/MediaServices.json", GeneratorHarness.OwnSpecText);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Array.Empty<AdditionalText>(), s_withProps).RunGenerators(GeneratorHarness.CreateCompilation());
        Assert.Equal("MEG0017", Assert.Single(driver.GetRunResult().Diagnostics).Id);

        driver = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(spec)).RunGenerators(GeneratorHarness.CreateCompilation());
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);

        driver = driver.RemoveAdditionalTexts(ImmutableArray.Create<AdditionalText>(spec)).RunGenerators(GeneratorHarness.CreateCompilation());
        Assert.Equal("MEG0017", Assert.Single(driver.GetRunResult().Diagnostics).Id);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }

    private static string AssertOnlyNoSpecWarning(Run run)
    {
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, static diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("MEG0017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Empty(run.Result.GeneratedSources);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Matches(BadSpecCorpusTests.FormatPattern(DiagnosticDescriptors.NoSpec), message);
        return message;
    }

    private static InMemoryAdditionalText Text(string path, string text) => new(path, text);

    private static Run RunFiles(
        IEnumerable<AdditionalText> files,
        IDictionary<string, string> globalOptions,
        IDictionary<string, IDictionary<string, string>>? fileOptions = null)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files, globalOptions, fileOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new Run(driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    private sealed record Run(GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics);

    /// <summary>An AdditionalFiles item whose file is not there: the compiler's own items give no text then.</summary>
    private sealed class MissingAdditionalText : AdditionalText
    {
        public MissingAdditionalText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }
}
