using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>
/// Runs the generator on ~300 deterministic mutants of <c>schemas/MediaServices.json</c>. Whatever the input, the
/// generator must not throw, and the consumer must never see generated code that fails to compile without a MEG
/// error explaining why.
/// </summary>
public sealed class FuzzedSpecTests
{
    internal const int Seed = 20_180_101;
    internal const int MutantCount = 300;
    private const string SpecPath = "/consumer/MediaServices.json";

    private static readonly Lazy<SpecMutator> s_mutator = new(static () => new SpecMutator(GeneratorHarness.OwnSpecText, Seed));
    private static readonly Lazy<CSharpCompilation> s_consumer = new(static () => GeneratorHarness.CreateCompilation());
    private static readonly Lazy<IReadOnlyList<Outcome>> s_outcomes = new(RunAll);

    private readonly ITestOutputHelper _output;

    public FuzzedSpecTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutants_are_deterministic_and_all_differ_from_the_spec()
    {
        var again = new SpecMutator(GeneratorHarness.OwnSpecText, Seed);
        string original = GeneratorHarness.OwnSpecText;
        for (int index = 0; index < MutantCount; index++)
        {
            Mutant mutant = s_mutator.Value.Create(index);
            Assert.Equal(mutant, again.Create(index));
            Assert.NotEqual(original, mutant.Text);
        }
    }

    [Fact]
    public void No_mutant_makes_the_generator_throw()
    {
        string[] failures = s_outcomes.Value
            .Where(static outcome => outcome.Exception is not null || outcome.DriverDiagnostics.Any(static diagnostic => diagnostic.Id is "CS8784" or "CS8785"))
            .Select(static outcome => $"{outcome.Mutant.Index}: {outcome.Mutant.Description} -> {outcome.Exception?.GetType().Name}: {outcome.Exception?.Message} {string.Join("; ", outcome.DriverDiagnostics.Where(static diagnostic => diagnostic.Id is "CS8784" or "CS8785").Select(static diagnostic => diagnostic.GetMessage()))}")
            .ToArray();

        Assert.True(failures.Length == 0, Report("made the generator throw", failures));
    }

    [Fact]
    public void Every_mutant_either_compiles_or_reports_a_MEG_error()
    {
        string[] failures = s_outcomes.Value
            .Where(static outcome => outcome.Exception is null && !outcome.HasMegError && outcome.CompileErrors.Length > 0)
            .Select(static outcome => $"{outcome.Mutant.Index}: {outcome.Mutant.Description} -> no MEG error{Describe(outcome.MegDiagnostics)}, but the generated code has {outcome.CompileErrors.Length} compile error(s), e.g. {Describe(outcome.CompileErrors.Take(3))}")
            .ToArray();

        Assert.True(failures.Length == 0, Report("generated code that does not compile, without a MEG error", failures));
    }

    [Fact]
    public void Only_MEG_diagnostics_come_from_the_generator_errors_stop_generation_and_warnings_do_not()
    {
        string[] failures = s_outcomes.Value
            .Where(static outcome => outcome.Exception is null)
            .Where(static outcome => outcome.Result.Diagnostics.Any(static diagnostic => !diagnostic.Id.StartsWith("MEG", StringComparison.Ordinal))
                || (outcome.HasMegError && !outcome.Result.GeneratedSources.IsEmpty)
                || (!outcome.HasMegError && outcome.Result.GeneratedSources.IsEmpty)
                || outcome.MegDiagnostics.Any(static diagnostic => !BadSpecCorpusTests.FormatPattern(MediaEvents.Generators.Diagnostics.DiagnosticDescriptors.ById(diagnostic.Id)).IsMatch(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
            .Select(static outcome => $"{outcome.Mutant.Index}: {outcome.Mutant.Description} -> {outcome.Result.GeneratedSources.Length} sources{Describe(outcome.Result.Diagnostics)}")
            .ToArray();

        Assert.True(failures.Length == 0, Report("broke the diagnostics contract", failures));
    }

    [Fact]
    public void Every_mutant_that_is_not_JSON_reports_MEG0001()
    {
        // System.Text.Json in its strict default mode is the reference for "valid JSON" (RFC 8259); comments are allowed,
        // since the generator documents that it skips them.
        var strict = new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip };
        string[] failures = s_outcomes.Value
            .Where(static outcome => outcome.Exception is null)
            .Where(outcome => !IsJson(outcome.Mutant.Text, strict) && !outcome.MegDiagnostics.Any(static diagnostic => diagnostic.Id == "MEG0001"))
            .Select(static outcome => $"{outcome.Mutant.Index}: {outcome.Mutant.Description} -> not valid JSON, but no MEG0001{Describe(outcome.MegDiagnostics)} ({outcome.Result.GeneratedSources.Length} sources)")
            .ToArray();

        Assert.True(failures.Length == 0, Report("are not valid JSON but got no MEG0001", failures));
    }

    [Fact]
    public void No_mutant_hits_the_unexpected_failure_path()
    {
        // MEG0011 is the generator's own "this is a defect" message: every bad input should get a diagnostic that says what to fix.
        string[] failures = s_outcomes.Value
            .Where(static outcome => outcome.MegDiagnostics.Any(static diagnostic => diagnostic.Id == "MEG0011"))
            .Select(static outcome => $"{outcome.Mutant.Index}: {outcome.Mutant.Description} -> {outcome.MegDiagnostics.First(static diagnostic => diagnostic.Id == "MEG0011").GetMessage()}")
            .ToArray();

        Assert.True(failures.Length == 0, Report("ended in MEG0011 (unexpected failure)", failures));
    }

    [Fact]
    public void The_mutants_exercise_both_diagnostics_and_generation()
    {
        IReadOnlyList<Outcome> outcomes = s_outcomes.Value;
        _output.WriteLine($"{outcomes.Count} mutants (seed {Seed}): {outcomes.Count(static outcome => outcome.HasMegError)} with a MEG error, {outcomes.Count(static outcome => !outcome.Result.GeneratedSources.IsEmpty)} generated code.");
        foreach (IGrouping<string, Diagnostic> group in outcomes.SelectMany(static outcome => outcome.MegDiagnostics.DistinctBy(static diagnostic => diagnostic.Id)).GroupBy(static diagnostic => diagnostic.Id).OrderBy(static group => group.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"  {group.Key}: {group.Count()} mutants");
        }

        string[] ids = outcomes.SelectMany(static outcome => outcome.MegDiagnostics).Select(static diagnostic => diagnostic.Id).Distinct().OrderBy(static id => id, StringComparer.Ordinal).ToArray();

        Assert.Equal(MutantCount, outcomes.Count);
        Assert.True(outcomes.Count(static outcome => outcome.MegDiagnostics.Length > 0) >= MutantCount / 3, "Too few mutants were diagnosed: the mutations are too gentle.");
        Assert.True(outcomes.Count(static outcome => !outcome.HasMegError && outcome.CompileErrors.Length == 0 && !outcome.Result.GeneratedSources.IsEmpty) >= 20, "Too few mutants generated code: the mutations are too harsh.");
        foreach (string id in new[] { "MEG0001", "MEG0003", "MEG0004", "MEG0006", "MEG0012" })
        {
            Assert.Contains(id, ids);
        }
    }

    /// <summary>Rebuilds one mutant, e.g. to reproduce a failure reported by index.</summary>
    internal static Mutant Mutant(int index) => s_mutator.Value.Create(index);

    private static IReadOnlyList<Outcome> RunAll()
    {
        var outcomes = new ConcurrentBag<Outcome>();
        Parallel.For(0, MutantCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index => outcomes.Add(Run(s_mutator.Value.Create(index))));
        return outcomes.OrderBy(static outcome => outcome.Mutant.Index).ToArray();
    }

    private static Outcome Run(Mutant mutant)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(SpecPath, mutant.Text) });
        driver = driver.RunGeneratorsAndUpdateCompilation(s_consumer.Value, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Diagnostic[] compileErrors = result.GeneratedSources.IsEmpty
            ? Array.Empty<Diagnostic>()
            : output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        return new Outcome(mutant, result, diagnostics, compileErrors);
    }

    private static bool IsJson(string text, System.Text.Json.JsonDocumentOptions options)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text, options);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(static diagnostic => $" [{diagnostic.Id} {diagnostic.Location.GetLineSpan().Path}({diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}): {diagnostic.GetMessage()}]"));

    private static string Report(string what, string[] failures) =>
        $"{failures.Length} of {MutantCount} mutants (seed {Seed}) {what}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}";

    private sealed record Outcome(Mutant Mutant, GeneratorRunResult Result, ImmutableArray<Diagnostic> DriverDiagnostics, Diagnostic[] CompileErrors)
    {
        public Exception? Exception => Result.Exception;

        public ImmutableArray<Diagnostic> MegDiagnostics => Result.Diagnostics;

        public bool HasMegError => Result.Diagnostics.Any(static diagnostic => diagnostic.Id.StartsWith("MEG", StringComparison.Ordinal) && diagnostic.Severity == DiagnosticSeverity.Error);
    }
}
