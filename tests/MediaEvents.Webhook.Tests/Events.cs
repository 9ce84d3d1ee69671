using System;
using System.Globalization;

namespace MediaEvents.Webhook.Tests;

/// <summary>Deliveries written by hand.</summary>
internal static class Events
{
    public const string Topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Media/mediaservices/test";

    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Batch(params string[] events) => "[" + string.Join(",", events) + "]";

    public static string EventGrid(string type, string subject, DateTimeOffset time, string data, string? id = null) =>
        $$"""
        {"id":"{{id ?? Guid.NewGuid().ToString()}}","topic":"{{Topic}}","subject":"{{subject}}","eventType":"{{type}}","eventTime":"{{Time(time)}}","data":{{data}},"dataVersion":"1.0","metadataVersion":"1"}
        """;

    public static string CloudEvent(string type, string subject, DateTimeOffset time, string data, string? id = null) =>
        $$"""
        {"specversion":"1.0","id":"{{id ?? Guid.NewGuid().ToString()}}","source":"{{Topic}}","subject":"{{subject}}","type":"{{type}}","time":"{{Time(time)}}","datacontenttype":"application/json","data":{{data}}}
        """;

    public static string JobState(string subject, DateTimeOffset time, string previous, string state) =>
        EventGrid("Microsoft.Media.JobStateChange", subject, time, $$"""{"previousState":"{{previous}}","state":"{{state}}"}""");

    public static string JobProgress(string subject, DateTimeOffset time, string label, long progress) =>
        EventGrid("Microsoft.Media.JobOutputProgress", subject, time, $$"""{"label":"{{label}}","progress":{{progress}}}""");

    public static string OutputState(string subject, DateTimeOffset time, string label, string previous, string state, long progress) =>
        EventGrid(
            "Microsoft.Media.JobOutputStateChange",
            subject,
            time,
            $$$"""{"previousState":"{{{previous}}}","output":{"@odata.type":"#Microsoft.Media.JobOutputAsset","assetName":"asset-{{{label}}}","error":null,"label":"{{{label}}}","progress":{{{progress}}},"state":"{{{state}}}"}}""");

    public static string Heartbeat(string subject, DateTimeOffset time, string track, long incomingBitrate, bool healthy) =>
        EventGrid(
            "Microsoft.Media.LiveEventIngestHeartbeat",
            subject,
            time,
            $$"""{"trackType":"video","trackName":"{{track}}","bitrate":2500000,"incomingBitrate":{{incomingBitrate}},"lastTimestamp":"1","timescale":"10000000","overlapCount":0,"discontinuityCount":0,"nonincreasingCount":0,"unexpectedBitrate":false,"state":"Running","healthy":{{(healthy ? "true" : "false")}}}""");

    public static string Unknown(string subject, DateTimeOffset time) =>
        EventGrid("Contoso.Custom.SomethingHappened", subject, time, """{"what":"it"}""");

    public static string Validation(string code, string id = "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66") =>
        $$"""
        [{"id":"{{id}}","topic":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Media/mediaservices/test","subject":"","data":{"validationCode":"{{code}}","validationUrl":"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/sub/validate?id=0000&t=2024-05-01T12:00:00.0000000Z&apiVersion=2018-05-01-preview&token=abc"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2024-05-01T12:00:00.000Z","metadataVersion":"1","dataVersion":"2"}]
        """;

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
}
