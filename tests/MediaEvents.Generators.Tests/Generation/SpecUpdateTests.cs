using System.Linq;
using System.Text;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>A new event type in the spec is a compile error in every exhaustive visitor until it is handled.</summary>
public sealed class SpecUpdateTests
{
    private const string NewDefinition = """
        "MediaJobPausedEventData": {
          "allOf": [ { "$ref": "#/definitions/MediaJobStateChangeEventData" } ],
          "properties": { "pauseReason": { "type": "string", "description": "Why the job paused." } },
          "type": "object",
          "description": "Payload for a Microsoft.Media.JobPaused event."
        },
        """;

    [Fact]
    public void A_visitor_written_for_the_old_spec_fails_on_the_new_one_naming_the_missing_method_and_compiles_once_added()
    {
        string visitor = ExhaustiveVisitorFor(GeneratorHarness.OwnSpecText);

        AssertOnlyTheNewEventIsMissing(visitor, "IMediaEventVisitor.VisitJobPaused(MediaEvent<MediaJobPausedEventData>)");

        string handled = visitor.Replace(
            "public void VisitUnknown(",
            "public void VisitJobPaused(MediaEvents.MediaEvent<MediaEvents.MediaJobPausedEventData> e) { _ = e.Data.PauseReason; }\n    public void VisitUnknown(");
        var (_, fixedOutput, _) = GeneratorHarness.Run(NewSpec, sources: handled);
        Assert.Empty(fixedOutput.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void An_async_visitor_written_for_the_old_spec_fails_on_the_new_one_naming_the_missing_method()
    {
        AssertOnlyTheNewEventIsMissing(
            ExhaustiveAsyncVisitorFor(GeneratorHarness.OwnSpecText),
            "IMediaEventAsyncVisitor.VisitJobPausedAsync(MediaEvent<MediaJobPausedEventData>, CancellationToken)");
    }

    [Theory]
    [InlineData("NonExhaustiveMediaEventVisitor", "void VisitJobFinished(MediaEvents.MediaEvent<MediaEvents.MediaJobFinishedEventData> e) { }")]
    [InlineData("NonExhaustiveMediaEventAsyncVisitor", "System.Threading.Tasks.ValueTask VisitJobFinishedAsync(MediaEvents.MediaEvent<MediaEvents.MediaJobFinishedEventData> e, System.Threading.CancellationToken cancellationToken) => default;")]
    public void The_non_exhaustive_base_classes_keep_compiling_when_the_spec_grows(string baseClass, string method)
    {
        string partial = $"sealed class OnlyFinished : MediaEvents.{baseClass}\n{{\n    public override {method}\n}}\n";

        var (_, output, _) = GeneratorHarness.Run(NewSpec, sources: partial);

        Assert.Empty(output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    private static string NewSpec => GeneratorHarness.OwnSpecText.Replace("\"definitions\": {", "\"definitions\": {" + NewDefinition);

    // The visitor compiles against the old spec; against the new one, its one error is the new event's method.
    private static void AssertOnlyTheNewEventIsMissing(string visitor, string missingMethod)
    {
        var (_, oldOutput, _) = GeneratorHarness.Run(GeneratorHarness.OwnSpecText, sources: visitor);
        Assert.Empty(oldOutput.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        var (_, newOutput, _) = GeneratorHarness.Run(NewSpec, sources: visitor);
        Diagnostic error = Assert.Single(newOutput.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.Equal("CS0535", error.Id);
        Assert.Contains(missingMethod, error.GetMessage());
    }

    // Writes the visitor a consumer would have written against this spec: every method of the interface.
    private static string ExhaustiveVisitorFor(string spec)
    {
        var (_, output, _) = GeneratorHarness.Run(spec);
        INamedTypeSymbol visitor = output.GetTypeByMetadataName("MediaEvents.IMediaEventVisitor")!;
        var source = new StringBuilder("sealed class ConsumerVisitor : MediaEvents.IMediaEventVisitor\n{\n");
        foreach (IMethodSymbol method in visitor.GetMembers().OfType<IMethodSymbol>().Where(static method => method.Name != "VisitUnknown"))
        {
            source.Append($"    public void {method.Name}({method.Parameters[0].Type.ToDisplayString()} e) {{ }}\n");
        }

        source.Append("    public void VisitUnknown(MediaEvents.MediaEvent e) { }\n}\n");
        return source.ToString();
    }

    // The same for the asynchronous visitor.
    private static string ExhaustiveAsyncVisitorFor(string spec)
    {
        var (_, output, _) = GeneratorHarness.Run(spec);
        INamedTypeSymbol visitor = output.GetTypeByMetadataName("MediaEvents.IMediaEventAsyncVisitor")!;
        var source = new StringBuilder("sealed class ConsumerVisitor : MediaEvents.IMediaEventAsyncVisitor\n{\n");
        foreach (IMethodSymbol method in visitor.GetMembers().OfType<IMethodSymbol>())
        {
            source.Append($"    public System.Threading.Tasks.ValueTask {method.Name}({method.Parameters[0].Type.ToDisplayString()} e, System.Threading.CancellationToken cancellationToken) => default;\n");
        }

        return source.Append("}\n").ToString();
    }
}
