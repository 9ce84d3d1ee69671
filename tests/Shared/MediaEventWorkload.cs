using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MediaEvents.Testing;

/// <summary>What a workload message is, and so what a consumer must make of it.</summary>
internal enum WorkloadMessageKind
{
    /// <summary>A Media Services event, delivered for the first time: applied once.</summary>
    Event,

    /// <summary>An event delivered again (Event Grid delivers at least once): the tracker reports it as a duplicate.</summary>
    Duplicate,

    /// <summary>Another publisher's event: read, not tracked, and removed from the queue.</summary>
    NotTracked,

    /// <summary>A message that is no event the tracker can apply: it belongs in the poison queue.</summary>
    Bad,
}

/// <summary>One queue message of a workload.</summary>
/// <param name="Body">The message text as Event Grid would write it (one event; plain JSON or Base64).</param>
/// <param name="Kind">What the message is.</param>
/// <param name="EventId">The event's id, for events.</param>
/// <param name="ExpectedReason">For a bad message, a fragment the poison reason must contain.</param>
internal sealed record WorkloadMessage(string Body, WorkloadMessageKind Kind, string? EventId = null, string? ExpectedReason = null);

/// <summary>
/// Realistic Media Services traffic for the queue worker's tests and the benchmarks: jobs that finish, fail or are
/// canceled, live events with heartbeats, discontinuities and warnings, in the documentation's payloads
/// (docs/media-services-events.md), each event in the Event Grid schema or CloudEvents 1.0, each message plain JSON
/// or Base64 as Event Grid has written them over time; then redeliveries, other publishers' events and bad
/// messages, all shuffled, since Event Grid guarantees no order.
/// </summary>
internal sealed class MediaEventWorkload
{
    private const string Topic = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Media/mediaservices/contoso";
    private const string Correlation = """{ "tenant": "contoso", "batch": "2026-12" }""";
    private const int LiveEventsEvents = 100;

    private static readonly DateTimeOffset s_start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly Random _random;
    private readonly List<(string Id, string Json)> _events = [];

    private MediaEventWorkload(int seed) => _random = new Random(seed);

    /// <summary>Every distinct Media event, in the order they happened: what an in-order fold applies.</summary>
    public IReadOnlyList<string> EventsInOrder => _events.Select(static item => item.Json).ToArray();

    /// <summary>The messages, in the order they are sent.</summary>
    public IReadOnlyList<WorkloadMessage> Messages { get; private set; } = [];

    /// <summary>The subjects of the jobs.</summary>
    public List<string> JobSubjects { get; } = [];

    /// <summary>The subjects of the live events.</summary>
    public List<string> LiveEventSubjects { get; } = [];

    /// <summary>
    /// A workload of <paramref name="messageCount"/> messages: about 1 in 50 a redelivery, 1 in 200 another
    /// publisher's event, <paramref name="badMessages"/> bad ones, the rest distinct Media events, about half about
    /// jobs (13 events each) and half about live events (100 each, within the tracker's 128-id window).
    /// </summary>
    public static MediaEventWorkload Create(int messageCount, int badMessages, int seed = 1)
    {
        var workload = new MediaEventWorkload(seed);
        int duplicates = messageCount / 50;
        int notTracked = messageCount / 200;
        int events = messageCount - duplicates - notTracked - badMessages;
        if (events < LiveEventsEvents)
        {
            throw new ArgumentOutOfRangeException(nameof(messageCount), messageCount, "A workload needs room for at least one live event's events.");
        }

        int liveEvents = Math.Max(1, events / 2 / LiveEventsEvents);
        for (int live = 0; live < liveEvents; live++)
        {
            workload.AddLiveEvent(live);
        }

        for (int job = 0; workload._events.Count < events; job++)
        {
            workload.AddJob(job, Math.Min(13, events - workload._events.Count));
        }

        var messages = new List<WorkloadMessage>(messageCount);
        messages.AddRange(workload._events.Select(item => new WorkloadMessage(workload.Encode(item.Json), WorkloadMessageKind.Event, item.Id)));
        for (int i = 0; i < duplicates; i++)
        {
            (string id, string json) = workload._events[workload._random.Next(workload._events.Count)];
            messages.Add(new WorkloadMessage(workload.Encode(json), WorkloadMessageKind.Duplicate, id));
        }

        for (int i = 0; i < notTracked; i++)
        {
            string id = "blob-" + i.ToString("D4", CultureInfo.InvariantCulture);
            string json = Envelope("Microsoft.Storage.BlobCreated", id, s_start.AddSeconds(i), "/blobServices/default/containers/media/blobs/in-" + id + ".mp4",
                """{ "api": "PutBlob", "contentType": "video/mp4", "contentLength": 524288, "blobType": "BlockBlob", "url": "https://contoso.blob.core.windows.net/media/in.mp4" }""",
                workload._random.Next(2) == 0);
            messages.Add(new WorkloadMessage(workload.Encode(json), WorkloadMessageKind.NotTracked, id));
        }

        for (int i = 0; i < badMessages; i++)
        {
            messages.Add(BadMessage(i));
        }

        workload._random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(messages));
        workload.Messages = messages;
        return workload;
    }

    /// <summary>The bad message number <paramref name="index"/>: each kind in turn, every body distinct.</summary>
    public static WorkloadMessage BadMessage(int index)
    {
        string n = index.ToString(CultureInfo.InvariantCulture);
        return (index % 8) switch
        {
            0 => new($"this is not JSON, message {n}", WorkloadMessageKind.Bad, ExpectedReason: "neither JSON nor Base64"),
            1 => new(Convert.ToBase64String(Encoding.UTF8.GetBytes($"plain words {n}, Base64-encoded")), WorkloadMessageKind.Bad, ExpectedReason: "what it encodes is not JSON"),
            2 => new($$"""{ "hello": "world", "n": {{n}} }""", WorkloadMessageKind.Bad, ExpectedReason: "could not be read"),
            3 => new($"\"a JSON string, message {n}\"", WorkloadMessageKind.Bad, ExpectedReason: "neither JSON nor Base64"),
            4 => new($$"""{ "id": "truncated-{{n}}", "eventType": "Microsoft.Media.JobStateChange", "data": { "state": """, WorkloadMessageKind.Bad, ExpectedReason: "JSON"),
            5 => new("[]" + new string(' ', index % 97), WorkloadMessageKind.Bad, ExpectedReason: "holds no event"),
            6 => new(Envelope("Microsoft.Media.JobOutputProgress", "bad-data-" + n, s_start, "transforms/T/jobs/bad-" + n, """{ "label": "VideoAnalyzerPreset_0", "progress": "half" }""", cloudEvents: false),
                WorkloadMessageKind.Bad, ExpectedReason: "could not be read"),
            _ => new(Envelope("Microsoft.Media.JobStateChange", "no-state-" + n, s_start, "transforms/T/jobs/no-state-" + n, """{ "previousState": "Queued" }""", cloudEvents: true),
                WorkloadMessageKind.Bad, ExpectedReason: "carries no state"),
        };
    }

    /// <summary>One event in the Event Grid schema, or in CloudEvents 1.0.</summary>
    public static string Envelope(string type, string id, DateTimeOffset time, string subject, string data, bool cloudEvents)
    {
        string stamp = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        return cloudEvents
            ? $$"""{"id":"{{id}}","source":"{{Topic}}","specversion":"1.0","type":"{{type}}","subject":"{{subject}}","time":"{{stamp}}","data":{{data}}}"""
            : $$"""{"topic":"{{Topic}}","subject":"{{subject}}","eventType":"{{type}}","eventTime":"{{stamp}}","id":"{{id}}","data":{{data}},"dataVersion":"1.0","metadataVersion":"1"}""";
    }

    // As Event Grid writes a message: the event's JSON, Base64-encoded (its current behaviour) or plain (its earlier one).
    private string Encode(string json) => _random.Next(2) == 0 ? json : Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private void Add(string type, string id, DateTimeOffset time, string subject, string data) =>
        _events.Add((id, Envelope("Microsoft.Media." + type, id, time, subject, data, _random.Next(2) == 0)));

    private void AddJob(int number, int count)
    {
        string name = "job-" + number.ToString("D4", CultureInfo.InvariantCulture);
        string subject = "transforms/VideoAnalyzerTransform/jobs/" + name;
        JobSubjects.Add(subject);
        DateTimeOffset at = s_start.AddMinutes(number % 600);
        int sequence = 0;
        int outcome = number % 10; // 0..6 finish, 7..8 fail, 9 is canceled
        string final = outcome < 7 ? "Finished" : outcome < 9 ? "Error" : "Canceled";
        string error = outcome is 7 or 8
            ? """{ "code": "ContentMalformed", "message": "The input could not be read.", "category": "Content", "retry": "DoNotRetry", "details": [ { "code": "ContentMalformed", "message": "The file is not a video." } ] }"""
            : "null";
        var steps = new List<(string Type, double Seconds, string Data)>
        {
            ("JobScheduled", 0, JobState("Queued", "Scheduled")),
            ("JobStateChange", 0, JobState("Queued", "Scheduled")),
            ("JobOutputScheduled", 4, OutputState("Queued", Output("Scheduled", 0, name, "null"))),
            ("JobProcessing", 5, JobState("Scheduled", "Processing")),
            ("JobStateChange", 5, JobState("Scheduled", "Processing")),
            ("JobOutputProcessing", 6, OutputState("Scheduled", Output("Processing", 0, name, "null"))),
            ("JobOutputProgress", 20, Progress(25)),
            ("JobOutputProgress", 50, Progress(50)),
            ("JobOutputProgress", 80, Progress(75)),
            ("JobOutput" + (final == "Error" ? "Errored" : final), 120, OutputState("Processing", Output(final, final == "Finished" ? 100 : 75, name, error))),
            ("JobStateChange", 130, JobState("Processing", final)),
            ("Job" + (final == "Error" ? "Errored" : final), 130, JobFinal(final, Output(final, final == "Finished" ? 100 : 75, name, error))),
            ("JobOutputProgress", 140, Progress(80)), // after the end: must change nothing
        };
        foreach ((string type, double seconds, string data) in steps.Take(count))
        {
            Add(type, name + "-" + (++sequence).ToString("D2", CultureInfo.InvariantCulture), at.AddSeconds(seconds), subject, data);
        }
    }

    private void AddLiveEvent(int number)
    {
        string name = "mle" + number.ToString("D3", CultureInfo.InvariantCulture);
        string subject = "liveEvent/" + name;
        LiveEventSubjects.Add(subject);
        DateTimeOffset at = s_start.AddMinutes(number);
        int sequence = 0;
        string Next() => name + "-" + (++sequence).ToString("D3", CultureInfo.InvariantCulture);

        Add("LiveEventEncoderConnected", Next(), at, subject,
            """{ "ingestUrl": "http://mle1.channel.media.azure.net:80/ingest.isml", "streamId": "15864-stream0", "encoderIp": "131.107.147.xxx", "encoderPort": "27485" }""");
        Add("LiveEventIncomingStreamReceived", Next(), at.AddSeconds(1), subject, StreamReceived("video"));
        Add("LiveEventIncomingStreamReceived", Next(), at.AddSeconds(1.5), subject, StreamReceived("audio"));
        for (int tick = 1; sequence < LiveEventsEvents - 1; tick++)
        {
            DateTimeOffset beat = at.AddSeconds(20 * tick);
            Add("LiveEventIngestHeartbeat", Next(), beat, subject, Heartbeat("video", beat, healthy: tick % 7 != 0, drift: (tick % 3).ToString(CultureInfo.InvariantCulture)));
            if (sequence < LiveEventsEvents - 1)
            {
                Add("LiveEventIngestHeartbeat", Next(), beat, subject, Heartbeat("audio", beat, healthy: true, drift: "0"));
            }

            if (sequence < LiveEventsEvents - 1)
            {
                (string type, string data) = (tick % 6) switch
                {
                    0 => ("LiveEventTrackDiscontinuityDetected",
                        """{ "trackName": "video", "previousTimestamp": "15336837615032322", "trackType": "video", "bitrate": 2962000, "newTimestamp": "15336837619774273", "discontinuityGap": "575284", "timescale": "10000000" }"""),
                    1 => ("LiveEventIncomingDataChunkDropped",
                        """{ "trackType": "Video", "trackName": "video", "bitrate": 300000, "timestamp": 36656620000, "timescale": 10000000, "resultCode": "FragmentDrop_OverlapTimestamp" }"""),
                    2 => ("LiveEventIncomingStreamsOutOfSync",
                        """{ "minLastTimestamp": "319996", "typeOfStreamWithMinLastTimestamp": "Audio", "maxLastTimestamp": "366000", "typeOfStreamWithMaxLastTimestamp": "Video", "timescaleOfMinLastTimestamp": "10000000", "timescaleOfMaxLastTimestamp": "10000000" }"""),
                    3 => ("LiveEventIncomingVideoStreamsOutOfSync",
                        """{ "firstTimestamp": "2162058216", "firstDuration": "2000", "secondTimestamp": "2162057216", "secondDuration": "2000", "timescale": "10000000" }"""),
                    _ => ("LiveEventChannelArchiveHeartbeat", $$"""{ "channelLatencyMs": "{{1000 + tick * 10}}", "latencyResultCode": "S_OK" }"""),
                };
                Add(type, Next(), beat.AddSeconds(5), subject, data);
            }
        }

        Add("LiveEventEncoderDisconnected", Next(), at.AddHours(1), subject,
            """{ "ingestUrl": "http://mle1.channel.media.azure.net:80/ingest.isml", "streamId": "15864-stream0", "encoderIp": "131.107.147.xxx", "encoderPort": "27485", "resultCode": "S_OK" }""");
    }

    private static string JobState(string previous, string state) =>
        $$"""{ "previousState": "{{previous}}", "state": "{{state}}", "correlationData": {{Correlation}} }""";

    private static string JobFinal(string state, string output) =>
        $$"""{ "outputs": [ {{output}} ], "previousState": "Processing", "state": "{{state}}", "correlationData": {{Correlation}} }""";

    private static string OutputState(string previous, string output) =>
        $$"""{ "previousState": "{{previous}}", "output": {{output}}, "jobCorrelationData": {{Correlation}} }""";

    private static string Output(string state, int progress, string label, string error) =>
        $$"""{ "@odata.type": "#Microsoft.Media.JobOutputAsset", "assetName": "output-{{label}}", "error": {{error}}, "label": "{{label}}", "progress": {{progress}}, "state": "{{state}}" }""";

    private static string Progress(int progress) =>
        $$"""{ "jobCorrelationData": {{Correlation}}, "label": "VideoAnalyzerPreset_0", "progress": {{progress}} }""";

    private static string StreamReceived(string track) =>
        $$"""{ "ingestUrl": "http://mle1.channel.media.azure.net:80/ingest.isml/Streams(15864-stream0)15864-stream0", "trackType": "{{track}}", "trackName": "{{track}}", "bitrate": 2962000, "encoderIp": "131.107.147.xxx", "encoderPort": "27485", "timestamp": "15336831655032322", "duration": "20000000", "timescale": "10000000" }""";

    private static string Heartbeat(string track, DateTimeOffset time, bool healthy, string drift) =>
        $$"""
        { "trackType": "{{track}}", "trackName": "{{track}}", "bitrate": 2500000, "incomingBitrate": 2462597, "lastTimestamp": "106999", "timescale": "1000",
          "overlapCount": 0, "discontinuityCount": {{(healthy ? 0 : 2)}}, "nonincreasingCount": 0, "unexpectedBitrate": false, "state": "Running", "healthy": {{(healthy ? "true" : "false")}},
          "lastFragmentArrivalTime": "{{time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)}}", "ingestDriftValue": "{{drift}}", "transcriptionState": "", "transcriptionLanguage": "" }
        """;
}
