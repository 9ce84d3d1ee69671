using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Azure.Messaging;
using MediaEvents.AzureInterop;
using MediaEvents.AzureTests.Generated;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.AzureTests;

public sealed class CloudEventTests
{
    [Fact]
    public void IngestHeartbeatFromTheDocsIsDispatchedTyped()
    {
        CloudEvent[] events = DocPayloads.ParseCloudEvents(DocPayloads.IngestHeartbeatCloudEvent);
        var visitor = new RecordingVisitor();

        MediaEventBatch batch = MediaEventDispatcher.Dispatch(DocPayloads.CreateReader().Read(events), visitor);

        Assert.False(batch.HasFailures);
        Assert.Equal(new[] { "VisitLiveEventIngestHeartbeat" }, visitor.Calls);
        MediaLiveEventIngestHeartbeatEventData heartbeat = Assert.Single(visitor.Heartbeats).Data;
        Assert.Equal(155903, heartbeat.IncomingBitrate);
        Assert.Equal(160000, heartbeat.Bitrate);
        Assert.True(heartbeat.Healthy);
        Assert.False(heartbeat.UnexpectedBitrate);
        Assert.Equal("audio", heartbeat.TrackType);
        Assert.Equal("15336837535253637", heartbeat.LastTimestamp);
        Assert.Equal("10000000", heartbeat.Timescale);
        Assert.Equal(0, heartbeat.NonincreasingCount);
        Assert.Equal("Running", heartbeat.State);
    }

    [Fact]
    public void EnvelopeIsTheSdksEvent()
    {
        CloudEvent sdkEvent = Assert.Single(DocPayloads.ParseCloudEvents(DocPayloads.IngestHeartbeatCloudEvent));

        MediaEvent read = DocPayloads.CreateReader().Read(sdkEvent).Event!;

        Assert.Equal(MediaEventSchema.CloudEvents, read.Schema);
        Assert.Equal("7f450938-491f-41e1-b06f-c6cd3965d786", read.Id);
        Assert.Equal(sdkEvent.Id, read.Id);
        Assert.Equal("Microsoft.Media.LiveEventIngestHeartbeat", read.EventType);
        Assert.Equal("liveEvent/mle1", read.Subject);
        Assert.Equal(DocPayloads.Topic, read.Source);
        Assert.Equal(sdkEvent.Source, read.Source);
        Assert.Equal(sdkEvent.Time, read.Time);
        Assert.Equal(new DateTimeOffset(2018, 8, 7, 23, 17, 57, TimeSpan.Zero).AddTicks(4610506), read.Time);
        Assert.Equal("1.0", read.SpecVersion);
        Assert.Null(read.DataContentType);
        Assert.Null(read.DataSchema);
        Assert.Null(read.DataVersion);
        Assert.Null(read.UnknownMembers);
        Assert.Equal(sdkEvent.Data!.ToArray(), read.RawData.ToArray());
    }

    [Fact]
    public void ContentTypeSchemaAndExtensionAttributesArriveAsInTheEnvelope()
    {
        const string withExtensions = $$"""
            {
              "specversion": "1.0",
              "id": "e1",
              "source": "{{DocPayloads.Topic}}",
              "type": "Microsoft.Media.JobOutputProgress",
              "subject": "transforms/T/jobs/J",
              "time": "2024-03-14T09:15:02.1046132-05:00",
              "datacontenttype": "application/json; charset=utf-8",
              "dataschema": "https://example.com/schemas/progress.json",
              "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
              "partition": 7,
              "replayed": true,
              "data": { "label": "L", "progress": 50 }
            }
            """;
        CloudEvent sdkEvent = Assert.Single(DocPayloads.ParseCloudEvents(withExtensions));

        var read = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(DocPayloads.CreateReader().Read(sdkEvent).Event);

        Assert.Equal(50, read.Data.Progress);
        Assert.Equal("application/json; charset=utf-8", read.DataContentType);
        Assert.Equal("https://example.com/schemas/progress.json", read.DataSchema);
        Assert.Equal(TimeSpan.FromHours(-5), read.Time!.Value.Offset);
        Assert.Equal(sdkEvent.Time, read.Time);
        JsonMembers members = read.UnknownMembers!;
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", members.Find("traceparent")!.Value.GetString());
        Assert.Equal(7, members.Find("partition")!.Value.GetInt32());
        Assert.True(members.Find("replayed")!.Value.GetBoolean());
    }

    [Fact]
    public void ExtensionAttributesOfEveryTypeTheSdkAllowsAreWritten()
    {
        var cloudEvent = new CloudEvent("/source", "Contoso.Custom", BinaryData.FromString("{}"), "application/json");
        cloudEvent.ExtensionAttributes["text"] = "é+<>";
        cloudEvent.ExtensionAttributes["number"] = 42;
        cloudEvent.ExtensionAttributes["flag"] = false;
        cloudEvent.ExtensionAttributes["bytes"] = new byte[] { 1, 2, 3 };
        cloudEvent.ExtensionAttributes["uri"] = new Uri("https://example.com/a?b=c");
        cloudEvent.ExtensionAttributes["at"] = new DateTimeOffset(2024, 3, 14, 9, 15, 2, TimeSpan.FromHours(2));
        cloudEvent.ExtensionAttributes["utc"] = new DateTime(2024, 3, 14, 9, 15, 2, DateTimeKind.Utc);

        JsonMembers members = DocPayloads.CreateReader().Read(cloudEvent).Event!.UnknownMembers!;

        Assert.Equal(new[] { "text", "number", "flag", "bytes", "uri", "at", "utc" }, members.Select(m => m.Name));
        Assert.Equal("é+<>", members.Find("text")!.Value.GetString());
        Assert.Equal(42, members.Find("number")!.Value.GetInt32());
        Assert.False(members.Find("flag")!.Value.GetBoolean());
        Assert.Equal(new byte[] { 1, 2, 3 }, members.Find("bytes")!.Value.GetBytesFromBase64());
        Assert.Equal("https://example.com/a?b=c", members.Find("uri")!.Value.GetString());
        Assert.Equal("2024-03-14T09:15:02.0000000+02:00", members.Find("at")!.Value.GetString());
        Assert.Equal("2024-03-14T09:15:02.0000000Z", members.Find("utc")!.Value.GetString());
    }

    [Fact]
    public void BadDataFailsAloneWithItsPathWhileTheOthersAreRead()
    {
        CloudEvent[] events = DocPayloads.ParseCloudEvents(
            DocPayloads.IngestHeartbeatCloudEvent,
            DocPayloads.JobOutputProgressCloudEvent("\"abc\""),
            DocPayloads.JobOutputProgressCloudEvent("12"));
        var visitor = new RecordingVisitor();

        MediaEventBatch batch = MediaEventDispatcher.Dispatch(DocPayloads.CreateReader().Read(events), visitor);

        Assert.Equal(3, batch.Count);
        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal("$[1].data.progress", failure.Path);
        Assert.Equal("Microsoft.Media.JobOutputProgress", failure.EventType);
        Assert.Equal(new[] { "VisitLiveEventIngestHeartbeat", "VisitJobOutputProgress" }, visitor.Calls);
        Assert.Equal(12, Assert.Single(visitor.Progress).Data.Progress);
    }

    [Fact]
    public void UnknownEventTypeArrivesUntypedWithItsRawData()
    {
        const string custom = """
            { "specversion": "1.0", "id": "c1", "source": "/contoso", "type": "Contoso.Orders.Shipped", "data": { "order": 17, "items": [1, 2] } }
            """;
        CloudEvent[] events = DocPayloads.ParseCloudEvents(custom, DocPayloads.IngestHeartbeatCloudEvent);
        var visitor = new RecordingVisitor();

        MediaEventBatch batch = MediaEventDispatcher.Dispatch(DocPayloads.CreateReader().Read(events), visitor);

        Assert.False(batch.HasFailures);
        Assert.Equal(new[] { "VisitUnknown", "VisitLiveEventIngestHeartbeat" }, visitor.Calls);
        MediaEvent unknown = Assert.Single(visitor.Unknown);
        Assert.False(unknown.IsKnown);
        Assert.Equal("Contoso.Orders.Shipped", unknown.EventType);
        Assert.Equal("/contoso", unknown.Source);
        Assert.Equal(events[0].Data!.ToArray(), unknown.RawData.ToArray());
        Assert.Equal(17, unknown.GetRawDataElement().GetProperty("order").GetInt32());
    }

    [Fact]
    public void BinaryDataIsWrittenAsDataBase64()
    {
        var binary = new CloudEvent("/contoso", "Contoso.Thumbnail", BinaryData.FromBytes(new byte[] { 0, 1, 2, 255 }), "image/png");
        var fromWire = Assert.Single(DocPayloads.ParseCloudEvents(
            """{ "specversion": "1.0", "id": "b1", "source": "/contoso", "type": "Contoso.Bytes", "datacontenttype": "application/octet-stream", "data_base64": "AAEC" }"""));

        MediaEventBatch batch = DocPayloads.CreateReader().Read(new[] { binary, fromWire });

        MediaEvent first = batch[0].Event!;
        Assert.True(first.RawData.IsEmpty);
        Assert.Equal("image/png", first.DataContentType);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, first.BinaryData.ToArray());
        Assert.Equal(new byte[] { 0, 1, 2 }, batch[1].Event!.BinaryData.ToArray());
    }

    [Fact]
    public void BinaryDataWithoutAContentTypeThatIsNotJsonIsWrittenAsDataBase64()
    {
        var binary = new CloudEvent("/contoso", "Contoso.Bytes", BinaryData.FromBytes(new byte[] { 0xFF, 0xFE }), null);

        MediaEvent read = DocPayloads.CreateReader().Read(binary).Event!;

        Assert.Equal(new byte[] { 0xFF, 0xFE }, read.BinaryData.ToArray());
    }

    [Fact]
    public void AKnownTypeWithBinaryDataFailsAlone()
    {
        var binary = new CloudEvent(DocPayloads.Topic, MediaEventTypes.JobOutputProgress, BinaryData.FromString("progress=42"), "text/plain");
        CloudEvent good = Assert.Single(DocPayloads.ParseCloudEvents(DocPayloads.IngestHeartbeatCloudEvent));

        MediaEventBatch batch = DocPayloads.CreateReader().Read(new[] { good, binary });

        Assert.True(batch[0].Succeeded);
        MediaEventReadFailure failure = batch[1].Failure!;
        Assert.Equal(binary.Id, failure.Id);
        Assert.StartsWith("$[1]", failure.Path, StringComparison.Ordinal);
        Assert.Contains("data", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AStringDataOfANonJsonContentTypeStaysTheString()
    {
        // The SDK keeps a parsed "data" string as its JSON form, whatever the content type says.
        CloudEvent text = Assert.Single(DocPayloads.ParseCloudEvents(
            """{ "specversion": "1.0", "id": "t1", "source": "/contoso", "type": "Contoso.Note", "datacontenttype": "text/plain", "data": "hello" }"""));

        MediaEvent read = DocPayloads.CreateReader().Read(text).Event!;

        Assert.Equal("hello", read.GetRawDataElement().GetString());
        Assert.Equal("text/plain", read.DataContentType);
        Assert.Null(read.UnknownMembers);
    }

    [Fact]
    public void NoDataIsWrittenAsNull()
    {
        const string knownWithNullData =
            $$"""{ "specversion": "1.0", "id": "n2", "source": "/contoso", "type": "{{MediaEventTypes.JobOutputProgress}}", "data": null }""";
        CloudEvent[] events = DocPayloads.ParseCloudEvents(
            """{ "specversion": "1.0", "id": "n1", "source": "/contoso", "type": "Contoso.Ping" }""",
            knownWithNullData);
        Assert.Null(events[0].Data);
        MediaEventReader reader = DocPayloads.CreateReader();

        MediaEventBatch batch = reader.Read(events);

        Assert.Equal(JsonValueKind.Null, batch[0].Event!.GetRawDataElement().ValueKind);
        MediaEventReadFailure failure = batch[1].Failure!;
        MediaEventReadFailure fromWire = reader.Read(DocPayloads.Array("{}", knownWithNullData))[1].Failure!;
        Assert.Equal(fromWire.Path, failure.Path);
        Assert.Equal(fromWire.Reason, failure.Reason);
        Assert.StartsWith("$[1]", failure.Path, StringComparison.Ordinal);
        Assert.Contains("null", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EventsMissingWhatTheReaderRequiresFailAlone()
    {
        // Parsed without the SDK's validation, an event may lack its id.
        CloudEvent[] events = CloudEvent.ParseMany(
            BinaryData.FromString(DocPayloads.Array(
                """{ "specversion": "1.0", "source": "/contoso", "type": "Contoso.Ping", "data": {} }""",
                DocPayloads.IngestHeartbeatCloudEvent)),
            skipValidation: true);

        MediaEventBatch batch = DocPayloads.CreateReader().Read(events);

        Assert.Contains("id", batch[0].Failure!.Reason, StringComparison.Ordinal);
        Assert.True(batch[1].Succeeded);
    }

    [Fact]
    public void ReadsAsTheDeliveryItselfReads()
    {
        string[] deliveryEvents =
        {
            DocPayloads.IngestHeartbeatCloudEvent,
            DocPayloads.JobOutputProgressCloudEvent("\"abc\""),
            DocPayloads.JobOutputProgressCloudEvent("\"86\""),
            DocPayloads.JobOutputProgressCloudEvent("{}"),
        };
        MediaEventReader reader = DocPayloads.CreateReader();

        MediaEventBatch fromSdk = reader.Read(DocPayloads.ParseCloudEvents(deliveryEvents));
        MediaEventBatch fromWire = reader.Read(DocPayloads.Array(deliveryEvents));

        Assert.Equal(DocPayloads.Outline(fromWire), DocPayloads.Outline(fromSdk));
        Assert.Equal(2, fromSdk.Failures.Count);
    }

    [Fact]
    public void TheRawEventOfAFailureIsTheWrittenEnvelope()
    {
        CloudEvent bad = Assert.Single(DocPayloads.ParseCloudEvents(DocPayloads.JobOutputProgressCloudEvent("\"abc\"")));

        MediaEventReadFailure failure = DocPayloads.CreateReader().Read(bad).Failure!;

        using JsonDocument raw = JsonDocument.Parse(failure.RawEvent);
        Assert.Equal("1.0", raw.RootElement.GetProperty("specversion").GetString());
        Assert.Equal(bad.Id, raw.RootElement.GetProperty("id").GetString());
        Assert.Equal("abc", raw.RootElement.GetProperty("data").GetProperty("progress").GetString());
        Assert.Equal("$.data.progress", failure.Path);
        Assert.Contains("abc", Encoding.UTF8.GetString(failure.RawEvent.Span), StringComparison.Ordinal);
    }
}
