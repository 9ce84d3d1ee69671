using System;
using System.Globalization;
using System.Linq;
using MediaEvents.Tracking.Tests.Generated;

namespace MediaEvents.Tracking.Tests;

/// <summary>
/// Events built from the example payloads of the Media Services event documentation
/// (docs/media-services-events.md), with the id, time and subject a test needs, read as a consumer reads them.
/// </summary>
internal static class DocEvents
{
    public const string Job = "transforms/VideoAnalyzerTransform/jobs/job-5AB6DE32";
    public const string Live = "liveEvent/mle1";
    public const string Label = "VideoAnalyzerPreset_0";

    public static readonly DateTimeOffset Start = new(2018, 10, 12, 16, 12, 18, TimeSpan.Zero);

    private const string Correlation = """{ "testKey1": "testValue1", "testKey2": "testValue2" }""";

    /// <summary>Reads one event in the Event Grid schema, or in CloudEvents 1.0 when <paramref name="cloudEvents"/>.</summary>
    public static MediaEvent Read(string type, string id, DateTimeOffset time, string subject, string data, bool cloudEvents = false)
    {
        string stamp = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        string json = cloudEvents
            ? $$"""{ "source": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Media/mediaservices/a", "subject": "{{subject}}", "type": "{{type}}", "time": "{{stamp}}", "id": "{{id}}", "data": {{data}}, "specversion": "1.0" }"""
            : $$"""{ "topic": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Media/mediaservices/a", "subject": "{{subject}}", "eventType": "{{type}}", "eventTime": "{{stamp}}", "id": "{{id}}", "data": {{data}}, "dataVersion": "1.0", "metadataVersion": "1" }""";
        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);
        batch.ThrowIfFailed();
        return batch.Events.Single();
    }

    public static MediaEvent JobState(string type, string id, DateTimeOffset time, string previous, string state, string subject = Job) =>
        Read("Microsoft.Media." + type, id, time, subject, $$"""{ "previousState": "{{previous}}", "state": "{{state}}", "correlationData": {{Correlation}} }""");

    public static MediaEvent JobFinal(string type, string id, DateTimeOffset time, string state, params string[] outputs) =>
        Read("Microsoft.Media." + type, id, time, Job, $$"""{ "outputs": [ {{string.Join(", ", outputs)}} ], "previousState": "Processing", "state": "{{state}}", "correlationData": {{Correlation}} }""");

    public static string Output(string state, int progress, string label = Label, string error = "null") =>
        $$"""{ "@odata.type": "#Microsoft.Media.JobOutputAsset", "assetName": "output-{{label}}", "error": {{error}}, "label": "{{label}}", "progress": {{progress}}, "state": "{{state}}" }""";

    public static string Error(string code, string retry) =>
        $$"""{ "code": "{{code}}", "message": "The input could not be read.", "category": "Content", "retry": "{{retry}}", "details": [ { "code": "ContentMalformed", "message": "The file is not a video." } ] }""";

    public static MediaEvent OutputState(string type, string id, DateTimeOffset time, string previous, string output) =>
        Read("Microsoft.Media." + type, id, time, Job, $$"""{ "previousState": "{{previous}}", "output": {{output}}, "jobCorrelationData": {{Correlation}} }""");

    public static MediaEvent Progress(string id, DateTimeOffset time, int progress, string label = Label) =>
        Read("Microsoft.Media.JobOutputProgress", id, time, Job, $$"""{ "jobCorrelationData": {{Correlation}}, "label": "{{label}}", "progress": {{progress}} }""");

    public static MediaEvent Connected(string id, DateTimeOffset time, string streamId = "15864-stream0") =>
        Read("Microsoft.Media.LiveEventEncoderConnected", id, time, Live,
            $$"""{ "ingestUrl": "http://mle1.channel.media.azure.net:80/ingest.isml", "streamId": "{{streamId}}", "encoderIp": "131.107.147.xxx", "encoderPort": "27485" }""");

    public static MediaEvent Disconnected(string id, DateTimeOffset time, string resultCode = "S_OK", string streamId = "15864-stream0") =>
        Read("Microsoft.Media.LiveEventEncoderDisconnected", id, time, Live,
            $$"""{ "ingestUrl": "http://mle1.channel.media.azure.net:80/ingest.isml", "streamId": "{{streamId}}", "encoderIp": "131.107.147.xxx", "encoderPort": "27485", "resultCode": "{{resultCode}}" }""");

    public static MediaEvent Rejected(string id, DateTimeOffset time, string streamId = "Mystream1") =>
        Read("Microsoft.Media.LiveEventConnectionRejected", id, time, Live,
            $$"""{ "streamId": "{{streamId}}", "ingestUrl": "http://abc.ingest.isml", "encoderIp": "118.238.251.xxx", "encoderPort": 52859, "resultCode": "MPE_INGEST_CODEC_NOT_SUPPORTED" }""");

    public static MediaEvent StreamReceived(string id, DateTimeOffset time, string track = "video") =>
        Read("Microsoft.Media.LiveEventIncomingStreamReceived", id, time, Live,
            $$"""{ "ingestUrl": "http://mle1.channel.media.azure.net:80/ingest.isml/Streams(15864-stream0)15864-stream0", "trackType": "video", "trackName": "{{track}}", "bitrate": 2962000, "encoderIp": "131.107.147.xxx", "encoderPort": "27485", "timestamp": "15336831655032322", "duration": "20000000", "timescale": "10000000" }""");

    public static MediaEvent Heartbeat(string id, DateTimeOffset time, string track = "video", bool healthy = true, long incomingBitrate = 2462597, string drift = "0", string? arrival = null) =>
        Read("Microsoft.Media.LiveEventIngestHeartbeat", id, time, Live,
            $$"""
            { "trackType": "video", "trackName": "{{track}}", "bitrate": 2500000, "incomingBitrate": {{incomingBitrate}}, "lastTimestamp": "106999", "timescale": "1000",
              "overlapCount": 0, "discontinuityCount": {{(healthy ? 0 : 2)}}, "nonincreasingCount": 0, "unexpectedBitrate": false, "state": "Running", "healthy": {{(healthy ? "true" : "false")}},
              "lastFragmentArrivalTime": "{{arrival ?? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)}}", "ingestDriftValue": "{{drift}}", "transcriptionState": "", "transcriptionLanguage": "" }
            """);

    public static MediaEvent Discontinuity(string id, DateTimeOffset time, string track = "video") =>
        Read("Microsoft.Media.LiveEventTrackDiscontinuityDetected", id, time, Live,
            $$"""{ "trackName": "{{track}}", "previousTimestamp": "15336837615032322", "trackType": "video", "bitrate": 2962000, "newTimestamp": "15336837619774273", "discontinuityGap": "575284", "timescale": "10000000" }""");

    public static MediaEvent ChunkDropped(string id, DateTimeOffset time, string track = "video") =>
        Read("Microsoft.Media.LiveEventIncomingDataChunkDropped", id, time, Live,
            $$"""{ "trackType": "Video", "trackName": "{{track}}", "bitrate": 300000, "timestamp": 36656620000, "timescale": 10000000, "resultCode": "FragmentDrop_OverlapTimestamp" }""");

    public static MediaEvent StreamsOutOfSync(string id, DateTimeOffset time) =>
        Read("Microsoft.Media.LiveEventIncomingStreamsOutOfSync", id, time, Live,
            """{ "minLastTimestamp": "319996", "typeOfStreamWithMinLastTimestamp": "Audio", "maxLastTimestamp": "366000", "typeOfStreamWithMaxLastTimestamp": "Video", "timescaleOfMinLastTimestamp": "10000000", "timescaleOfMaxLastTimestamp": "10000000" }""");

    public static MediaEvent VideoStreamsOutOfSync(string id, DateTimeOffset time) =>
        Read("Microsoft.Media.LiveEventIncomingVideoStreamsOutOfSync", id, time, Live,
            """{ "firstTimestamp": "2162058216", "firstDuration": "2000", "secondTimestamp": "2162057216", "secondDuration": "2000", "timescale": "10000000" }""");

    public static MediaEvent ArchiveHeartbeat(string id, DateTimeOffset time, string latencyMs = "1500") =>
        Read("Microsoft.Media.LiveEventChannelArchiveHeartbeat", id, time, Live, $$"""{ "channelLatencyMs": "{{latencyMs}}", "latencyResultCode": "S_OK" }""");
}
