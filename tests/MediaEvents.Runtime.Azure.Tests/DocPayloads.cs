using System;
using System.Collections.Generic;
using System.Linq;
using Azure.Messaging;
using Azure.Messaging.EventGrid;

namespace MediaEvents.AzureTests;

/// <summary>
/// Deliveries as the Azure Media Services event documentation shows them (media-services-events.md), with the
/// placeholders of its resource paths filled in, and the SDK's parsing of them.
/// </summary>
internal static class DocPayloads
{
    public const string Topic = "/subscriptions/8f2c6c0e-5a3b-4e1d-9c7a-2b6d4e8f1a90/resourceGroups/media-rg/providers/Microsoft.Media/mediaservices/contosomedia";

    /// <summary>JobFinished, Event Grid schema (the doc's "JobFinished, JobCanceled, JobErrored" example).</summary>
    public const string JobFinishedEventGrid = $$"""
        {
          "topic": "{{Topic}}",
          "subject": "transforms/VideoAnalyzerTransform/jobs/job-5AB6DE32",
          "eventType": "Microsoft.Media.JobFinished",
          "eventTime": "2018-10-12T16:25:56.4115495",
          "id": "9e07e83a-dd6e-466b-a62f-27521b216f2a",
          "data": {
            "outputs": [
              {
                "@odata.type": "#Microsoft.Media.JobOutputAsset",
                "assetName": "output-7640689F",
                "error": null,
                "label": "VideoAnalyzerPreset_0",
                "progress": 100,
                "state": "Finished"
              }
            ],
            "previousState": "Processing",
            "state": "Finished",
            "correlationData": {
              "testKey1": "testValue1",
              "testKey2": "testValue2"
            }
          },
          "dataVersion": "1.0",
          "metadataVersion": "1"
        }
        """;

    /// <summary>LiveEventConnectionRejected, Event Grid schema; <c>encoderPort</c> is a number though the spec says string.</summary>
    public const string ConnectionRejectedEventGrid = $$"""
        {
          "topic": "{{Topic}}",
          "subject": "/LiveEvents/MyLiveEvent1",
          "eventType": "Microsoft.Media.LiveEventConnectionRejected",
          "eventTime": "2018-01-16T01:57:26.005121Z",
          "id": "b303db59-d5c1-47eb-927a-3650875fded1",
          "data": {
            "streamId":"Mystream1",
            "ingestUrl": "http://abc.ingest.isml",
            "encoderIp": "118.238.251.xxx",
            "encoderPort": 52859,
            "resultCode": "MPE_INGEST_CODEC_NOT_SUPPORTED"
          },
          "dataVersion": "1.0",
          "metadataVersion": "1"
        }
        """;

    /// <summary>JobOutputProgress, Event Grid schema, whose <c>progress</c> is the given JSON value.</summary>
    public static string JobOutputProgressEventGrid(string progressJson) => $$"""
        {
          "topic": "{{Topic}}",
          "subject": "transforms/VideoAnalyzerTransform/jobs/job-5AB6DE32",
          "eventType": "Microsoft.Media.JobOutputProgress",
          "eventTime": "2018-12-10T18:20:12.1514867",
          "id": "00000000-0000-0000-0000-000000000000",
          "data": {
            "jobCorrelationData": {
              "TestKey1": "TestValue1",
              "testKey2": "testValue2"
            },
            "label": "VideoAnalyzerPreset_0",
            "progress": {{progressJson}}
          },
          "dataVersion": "1.0",
          "metadataVersion": "1"
        }
        """;

    /// <summary>LiveEventIngestHeartbeat, CloudEvents schema.</summary>
    public const string IngestHeartbeatCloudEvent = $$"""
        {
          "source": "{{Topic}}",
          "subject": "liveEvent/mle1",
          "type": "Microsoft.Media.LiveEventIngestHeartbeat",
          "time": "2018-08-07T23:17:57.4610506",
          "id": "7f450938-491f-41e1-b06f-c6cd3965d786",
          "data": {
            "trackType": "audio",
            "trackName": "audio",
            "bitrate": 160000,
            "incomingBitrate": 155903,
            "lastTimestamp": "15336837535253637",
            "timescale": "10000000",
            "overlapCount": 0,
            "discontinuityCount": 0,
            "nonincreasingCount": 0,
            "unexpectedBitrate": false,
            "state": "Running",
            "healthy": true
          },
          "specversion": "1.0"
        }
        """;

    /// <summary>JobOutputProgress, CloudEvents schema, whose <c>progress</c> is the given JSON value.</summary>
    public static string JobOutputProgressCloudEvent(string progressJson) => $$"""
        {
          "source": "{{Topic}}",
          "subject": "transforms/VideoAnalyzerTransform/jobs/job-5AB6DE32",
          "type": "Microsoft.Media.JobOutputProgress",
          "time": "2018-12-10T18:20:12.1514867Z",
          "id": "5f3e9a4c-0d57-4a7e-9b0c-8e1f2a3b4c5d",
          "data": { "label": "VideoAnalyzerPreset_0", "progress": {{progressJson}} },
          "specversion": "1.0"
        }
        """;

    /// <summary>A JSON array of the events.</summary>
    public static string Array(params string[] events) => "[" + string.Join(",", events) + "]";

    /// <summary>The SDK's parsing of an Event Grid schema delivery.</summary>
    public static EventGridEvent[] ParseEventGrid(params string[] events) => EventGridEvent.ParseMany(BinaryData.FromString(Array(events)));

    /// <summary>The SDK's parsing of a CloudEvents delivery.</summary>
    public static CloudEvent[] ParseCloudEvents(params string[] events) => CloudEvent.ParseMany(BinaryData.FromString(Array(events)));

    /// <summary>A reader of the generated catalog.</summary>
    public static MediaEventReader CreateReader(MediaEventReaderOptions? options = null) => Generated.MediaEventDispatcher.CreateReader(options);

    /// <summary>The ids, types and failure paths of a batch, to compare two batches.</summary>
    public static IReadOnlyList<string> Outline(MediaEventBatch batch) =>
        batch.Select(result => result.Event is { } read
            ? $"{result.Index} event {read.Id} {read.EventType} known={read.IsKnown} {read.Schema}"
            : $"{result.Index} failure {result.Failure!.Id} {result.Failure.EventType} {result.Failure.Path}: {result.Failure.Reason}").ToList();
}
