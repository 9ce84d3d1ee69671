using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>The project options and the selection of spec files: MEG0009, MEG0010 and what is (not) a spec.</summary>
public sealed class OptionsDiagnosticsTests
{
    private const string SpecMetadata = "build_metadata.AdditionalFiles.MediaEventsSpec";
    private const string NamespaceMetadata = "build_metadata.AdditionalFiles.MediaEventsNamespace";

    [Fact]
    public void Invalid_namespace_reports_MEG0009()
    {
        Run run = RunSpecs(new[] { "/consumer/MediaServices.json" }, new Dictionary<string, string> { ["build_property.MediaEventsNamespace"] = "1Bad.Name" });

        Diagnostic diagnostic = AssertOnlyError(run, "MEG0009");
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("MediaEventsNamespace", message, StringComparison.Ordinal);
        Assert.Contains("'1Bad.Name'", message, StringComparison.Ordinal);
        Assert.Matches(BadSpecCorpusTests.FormatPattern(DiagnosticDescriptors.InvalidOption), message);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Theory]
    [InlineData("protected")]
    [InlineData("private")]
    [InlineData("file")]
    public void Invalid_accessibility_reports_MEG0009(string accessibility)
    {
        Run run = RunSpecs(new[] { "/consumer/MediaServices.json" }, new Dictionary<string, string> { ["build_property.MediaEventsAccessibility"] = accessibility });

        Diagnostic diagnostic = AssertOnlyError(run, "MEG0009");
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("MediaEventsAccessibility", message, StringComparison.Ordinal);
        Assert.Contains($"'{accessibility}'", message, StringComparison.Ordinal);
        Assert.Matches(BadSpecCorpusTests.FormatPattern(DiagnosticDescriptors.InvalidOption), message);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Invalid_per_file_namespace_reports_MEG0009_naming_the_file()
    {
        const string path = "/consumer/MediaServices.json";
        Run run = RunSpecs(new[] { path }, fileOptions: new Dictionary<string, IDictionary<string, string>>
        {
            [path] = new Dictionary<string, string> { [NamespaceMetadata] = "Contoso.class.Events" },
        });

        Diagnostic diagnostic = AssertOnlyError(run, "MEG0009");
        Assert.Contains(path, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_specs_into_one_namespace_report_MEG0010()
    {
        const string first = "/consumer/a/MediaServices.json";
        const string second = "/consumer/b/MediaServices.json";
        Run run = RunSpecs(new[] { first, second });

        Diagnostic diagnostic = AssertOnlyError(run, "MEG0010");
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(first, message, StringComparison.Ordinal);
        Assert.Contains(second, message, StringComparison.Ordinal);
        Assert.Contains("'MediaEvents'", message, StringComparison.Ordinal);
        Assert.Matches(BadSpecCorpusTests.FormatPattern(DiagnosticDescriptors.DuplicateNamespace), message);

        // The first spec (in path order) still generates, once: no duplicate hint names, no duplicate types.
        Assert.NotEmpty(run.Result.GeneratedSources);
        AssertUniqueHintNames(run.Result);
        Assert.Empty(Errors(run.Output));
    }

    [Fact]
    public void Two_specs_with_their_own_namespaces_both_generate()
    {
        const string first = "/consumer/a/MediaServices.json";
        const string second = "/consumer/b/MediaServices.json";
        Run run = RunSpecs(new[] { first, second }, fileOptions: new Dictionary<string, IDictionary<string, string>>
        {
            [first] = new Dictionary<string, string> { [NamespaceMetadata] = "Contoso.First" },
            [second] = new Dictionary<string, string> { [NamespaceMetadata] = "Contoso.Second" },
        });

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.Diagnostics);
        AssertUniqueHintNames(run.Result);
        Assert.Contains(run.Result.GeneratedSources, static source => source.HintName.StartsWith("Contoso.First.", StringComparison.Ordinal));
        Assert.Contains(run.Result.GeneratedSources, static source => source.HintName.StartsWith("Contoso.Second.", StringComparison.Ordinal));
        Assert.Equal(
            run.Result.GeneratedSources.Count(static source => source.HintName.StartsWith("Contoso.First.", StringComparison.Ordinal)),
            run.Result.GeneratedSources.Count(static source => source.HintName.StartsWith("Contoso.Second.", StringComparison.Ordinal)));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Contoso.First.MediaJobStateChangeEventData"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Contoso.Second.MediaJobStateChangeEventData"));
        Assert.Empty(Errors(run.Output));
    }

    [Fact]
    public void A_json_file_not_named_MediaServices_is_not_a_spec_and_MEG0017_says_how_to_make_it_one()
    {
        Run run = RunSpecs(new[] { "/consumer/other.json" });

        Assert.Null(run.Result.Exception);
        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("MEG0017", diagnostic.Id);
        Assert.Contains("'/consumer/other.json' is not one", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void A_json_file_marked_as_spec_generates()
    {
        const string path = "/consumer/other.json";
        Run run = RunSpecs(new[] { path }, fileOptions: new Dictionary<string, IDictionary<string, string>>
        {
            [path] = new Dictionary<string, string> { [SpecMetadata] = "true" },
        });

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.Diagnostics);
        Assert.NotEmpty(run.Result.GeneratedSources);
        Assert.NotNull(run.Output.GetTypeByMetadataName("MediaEvents.MediaJobStateChangeEventData"));
        Assert.Empty(Errors(run.Output));
    }

    [Fact]
    public void A_MediaServices_json_marked_as_not_a_spec_is_ignored()
    {
        const string path = "/consumer/MediaServices.json";
        Run run = RunSpecs(new[] { path }, fileOptions: new Dictionary<string, IDictionary<string, string>>
        {
            [path] = new Dictionary<string, string> { [SpecMetadata] = "false" },
        });

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Internal_accessibility_makes_every_generated_type_internal()
    {
        Run run = RunSpecs(new[] { "/consumer/MediaServices.json" }, new Dictionary<string, string> { ["build_property.MediaEventsAccessibility"] = "internal" });

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(Errors(run.Output));

        INamedTypeSymbol[] types = TopLevelTypes(run.Output.GlobalNamespace.GetNamespaceMembers().Single(static ns => ns.Name == "MediaEvents")).ToArray();
        Assert.NotEmpty(types);
        Assert.Contains(types, static type => type.Name == "MediaJobStateChangeEventData");
        Assert.Contains(types, static type => type.Name == "MediaEventTypes");
        Assert.All(types, static type => Assert.True(type.DeclaredAccessibility == Accessibility.Internal, $"{type.ToDisplayString()} is {type.DeclaredAccessibility}, expected internal."));
    }

    [Fact]
    public void Default_accessibility_is_public()
    {
        Run run = RunSpecs(new[] { "/consumer/MediaServices.json" });

        Assert.Empty(run.Result.Diagnostics);
        INamedTypeSymbol[] types = TopLevelTypes(run.Output.GlobalNamespace.GetNamespaceMembers().Single(static ns => ns.Name == "MediaEvents")).ToArray();
        Assert.NotEmpty(types);
        Assert.All(types, static type => Assert.True(type.DeclaredAccessibility == Accessibility.Public, $"{type.ToDisplayString()} is {type.DeclaredAccessibility}, expected public."));
    }

    private static IEnumerable<INamedTypeSymbol> TopLevelTypes(INamespaceSymbol @namespace) =>
        @namespace.GetTypeMembers()
            .Where(static type => type.Locations.Any(static location => location.IsInSource))
            .Concat(@namespace.GetNamespaceMembers().SelectMany(TopLevelTypes));

    private static Diagnostic AssertOnlyError(Run run, string id)
    {
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, static diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        Diagnostic diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.DoesNotMatch(@"\{[0-9]+\}", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        return diagnostic;
    }

    private static void AssertUniqueHintNames(GeneratorRunResult result)
    {
        string[] duplicates = result.GeneratedSources
            .GroupBy(static source => source.HintName, StringComparer.OrdinalIgnoreCase)
            .Where(static group => group.Count() > 1)
            .Select(static group => group.Key)
            .ToArray();
        Assert.True(duplicates.Length == 0, $"Duplicate hint names: {string.Join(", ", duplicates)}");
    }

    private static IEnumerable<Diagnostic> Errors(Compilation output) =>
        output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

    private static Run RunSpecs(
        IEnumerable<string> paths,
        IDictionary<string, string>? globalOptions = null,
        IDictionary<string, IDictionary<string, string>>? fileOptions = null)
    {
        string text = GeneratorHarness.OwnSpecText;
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            paths.Select(path => (AdditionalText)new InMemoryAdditionalText(path, text)).ToArray(),
            globalOptions,
            fileOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new Run(driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    private sealed record Run(GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics);
}
