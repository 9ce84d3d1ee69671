using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// Each spec's entry points are named from a stem (<c>MediaEventsName</c>, else its publisher), and
/// <c>MediaEventsInclude</c> keeps some event types and only the types they reach.
/// </summary>
public sealed class EntryPointAndSelectionTests
{
    private const string Metadata = "build_metadata.AdditionalFiles.";

    private static (GeneratorRunResult Result, Compilation Output) Run(string path, string text, IDictionary<string, string>? metadata = null)
    {
        var options = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()) { [Metadata + "MediaEventsSpec"] = "true" };
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            new[] { new InMemoryAdditionalText(path, text) },
            fileOptions: new Dictionary<string, IDictionary<string, string>> { [path] = options });
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out Compilation output, out ImmutableArray<Diagnostic> _);
        return (driver.GetRunResult().Results.Single(), output);
    }

    private static string[] TypeNames(Compilation output) =>
        output.SyntaxTrees.SelectMany(static tree => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>())
            .Where(static declaration => declaration.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax)
            .Select(static declaration => declaration.Identifier.ValueText)
            .Distinct()
            .OrderBy(static name => name, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void The_media_spec_keeps_its_entry_point_names()
    {
        (GeneratorRunResult result, Compilation output) = Run("/consumer/MediaServices.json", GeneratorHarness.OwnSpecText);

        Assert.Empty(result.Diagnostics);
        foreach (string name in new[] { "IMediaEventVisitor", "NonExhaustiveMediaEventVisitor", "IMediaEventAsyncVisitor", "NonExhaustiveMediaEventAsyncVisitor", "MediaEventDispatcher", "MediaEventTypes", "MediaEventsJsonContext" })
        {
            Assert.NotNull(output.GetTypeByMetadataName("MediaEvents." + name));
        }
    }

    [Fact]
    public void The_stem_comes_from_the_publisher_or_from_MediaEventsName()
    {
        string storage = Parsing.SpecText.Swagger(
            Parsing.SpecText.EventDefinition("StorageBlobCreatedEventData", "Microsoft.Storage.BlobCreated", "\"url\": { \"type\": \"string\" }") + ",\n" +
            Parsing.SpecText.EventDefinition("StorageBlobDeletedEventData", "Microsoft.Storage.BlobDeleted", "\"url\": { \"type\": \"string\" }"));

        (_, Compilation byPublisher) = Run("/consumer/Storage.json", storage);
        (_, Compilation byName) = Run("/consumer/Storage.json", storage, new Dictionary<string, string> { [Metadata + "MediaEventsName"] = "Blob" });

        Assert.NotNull(byPublisher.GetTypeByMetadataName("MediaEvents.IStorageEventVisitor"));
        Assert.NotNull(byPublisher.GetTypeByMetadataName("MediaEvents.StorageEventDispatcher"));
        Assert.NotNull(byPublisher.GetTypeByMetadataName("MediaEvents.StorageEventsJsonContext"));
        Assert.NotNull(byName.GetTypeByMetadataName("MediaEvents.IBlobEventVisitor"));
        Assert.NotNull(byName.GetTypeByMetadataName("MediaEvents.NonExhaustiveBlobEventVisitor"));
        Assert.NotNull(byName.GetTypeByMetadataName("MediaEvents.IBlobEventAsyncVisitor"));
        Assert.NotNull(byName.GetTypeByMetadataName("MediaEvents.NonExhaustiveBlobEventAsyncVisitor"));
        Assert.NotNull(byName.GetTypeByMetadataName("MediaEvents.BlobEventTypes"));
        Assert.Null(byName.GetTypeByMetadataName("MediaEvents.IStorageEventVisitor"));
    }

    [Fact]
    public void A_spec_of_several_publishers_has_the_System_stem()
    {
        string text = Parsing.SpecText.Swagger(
            Parsing.SpecText.EventDefinition("StorageBlobCreatedEventData", "Microsoft.Storage.BlobCreated", "\"url\": { \"type\": \"string\" }") + ",\n" +
            Parsing.SpecText.EventDefinition("MediaJobFinishedEventData", "Microsoft.Media.JobFinished", "\"label\": { \"type\": \"string\" }"));

        (GeneratorRunResult result, Compilation output) = Run("/consumer/SystemEvents.json", text);

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("MediaEvents.ISystemEventVisitor"));
        INamedTypeSymbol visitor = output.GetTypeByMetadataName("MediaEvents.ISystemEventVisitor")!;
        Assert.Equal(new[] { "VisitMediaJobFinished", "VisitStorageBlobCreated", "VisitUnknown" }, visitor.GetMembers().Select(static member => member.Name).OrderBy(static name => name, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("1Storage")]
    [InlineData("class")]
    [InlineData("Storage Events")]
    public void An_invalid_MediaEventsName_is_MEG0009(string name)
    {
        (GeneratorRunResult result, _) = Run("/consumer/MediaServices.json", GeneratorHarness.OwnSpecText, new Dictionary<string, string> { [Metadata + "MediaEventsName"] = name });

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MEG0009", diagnostic.Id);
        Assert.Contains($"'{name}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void MediaEventsInclude_keeps_the_matching_events_and_only_the_types_they_reach()
    {
        (GeneratorRunResult all, Compilation allOutput) = Run("/consumer/MediaServices.json", GeneratorHarness.OwnSpecText);
        (GeneratorRunResult some, Compilation output) = Run("/consumer/MediaServices.json", GeneratorHarness.OwnSpecText, new Dictionary<string, string>
        {
            [Metadata + "MediaEventsInclude"] = "microsoft.media.JobFinished; Microsoft.Media.LiveEventIngest*",
        });

        Assert.Empty(some.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity > DiagnosticSeverity.Info).Select(static diagnostic => diagnostic.ToString()));
        INamedTypeSymbol visitor = output.GetTypeByMetadataName("MediaEvents.IMediaEventVisitor")!;
        Assert.Equal(new[] { "VisitJobFinished", "VisitLiveEventIngestHeartbeat", "VisitUnknown" }, visitor.GetMembers().Select(static member => member.Name).OrderBy(static name => name, StringComparer.Ordinal));

        // JobFinished reaches its base, the polymorphic outputs with their subtypes, errors and enums; nothing of the live events but the heartbeat.
        string[] types = TypeNames(output);
        Assert.Contains("MediaJobStateChangeEventData", types);
        Assert.Contains("MediaJobOutputAsset", types);
        Assert.Contains("UnknownMediaJobOutput", types);
        Assert.Contains("MediaJobErrorDetail", types);
        Assert.Contains("MediaJobState", types);
        Assert.Contains("MediaLiveEventIngestHeartbeatEventData", types);
        Assert.DoesNotContain("MediaLiveEventEncoderConnectedEventData", types);
        Assert.DoesNotContain("MediaJobOutputProgressEventData", types);
        Assert.True(some.GeneratedSources.Length < all.GeneratedSources.Length / 2, $"{some.GeneratedSources.Length} of {all.GeneratedSources.Length} files");
        Assert.NotNull(allOutput.GetTypeByMetadataName("MediaEvents.MediaJobOutputProgressEventData"));
    }

    [Fact]
    public void MediaEventsInclude_that_matches_nothing_is_MEG0015_listing_what_there_is()
    {
        (GeneratorRunResult result, Compilation output) = Run("/consumer/MediaServices.json", GeneratorHarness.OwnSpecText, new Dictionary<string, string>
        {
            [Metadata + "MediaEventsInclude"] = "Microsoft.Storage.*",
        });

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MEG0015", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("Microsoft.Media.JobCanceled", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(static item => item.Severity > DiagnosticSeverity.Info).Select(static item => item.ToString()));
        Assert.Equal(new[] { "VisitUnknown" }, output.GetTypeByMetadataName("MediaEvents.IMediaEventVisitor")!.GetMembers().Select(static member => member.Name));
    }
}
