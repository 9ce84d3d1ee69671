using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using MediaEvents.Generated;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// Every JSON example of the Media Services events documentation, read through the code generated into this
/// test assembly (namespace MediaEvents.Generated), with typed values asserted and a serialize/deserialize
/// round trip through the generated context.
/// </summary>
public sealed class DocumentExamplesTests
{
    public static IEnumerable<object[]> Examples()
    {
        string path = Path.Combine(RepositoryPaths.SharedDirectory, "docs", "media-services-events.md");
        if (!File.Exists(path))
        {
            // One row that skips with the reason: a theory without rows would fail instead.
            yield return new object[] { -1, string.Empty };
            yield break;
        }

        int index = 0;
        foreach (Match block in Regex.Matches(File.ReadAllText(path), "```json\\s*\\n(.*?)```", RegexOptions.Singleline))
        {
            yield return new object[] { index++, block.Groups[1].Value };
        }
    }

    [SkippableFact]
    public void The_document_has_an_example_of_every_event_type_in_both_envelopes()
    {
        List<object[]> examples = Examples().Where(static example => (int)example[0] >= 0).ToList();
        Skip.If(examples.Count == 0, $"The shared docs are not at {RepositoryPaths.SharedDirectory}.");

        var seen = new HashSet<string>();
        foreach (object[] example in examples)
        {
            foreach (MediaEvent mediaEvent in MediaEventDispatcher.CreateReader().Read((string)example[1]).Events)
            {
                seen.Add(mediaEvent.EventType);
            }
        }

        Assert.Contains(MediaEventTypes.JobStateChange, seen);
        Assert.Contains(MediaEventTypes.LiveEventIngestHeartbeat, seen);
        Assert.True(examples.Count >= 20, $"only {examples.Count} examples found");
    }

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public void Example_reads_with_typed_values_and_round_trips(int index, string json)
    {
        Skip.If(index < 0, $"The shared docs are not at {RepositoryPaths.SharedDirectory}.");
        var visitor = new Recorder();
        MediaEventDispatchResult batch = MediaEventDispatcher.Dispatch(json, visitor);

        Assert.False(batch.HasFailures, $"example {index}: {string.Join("; ", batch.Failures)}");
        MediaEvent mediaEvent = Assert.Single(visitor.Events);
        Assert.True(mediaEvent.IsKnown, mediaEvent.EventType);
        Assert.NotNull(mediaEvent.Time);
        AssertTypedValues(mediaEvent);
        AssertRoundTrip(mediaEvent.TypedData!);
    }

    private static void AssertTypedValues(MediaEvent mediaEvent)
    {
        switch (mediaEvent.TypedData)
        {
            case MediaJobFinishedEventData finished:
                Assert.Equal(MediaJobState.Processing, finished.PreviousState);
                Assert.Equal(MediaJobState.Finished, finished.State);
                MediaJobOutputAsset asset = Assert.IsType<MediaJobOutputAsset>(Assert.Single(finished.Outputs!));
                Assert.Equal("#Microsoft.Media.JobOutputAsset", asset.OdataType);
                Assert.Equal("output-7640689F", asset.AssetName);
                Assert.Null(asset.Error);
                Assert.Equal("VideoAnalyzerPreset_0", asset.Label);
                Assert.Equal(100L, asset.Progress);
                Assert.Equal(MediaJobState.Finished, asset.State);
                Assert.Equal("testValue2", finished.CorrelationData!["testKey2"]);
                break;
            case MediaJobProcessingEventData processing:
                Assert.Equal(MediaJobState.Scheduled, processing.PreviousState);
                Assert.Equal(MediaJobState.Processing, processing.State);
                Assert.Equal("testValue1", processing.CorrelationData!["testKey1"]);
                break;
            case MediaJobStateChangeEventData change:
                Assert.Equal(MediaJobState.Processing, change.PreviousState);
                Assert.Equal(MediaJobState.Finished, change.State);
                Assert.Equal(new DateTimeOffset(2018, 4, 20, 21, 26, 13, TimeSpan.Zero).AddTicks(8978772), mediaEvent.Time);
                break;
            case MediaJobOutputProcessingEventData outputProcessing:
                Assert.Equal(MediaJobState.Scheduled, outputProcessing.PreviousState);
                Assert.Equal(0L, outputProcessing.Output!.Progress);
                Assert.Equal(MediaJobState.Processing, outputProcessing.Output.State);
                break;
            case MediaJobOutputStateChangeEventData outputChange:
                Assert.Equal(MediaJobState.Processing, outputChange.PreviousState);
                Assert.Equal("output-7640689F", Assert.IsType<MediaJobOutputAsset>(outputChange.Output).AssetName);
                Assert.Equal(100L, outputChange.Output!.Progress);
                Assert.Equal("testValue1", outputChange.JobCorrelationData!["testKey1"]);
                break;
            case MediaJobOutputProgressEventData progress:
                Assert.Equal("VideoAnalyzerPreset_0", progress.Label);
                Assert.Equal(86L, progress.Progress);
                Assert.Equal("TestValue1", progress.JobCorrelationData!["TestKey1"]);
                break;
            case MediaLiveEventConnectionRejectedEventData rejected:
                Assert.Equal("Mystream1", rejected.StreamId);
                Assert.Equal("52859", rejected.EncoderPort);
                Assert.Equal("MPE_INGEST_CODEC_NOT_SUPPORTED", rejected.ResultCode);
                break;
            case MediaLiveEventEncoderConnectedEventData connected:
                Assert.Equal("15864-stream0", connected.StreamId);
                Assert.Equal("27485", connected.EncoderPort);
                Assert.Equal("131.107.147.xxx", connected.EncoderIp);
                break;
            case MediaLiveEventEncoderDisconnectedEventData disconnected:
                Assert.Equal("S_OK", disconnected.ResultCode);
                Assert.Equal("27485", disconnected.EncoderPort);
                break;
            case MediaLiveEventIncomingDataChunkDroppedEventData dropped:
                Assert.Equal("36656620000", dropped.Timestamp);
                Assert.Equal("10000000", dropped.Timescale);
                Assert.Equal(300000L, dropped.Bitrate);
                Assert.Equal("FragmentDrop_OverlapTimestamp", dropped.ResultCode);
                break;
            case MediaLiveEventIncomingStreamReceivedEventData received:
                Assert.Equal(2962000L, received.Bitrate);
                Assert.Equal("15336831655032322", received.Timestamp);
                Assert.Equal("20000000", received.Duration);
                break;
            case MediaLiveEventIncomingStreamsOutOfSyncEventData outOfSync:
                Assert.Equal("319996", outOfSync.MinLastTimestamp);
                Assert.Equal("Audio", outOfSync.TypeOfStreamWithMinLastTimestamp);
                Assert.Equal("10000000", outOfSync.TimescaleOfMaxLastTimestamp);
                break;
            case MediaLiveEventIncomingVideoStreamsOutOfSyncEventData videoOutOfSync:
                Assert.Equal("2162058216", videoOutOfSync.FirstTimestamp);
                Assert.Equal("2000", videoOutOfSync.SecondDuration);
                break;
            case MediaLiveEventIngestHeartbeatEventData heartbeat:
                Assert.Equal(0L, heartbeat.NonincreasingCount);
                Assert.False(heartbeat.UnexpectedBitrate);
                Assert.True(heartbeat.Healthy);
                Assert.Equal("Running", heartbeat.State);
                if (heartbeat.TrackType == "video")
                {
                    Assert.Equal(2500000L, heartbeat.Bitrate);
                    Assert.Equal(2462597L, heartbeat.IncomingBitrate);
                    Assert.Equal("2021-05-14T23:50:00.324", heartbeat.LastFragmentArrivalTime);
                    Assert.Equal(string.Empty, heartbeat.TranscriptionState);
                }
                else
                {
                    Assert.Equal(160000L, heartbeat.Bitrate);
                    Assert.Equal("15336837535253637", heartbeat.LastTimestamp);
                    Assert.Null(heartbeat.TranscriptionState);
                }

                break;
            case MediaLiveEventTrackDiscontinuityDetectedEventData discontinuity:
                Assert.Equal("575284", discontinuity.DiscontinuityGap);
                Assert.Equal(2962000L, discontinuity.Bitrate);
                break;
            default:
                Assert.Fail($"No assertions for {mediaEvent.TypedData?.GetType().Name}.");
                break;
        }
    }

    private static void AssertRoundTrip(object data)
    {
        JsonTypeInfo typeInfo = MediaEventsJsonContext.Default.GetTypeInfo(data.GetType())!;
        string json = JsonSerializer.Serialize(data, typeInfo);
        object? again = JsonSerializer.Deserialize(json, typeInfo);

        Assert.Equal(data, again);
        Assert.Equal(json, JsonSerializer.Serialize(again, typeInfo));
    }

    private sealed class Recorder : NonExhaustiveMediaEventVisitor
    {
        public List<MediaEvent> Events { get; } = new();

        protected override void VisitOther(MediaEvent mediaEvent) => Events.Add(mediaEvent);
    }
}
