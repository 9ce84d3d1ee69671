using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using MediaEvents.AzureTests.Generated;
using Xunit;

namespace MediaEvents.AzureTests;

/// <summary>
/// The side-by-side the README reports, measured: the documentation's own examples and the service's real
/// behaviours, read by Azure.Messaging.EventGrid 4.17 as a user would (ParseMany, then TryGetSystemEventData)
/// and by this library.
/// </summary>
public sealed class AzureSdkComparisonTests
{
    private static IEnumerable<string> DocumentExamples()
    {
        string path = Path.Combine(SharedDirectory(), "docs", "media-services-events.md");
        return File.Exists(path)
            ? Regex.Matches(File.ReadAllText(path), "```json\\s*\\n(.*?)```", RegexOptions.Singleline).Select(static match => match.Groups[1].Value).ToList()
            : new List<string>();
    }

    private static string SharedDirectory()
    {
        string? configured = Environment.GetEnvironmentVariable("MEDIAEVENTS_SHARED_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MediaEvents.Generators.sln")))
            {
                return Path.Combine(directory.FullName, "..", "shared");
            }
        }

        return "../shared";
    }

    private static bool SdkReads(string json)
    {
        try
        {
            IEnumerable<object?> data = json.Contains("\"specversion\"", StringComparison.Ordinal)
                ? CloudEvent.ParseMany(BinaryData.FromString(json)).Select(static item => item.TryGetSystemEventData(out object? value) ? value : null)
                : EventGridEvent.ParseMany(BinaryData.FromString(json)).Select(static item => item.TryGetSystemEventData(out object? value) ? value : null);
            return data.ToList().All(static value => value is not null);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    [SkippableFact]
    public void The_document_examples_all_read_here_while_the_sdk_rejects_those_with_numbers_for_strings()
    {
        List<string> examples = DocumentExamples().ToList();
        Skip.If(examples.Count == 0, $"The shared docs are not at {SharedDirectory()}: set MEDIAEVENTS_SHARED_DIR.");

        List<string> rejectedBySdk = examples.Where(example => !SdkReads(example)).ToList();
        foreach (string example in examples)
        {
            Assert.False(MediaEventDispatcher.CreateReader().Read(example).HasFailures);
        }

        // LiveEventConnectionRejected ("encoderPort": 52859) and both LiveEventIncomingDataChunkDropped examples
        // ("timestamp": 36656620000, "timescale": 10000000).
        Assert.Equal(3, rejectedBySdk.Count);
        Assert.All(rejectedBySdk, static example => Assert.Matches("\"(encoderPort|timestamp)\":\\s*\\d", example));
    }

    [Fact]
    public void A_job_state_the_spec_does_not_list_is_kept_here()
    {
        string json = """[{"id":"1","topic":"/t","subject":"s","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","dataVersion":"1.0","data":{"previousState":"Processing","state":"Paused"}}]""";

        var mediaEvent = Assert.IsType<MediaEvent<MediaJobStateChangeEventData>>(Assert.Single(MediaEventDispatcher.CreateReader().Read(json).Events));

        Assert.Equal("Paused", mediaEvent.Data.State!.Value.Value);
        Assert.False(SdkReads(json));
    }

    [Fact]
    public void One_bad_event_time_fails_only_that_event_here_but_the_whole_batch_in_the_sdk()
    {
        string good = """{"id":"1","topic":"/t","subject":"s","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","dataVersion":"1.0","data":{"state":"Finished"}}""";
        string bad = good.Replace("\"1\"", "\"2\"").Replace("2024-01-01T00:00:00Z", "yesterday");
        string json = $"[{good},{bad},{good.Replace("\"1\"", "\"3\"")}]";

        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);

        Assert.Equal(2, batch.Events.Count());
        Assert.Equal("$[1].eventTime", Assert.Single(batch.Failures).Path);
        Assert.ThrowsAny<Exception>(() => EventGridEvent.ParseMany(BinaryData.FromString(json)));
    }

    [Fact]
    public void A_missing_data_version_is_read_here_but_sinks_the_batch_in_the_sdk()
    {
        string json = """[{"id":"1","topic":"/t","subject":"s","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","data":{"state":"Finished"}},{"id":"2","topic":"/t","subject":"s","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","dataVersion":"1.0","data":{"state":"Finished"}}]""";

        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);

        Assert.Equal(2, batch.Events.Count());
        Assert.Null(batch.Events.First().DataVersion);
        Assert.ThrowsAny<Exception>(() => EventGridEvent.ParseMany(BinaryData.FromString(json)));
    }
}
