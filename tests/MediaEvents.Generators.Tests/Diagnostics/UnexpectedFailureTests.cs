using System;
using System.Collections.Immutable;
using System.Linq;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>
/// The never-throw guarantee covers every step: a failure injected into parsing or into emitting reaches the user
/// as MEG0011 naming the spec and the failure, never as CS8785 (which drops every output without a word).
/// </summary>
public sealed class UnexpectedFailureTests
{
    private const string SpecPath = "/consumer/MediaServices.json";

    [Fact]
    public void A_failure_inside_parsing_is_MEG0011_and_nothing_is_generated()
    {
        var generator = new MediaEventsGenerator(
            static (_, _, _, _) => throw new InvalidOperationException("injected parse failure"),
            MediaEventsGenerator.Sources);

        (GeneratorRunResult result, ImmutableArray<Diagnostic> driverDiagnostics) = Run(generator);

        AssertReportedAsMeg0011(result, driverDiagnostics, "InvalidOperationException: injected parse failure");
    }

    [Fact]
    public void A_failure_inside_emitting_is_MEG0011_and_that_spec_emits_no_file()
    {
        var generator = new MediaEventsGenerator(
            global::MediaEvents.Generators.Parsing.SpecParser.Parse,
            static spec => MediaEventsGenerator.Sources(spec).Select(static (file, index) => index == 5 ? throw new FormatException("injected emit failure") : file));

        (GeneratorRunResult result, ImmutableArray<Diagnostic> driverDiagnostics) = Run(generator);

        AssertReportedAsMeg0011(result, driverDiagnostics, "FormatException: injected emit failure");
    }

    [Fact]
    public void Without_a_failure_the_injected_steps_generate_as_usual()
    {
        var generator = new MediaEventsGenerator(global::MediaEvents.Generators.Parsing.SpecParser.Parse, MediaEventsGenerator.Sources);

        (GeneratorRunResult result, _) = Run(generator);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(GeneratorHarness.Run(GeneratorHarness.OwnSpecText).Result.GeneratedSources.Length, result.GeneratedSources.Length);
    }

    private static (GeneratorRunResult Result, ImmutableArray<Diagnostic> DriverDiagnostics) Run(MediaEventsGenerator generator)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(SpecPath, GeneratorHarness.OwnSpecText) }, generator: generator);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out _, out ImmutableArray<Diagnostic> diagnostics);
        return (driver.GetRunResult().Results.Single(), diagnostics);
    }

    private static void AssertReportedAsMeg0011(GeneratorRunResult result, ImmutableArray<Diagnostic> driverDiagnostics, string failure)
    {
        Assert.Null(result.Exception);
        Assert.DoesNotContain(driverDiagnostics, static diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        Diagnostic reported = Assert.Single(result.Diagnostics);
        Assert.Equal("MEG0011", reported.Id);
        Assert.Equal(DiagnosticSeverity.Error, reported.Severity);
        string message = reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(SpecPath, message, StringComparison.Ordinal);
        Assert.Contains(failure, message, StringComparison.Ordinal);
        Assert.Empty(result.GeneratedSources);
    }
}
