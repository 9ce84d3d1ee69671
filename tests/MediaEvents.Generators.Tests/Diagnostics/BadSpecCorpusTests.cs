using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>
/// Every file of <c>BadSpecs/</c> is a small swagger 2.0 spec with one defect. Its name starts with the id of the
/// diagnostic it must produce; <c>BadSpecs/expectations.json</c> holds the line and a part of the message.
/// </summary>
public sealed class BadSpecCorpusTests
{
    private const string ExpectationsFileName = "expectations.json";

    private static readonly Regex s_idPrefix = new("^(?<id>MEG[0-9]{4})-", RegexOptions.CultureInvariant);

    public static string CorpusDirectory => Path.Combine(RepositoryPaths.Root, "tests", "MediaEvents.Generators.Tests", "BadSpecs");

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (string name in CorpusFileNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Bad_spec_reports_its_diagnostic(string fileName)
    {
        string path = Path.Combine(CorpusDirectory, fileName);
        string expectedId = s_idPrefix.Match(fileName).Groups["id"].Value;
        Expectation expectation = Expectations()[fileName];
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(expectedId);
        DiagnosticSeverity expectedSeverity = expectation.Severity;

        CorpusRun run = RunOnFile(path);
        string all = Describe(run.Result.Diagnostics);

        // Nothing escaped the generator.
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, static diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), static diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        Assert.All(run.Result.Diagnostics, static diagnostic => Assert.StartsWith("MEG", diagnostic.Id, StringComparison.Ordinal));
        Assert.False(
            run.Result.Diagnostics.Any(static diagnostic => diagnostic.Id == "MEG0011") && expectedId != "MEG0011",
            $"{fileName}: the generator failed unexpectedly (MEG0011) instead of reporting {expectedId}.{all}");

        // The expected diagnostic, with its severity.
        Diagnostic[] reported = run.Result.Diagnostics.Where(diagnostic => diagnostic.Id == expectedId).ToArray();
        Assert.True(reported.Length > 0, $"{fileName}: expected {expectedId}, but the generator reported{(run.Result.Diagnostics.IsEmpty ? " nothing" : ":" + all)} (and {run.Result.GeneratedSources.Length} generated sources).");
        Diagnostic main = reported.FirstOrDefault(diagnostic => Line(diagnostic) == expectation.Line) ?? reported[0];
        Assert.Equal(expectedSeverity, main.Severity);
        Assert.Equal(descriptor.DefaultSeverity, main.Severity);

        // Located in the spec file, at the expected line.
        Assert.Equal(LocationKind.ExternalFile, main.Location.Kind);
        FileLinePositionSpan span = main.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.True(expectation.Line == Line(main), $"{fileName}: expected {expectedId} at line {expectation.Line}, found line {Line(main)}.{all}");

        // The descriptor's message, fully formatted, saying what the expectation says.
        string message = main.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotMatch(@"\{[0-9]+\}", message);
        Assert.Matches(FormatPattern(descriptor), message);
        Assert.Contains(expectation.Message, message, StringComparison.Ordinal);

        // An error leaves nothing sensible to generate; a warning degrades one part, and the rest of the spec compiles.
        if (expectedSeverity == DiagnosticSeverity.Error)
        {
            Assert.Empty(run.Result.GeneratedSources);
        }
        else
        {
            Assert.DoesNotContain(run.Result.Diagnostics, static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            Assert.NotEmpty(run.Result.GeneratedSources);
            string[] compileProblems = run.Output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity > DiagnosticSeverity.Info).Select(static diagnostic => diagnostic.ToString()).ToArray();
            Assert.True(compileProblems.Length == 0, $"{fileName}: the generated code does not compile cleanly:{Environment.NewLine}{string.Join(Environment.NewLine, compileProblems.Take(5))}");
        }
    }

    [Fact]
    public void Event_name_mismatch_is_a_warning_that_still_generates()
    {
        CorpusRun run = RunOnFile(Path.Combine(CorpusDirectory, "MEG0007-event-name-mismatch.json"));

        Assert.Null(run.Result.Exception);
        Diagnostic warning = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("MEG0007", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.NotEmpty(run.Result.GeneratedSources);
        Assert.Empty(run.Output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        INamedTypeSymbol catalog = run.Output.GetTypeByMetadataName("MediaEvents.MediaEventTypes")
            ?? throw new InvalidOperationException("MediaEvents.MediaEventTypes was not generated.");
        IFieldSymbol[] constants = catalog.GetMembers().OfType<IFieldSymbol>().Where(static field => field.IsConst).ToArray();
        IFieldSymbol constant = Assert.Single(constants);
        Assert.Equal("JobScheduled", constant.Name);
        Assert.Equal("Microsoft.Media.JobScheduled", constant.ConstantValue);
        Assert.Empty(catalog.GetMembers("JobProcessing"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("MediaEvents.MediaJobScheduledEventData"));
    }

    [Fact]
    public void External_url_reference_does_no_network_io()
    {
        using var probe = new HttpRequestProbe();
        probe.AssertSeesRequests();

        CorpusRun run = RunOnFile(Path.Combine(CorpusDirectory, "MEG0003-external-url-ref.json"));

        Assert.Null(run.Result.Exception);
        Assert.Contains(run.Result.Diagnostics, static diagnostic => diagnostic.Id == "MEG0003");
        Assert.DoesNotContain(probe.Requests, static uri => uri.Contains("mediaevents.invalid", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Corpus_is_complete_and_every_file_has_an_expectation()
    {
        string[] files = CorpusFileNames().ToArray();
        Dictionary<string, Expectation> expectations = Expectations();

        Assert.True(files.Length >= 12, $"The corpus should hold at least 12 bad specs, found {files.Length}.");
        Assert.All(files, static file => Assert.Matches(s_idPrefix, file));
        Assert.All(files, static file => DiagnosticDescriptors.ById(s_idPrefix.Match(file).Groups["id"].Value));
        string[] withoutExpectation = files.Where(file => !expectations.ContainsKey(file)).ToArray();
        string[] withoutFile = expectations.Keys.Where(file => !files.Contains(file)).ToArray();
        Assert.True(withoutExpectation.Length == 0, $"No entry in {ExpectationsFileName} for: {string.Join(", ", withoutExpectation)}");
        Assert.True(withoutFile.Length == 0, $"{ExpectationsFileName} names files that do not exist: {string.Join(", ", withoutFile)}");

        // Every spec diagnostic (the configuration ones are covered by OptionsDiagnosticsTests) has a bad spec.
        string[] covered = files.Select(static file => s_idPrefix.Match(file).Groups["id"].Value).Distinct().ToArray();
        string[] uncovered = new[] { "MEG0001", "MEG0002", "MEG0003", "MEG0004", "MEG0005", "MEG0006", "MEG0007", "MEG0008", "MEG0012", "MEG0013", "MEG0014" }.Except(covered).ToArray();
        Assert.True(uncovered.Length == 0, $"No bad spec shows {string.Join(", ", uncovered)}.");
    }

    internal static CorpusRun RunOnFile(string path)
    {
        var fileOptions = new Dictionary<string, IDictionary<string, string>>
        {
            [path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MediaEventsSpec"] = "true" },
        };
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) }, fileOptions: fileOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new CorpusRun(driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>A regex that matches exactly the messages the descriptor's format can produce.</summary>
    internal static Regex FormatPattern(DiagnosticDescriptor descriptor)
    {
        string format = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string pattern = Regex.Replace(Regex.Escape(format), @"\\\{[0-9]+}", "(.*)");
        return new Regex("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(static diagnostic => $"{Environment.NewLine}  {diagnostic.Id} {diagnostic.Severity} line {Line(diagnostic)}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));

    private static IEnumerable<string> CorpusFileNames() =>
        Directory.EnumerateFiles(CorpusDirectory, "*.json")
            .Select(static path => Path.GetFileName(path))
            .Where(static name => !string.Equals(name, ExpectationsFileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(static name => name, StringComparer.Ordinal);

    private static Dictionary<string, Expectation> Expectations()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusDirectory, ExpectationsFileName)));
        var expectations = new Dictionary<string, Expectation>(StringComparer.Ordinal);
        foreach (JsonProperty entry in document.RootElement.EnumerateObject().Where(static entry => !entry.Name.StartsWith("$", StringComparison.Ordinal)))
        {
            expectations[entry.Name] = new Expectation(
                entry.Value.GetProperty("line").GetInt32(),
                entry.Value.TryGetProperty("message", out JsonElement message) ? message.GetString()! : string.Empty,
                Enum.Parse<DiagnosticSeverity>(entry.Value.GetProperty("severity").GetString()!));
        }

        return expectations;
    }

    private sealed record Expectation(int Line, string Message, DiagnosticSeverity Severity);

    internal sealed record CorpusRun(GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics);
}
