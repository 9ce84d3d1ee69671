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
        string oldSpec = GeneratorHarness.OwnSpecText;
        string newSpec = oldSpec.Replace("\"definitions\": {", "\"definitions\": {" + NewDefinition);
        string visitor = ExhaustiveVisitorFor(oldSpec);

        var (_, oldOutput, _) = GeneratorHarness.Run(oldSpec, sources: visitor);
        Assert.Empty(oldOutput.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        var (_, newOutput, _) = GeneratorHarness.Run(newSpec, sources: visitor);
        Diagnostic error = Assert.Single(newOutput.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.Equal("CS0535", error.Id);
        Assert.Contains("IMediaEventVisitor.VisitJobPaused(MediaEvent<MediaJobPausedEventData>)", error.GetMessage());

        string handled = visitor.Replace(
            "public void VisitUnknown(",
            "public void VisitJobPaused(MediaEvents.MediaEvent<MediaEvents.MediaJobPausedEventData> e) { _ = e.Data.PauseReason; }\n    public void VisitUnknown(");
        var (_, fixedOutput, _) = GeneratorHarness.Run(newSpec, sources: handled);
        Assert.Empty(fixedOutput.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void An_async_visitor_written_for_the_old_spec_fails_on_the_new_one_naming_the_missing_method()
    {
        string oldSpec = GeneratorHarness.OwnSpecText;
        string newSpec = oldSpec.Replace("\"definitions\": {", "\"definitions\": {" + NewDefinition);
        string visitor = ExhaustiveAsyncVisitorFor(oldSpec);

        var (_, oldOutput, _) = GeneratorHarness.Run(oldSpec, sources: visitor);
        Assert.Empty(oldOutput.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        var (_, newOutput, _) = GeneratorHarness.Run(newSpec, sources: visitor);
        Diagnostic error = Assert.Single(newOutput.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.Equal("CS0535", error.Id);
        Assert.Contains("IMediaEventAsyncVisitor.VisitJobPausedAsync(MediaEvent<MediaJobPausedEventData>, CancellationToken)", error.GetMessage());
    }

    [Fact]
    public void The_non_exhaustive_async_base_class_keeps_compiling_when_the_spec_grows()
    {
        string newSpec = GeneratorHarness.OwnSpecText.Replace("\"definitions\": {", "\"definitions\": {" + NewDefinition);
        const string partial = """
            sealed class OnlyFinished : MediaEvents.NonExhaustiveMediaEventAsyncVisitor
            {
                public override System.Threading.Tasks.ValueTask VisitJobFinishedAsync(MediaEvents.MediaEvent<MediaEvents.MediaJobFinishedEventData> e, System.Threading.CancellationToken cancellationToken) => default;
            }
            """;

        var (_, output, _) = GeneratorHarness.Run(newSpec, sources: partial);

        Assert.Empty(output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void The_non_exhaustive_base_class_keeps_compiling_when_the_spec_grows()
    {
        string newSpec = GeneratorHarness.OwnSpecText.Replace("\"definitions\": {", "\"definitions\": {" + NewDefinition);
        const string partial = """
            sealed class OnlyFinished : MediaEvents.NonExhaustiveMediaEventVisitor
            {
                public override void VisitJobFinished(MediaEvents.MediaEvent<MediaEvents.MediaJobFinishedEventData> e) { }
            }
            """;

        var (_, output, _) = GeneratorHarness.Run(newSpec, sources: partial);

        Assert.Empty(output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
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
