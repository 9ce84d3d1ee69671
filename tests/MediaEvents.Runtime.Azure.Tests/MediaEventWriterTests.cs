using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using MediaEvents.AzureTests.Generated;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.AzureTests;

/// <summary>
/// Whole events written by <see cref="MediaEventWriter"/>, in both schemas, single and batched: this library reads
/// them back into equal events, and Azure.Messaging.EventGrid reads them with the same id, type, subject, source,
/// time and data. The events are the bundled sample deliveries (every known type, unknown types, unknown members and
/// values, numbers where the spec says string) and events built with <see cref="MediaEventType{TData}.CreateEvent"/>.
/// </summary>
public sealed class MediaEventWriterTests
{
    public static TheoryData<string, MediaEventSchema> SampleDeliveries() => new()
    {
        { "eventgrid-jobs.json", MediaEventSchema.EventGrid },
        { "eventgrid-live.json", MediaEventSchema.EventGrid },
        { "eventgrid-unknown.json", MediaEventSchema.EventGrid },
        { "cloudevents-mixed.json", MediaEventSchema.CloudEvents },
    };

    private static List<MediaEvent> ReadSample(string file)
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "MediaEvents.Generators.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        Assert.NotNull(directory);
        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(File.ReadAllBytes(Path.Combine(directory, "samples", "events", file)));
        Assert.False(batch.HasFailures, string.Join(Environment.NewLine, batch.Failures));
        return batch.Events.ToList();
    }

    private static List<MediaEvent> ReadBack(byte[] json)
    {
        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);
        Assert.False(batch.HasFailures, string.Join(Environment.NewLine, batch.Failures));
        return batch.Events.ToList();
    }

    // The data as this library writes it (the generated writer, or the raw data of an unknown type).
    private static byte[] DataJson(MediaEvent mediaEvent)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            mediaEvent.WriteData(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The event read back equals the one written: the envelope the schema carries, the data, the unknown members.</summary>
    private static void AssertSameEvent(MediaEvent expected, MediaEvent actual, MediaEventSchema schema)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.EventType, actual.EventType);
        Assert.Same(expected.KnownType, actual.KnownType);
        Assert.Equal(schema, actual.Schema);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Time?.Offset, actual.Time?.Offset);
        Assert.Equal(expected.UnknownMembers, actual.UnknownMembers);
        if (expected.Schema == schema)
        {
            Assert.Equal(expected.DataVersion, actual.DataVersion);
            Assert.Equal(expected.MetadataVersion, actual.MetadataVersion);
            Assert.Equal(expected.DataContentType, actual.DataContentType);
            Assert.Equal(expected.DataSchema, actual.DataSchema);
        }

        if (expected.IsKnown)
        {
            Assert.Equal(expected.TypedData, actual.TypedData);
            Assert.Equal(expected.TypedData!.GetHashCode(), actual.TypedData!.GetHashCode());
        }
        else
        {
            Assert.True(RawJson.TokensEqual(expected.RawData.Span, actual.RawData.Span), $"{Encoding.UTF8.GetString(expected.RawData.Span)} <> {Encoding.UTF8.GetString(actual.RawData.Span)}");
        }
    }

    private static void AssertSdkEventGridEvent(MediaEvent expected, EventGridEvent actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.EventType, actual.EventType);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Source, actual.Topic);
        Assert.Equal(expected.Time, actual.EventTime);
        Assert.Equal(expected.DataVersion, actual.DataVersion);
        Assert.True(RawJson.TokensEqual(DataJson(expected), actual.Data.ToMemory().Span), $"{expected.Id}: {actual.Data}");
    }

    private static void AssertSdkCloudEvent(MediaEvent expected, CloudEvent actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.EventType, actual.Type);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.DataContentType, actual.DataContentType);
        Assert.True(RawJson.TokensEqual(DataJson(expected), actual.Data!.ToMemory().Span), $"{expected.Id}: {actual.Data}");
        Assert.Equal(
            (expected.UnknownMembers ?? new JsonMembers([])).Select(static member => member.Name).Order(StringComparer.Ordinal),
            actual.ExtensionAttributes.Keys.Order(StringComparer.Ordinal));
    }

    private static MediaEvent<MediaJobFinishedEventData> BuiltJobFinished() =>
        MediaEventTypes.JobFinishedType.CreateEvent(
            new MediaJobFinishedEventData
            {
                PreviousState = MediaJobState.Processing,
                State = MediaJobState.Finished,
                CorrelationData = new Dictionary<string, string> { ["order"] = "42" },
                Outputs = [new MediaJobOutputAsset { AssetName = "encoded", Label = "720p", Progress = 100, State = MediaJobState.Finished }],
            },
            subject: "transforms/encode/jobs/job-1",
            time: new DateTimeOffset(2024, 5, 1, 10, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            id: "job-1-finished",
            source: DocPayloads.Topic);

    [Theory]
    [MemberData(nameof(SampleDeliveries))]
    public void ADeliveryWrittenAsItArrivedReadsBackIntoEqualEvents(string file, MediaEventSchema schema)
    {
        List<MediaEvent> events = ReadSample(file);

        List<MediaEvent> batch = ReadBack(MediaEventWriter.ToUtf8Json(events, schema));
        List<MediaEvent> singles = events.Select(mediaEvent => Assert.Single(ReadBack(MediaEventWriter.ToUtf8Json(mediaEvent, schema, indented: true)))).ToList();

        Assert.Equal(events.Count, batch.Count);
        Assert.Equal(events.Count, singles.Count);
        for (int i = 0; i < events.Count; i++)
        {
            AssertSameEvent(events[i], batch[i], schema);
            AssertSameEvent(events[i], singles[i], schema);
        }
    }

    [Theory]
    [MemberData(nameof(SampleDeliveries))]
    public void TheAzureSdkReadsADeliveryWrittenAsItArrived(string file, MediaEventSchema schema)
    {
        List<MediaEvent> events = ReadSample(file);
        var written = BinaryData.FromBytes(MediaEventWriter.ToUtf8Json(events, schema));

        if (schema == MediaEventSchema.EventGrid)
        {
            EventGridEvent[] read = EventGridEvent.ParseMany(written);
            Assert.Equal(events.Count, read.Length);
            for (int i = 0; i < events.Count; i++)
            {
                AssertSdkEventGridEvent(events[i], read[i]);
            }
        }
        else
        {
            CloudEvent[] read = CloudEvent.ParseMany(written);
            Assert.Equal(events.Count, read.Length);
            for (int i = 0; i < events.Count; i++)
            {
                AssertSdkCloudEvent(events[i], read[i]);
            }
        }
    }

    [Fact]
    public void AnEventFromTheLiveSampleThatTheSdkRejectsIsWrittenInTheSpecsFormWhichTheSdkReads()
    {
        MediaEvent rejected = ReadSample("eventgrid-live.json").First(static mediaEvent => mediaEvent.EventType == MediaEventTypes.LiveEventConnectionRejected);

        EventGridEvent read = Assert.Single(EventGridEvent.ParseMany(BinaryData.FromBytes(MediaEventWriter.ToUtf8Json([rejected], MediaEventSchema.EventGrid))));

        Assert.True(read.TryGetSystemEventData(out object? data));
        Assert.Equal(
            ((MediaLiveEventConnectionRejectedEventData)rejected.TypedData!).EncoderPort,
            Assert.IsType<Azure.Messaging.EventGrid.SystemEvents.MediaLiveEventConnectionRejectedEventData>(data).EncoderPort);
    }

    [Theory]
    [InlineData(MediaEventSchema.EventGrid)]
    [InlineData(MediaEventSchema.CloudEvents)]
    public void EventsBuiltByHandRoundTripThroughThisReaderAndTheSdk(MediaEventSchema schema)
    {
        MediaEvent<MediaJobFinishedEventData> finished = BuiltJobFinished();
        var unknown = new MediaEvent("Contoso.Orders.Shipped")
        {
            Id = "order-42-shipped",
            Subject = "orders/42",
            Source = "/contoso/orders",
            Time = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero),
            DataVersion = "2.0",
            UnknownMembers = new JsonMembers([new JsonMember("traceparent", "\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\""u8.ToArray())]),
            RawData = """{"order":42,"lines":[{"sku":"A"}]}"""u8.ToArray(),
        };
        MediaEvent[] events = [finished, unknown];

        byte[] json = MediaEventWriter.ToUtf8Json(events, schema);

        List<MediaEvent> read = ReadBack(json);
        AssertSameEvent(finished, read[0], schema);
        AssertSameEvent(unknown, read[1], schema);
        Assert.Equal("job-1-finished", read[0].Id);
        if (schema == MediaEventSchema.EventGrid)
        {
            EventGridEvent[] sdk = EventGridEvent.ParseMany(BinaryData.FromBytes(json));
            AssertSdkEventGridEvent(finished, sdk[0]);
            AssertSdkEventGridEvent(unknown, sdk[1]);
        }
        else
        {
            CloudEvent[] sdk = CloudEvent.ParseMany(BinaryData.FromBytes(json));
            AssertSdkCloudEvent(finished, sdk[0]);
            AssertSdkCloudEvent(unknown, sdk[1]);
            Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", sdk[1].ExtensionAttributes["traceparent"]);
        }
    }

    [Fact]
    public void TheEnvelopeIsWrittenInEachSchemasOwnMembers()
    {
        MediaEvent<MediaJobFinishedEventData> finished = BuiltJobFinished();

        string eventGrid = MediaEventWriter.ToJson(finished, MediaEventSchema.EventGrid);
        string cloudEvent = MediaEventWriter.ToJson(finished, MediaEventSchema.CloudEvents);

        Assert.StartsWith(
            $$"""{"id":"job-1-finished","topic":"{{DocPayloads.Topic}}","subject":"transforms/encode/jobs/job-1","eventType":"Microsoft.Media.JobFinished","eventTime":"2024-05-01T10:00:00.1234567+02:00","dataVersion":"1.0","metadataVersion":"1","data":{"previousState":"Processing","state":"Finished","correlationData":{"order":"42"},"outputs":[{"@odata.type":"#Microsoft.Media.JobOutputAsset",""",
            eventGrid,
            StringComparison.Ordinal);
        Assert.StartsWith(
            $$"""{"specversion":"1.0","id":"job-1-finished","source":"{{DocPayloads.Topic}}","type":"Microsoft.Media.JobFinished","subject":"transforms/encode/jobs/job-1","time":"2024-05-01T10:00:00.1234567+02:00","data":{""",
            cloudEvent,
            StringComparison.Ordinal);
        Assert.Contains("\"time\":\"2024-05-01T08:00:00Z\"", MediaEventWriter.ToJson(MediaEventTypes.JobFinishedType.CreateEvent(finished.Data, subject: "s", time: new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), source: "/s"), MediaEventSchema.CloudEvents), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownEventWithoutDataHasNullDataInTheEventGridSchemaAndNoneInCloudEvents()
    {
        var empty = new MediaEvent("Contoso.Ping") { Id = "1", Subject = "s", Source = "/s", Time = DateTimeOffset.UnixEpoch, DataVersion = "1" };

        Assert.EndsWith(",\"dataVersion\":\"1\",\"data\":null}", MediaEventWriter.ToJson(empty, MediaEventSchema.EventGrid), StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", MediaEventWriter.ToJson(empty, MediaEventSchema.CloudEvents), StringComparison.Ordinal);
        Assert.True(Assert.Single(ReadBack(MediaEventWriter.ToUtf8Json(empty, MediaEventSchema.CloudEvents))).RawData.IsEmpty);
        Assert.Equal("1", Assert.Single(CloudEvent.ParseMany(BinaryData.FromBytes(MediaEventWriter.ToUtf8Json(empty, MediaEventSchema.CloudEvents)))).Id);
        Assert.Equal("null", Assert.Single(EventGridEvent.ParseMany(BinaryData.FromBytes(MediaEventWriter.ToUtf8Json(empty, MediaEventSchema.EventGrid)))).Data.ToString());
    }

    [Fact]
    public void CreateEventGivesTheEnvelopeTheServiceGives()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow;
        MediaEvent<MediaJobFinishedEventData> built = MediaEventTypes.JobFinishedType.CreateEvent(new MediaJobFinishedEventData(), subject: "s");

        Assert.True(Guid.TryParse(built.Id, out _));
        Assert.NotEqual(built.Id, MediaEventTypes.JobFinishedType.CreateEvent(new MediaJobFinishedEventData()).Id);
        Assert.InRange(built.Time!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal(("1.0", "1", MediaEventSchema.EventGrid), (built.DataVersion, built.MetadataVersion, built.Schema));
        Assert.Equal(MediaEventTypes.JobFinished, built.EventType);
        Assert.Same(MediaEventTypes.JobFinishedType, built.KnownType);
        Assert.Null(built.Source);
    }

    [Fact]
    public void AnEventLackingWhatTheSchemaRequiresIsRefusedNamingTheEventAndTheMember()
    {
        MediaEvent<MediaJobFinishedEventData> noSubject = MediaEventTypes.JobFinishedType.CreateEvent(new MediaJobFinishedEventData(), id: "a");
        var noTime = new MediaEvent("Contoso.Ping") { Id = "b", Subject = "s", DataVersion = "1" };
        var noVersion = new MediaEvent("Contoso.Ping") { Id = "c", Subject = "s", Time = DateTimeOffset.UnixEpoch };

        ArgumentException subject = Assert.Throws<ArgumentException>(() => MediaEventWriter.ToJson(noSubject, MediaEventSchema.EventGrid));
        ArgumentException source = Assert.Throws<ArgumentException>(() => MediaEventWriter.ToJson([noTime, noSubject], MediaEventSchema.CloudEvents));

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            Assert.Throws<ArgumentException>(() => MediaEventWriter.Write(writer, noSubject, MediaEventSchema.EventGrid));
            Assert.Equal(0, writer.BytesPending + writer.BytesCommitted);
        }

        Assert.Equal("The event (id 'a', type 'Microsoft.Media.JobFinished') has no Subject, which the Event Grid schema requires ('subject'): set MediaEvent.Subject. (Parameter 'mediaEvent')", subject.Message);
        Assert.Equal("Event 0 (id 'b', type 'Contoso.Ping') has no Source, which the CloudEvents 1.0 schema requires ('source'): set MediaEvent.Source. (Parameter 'events')", source.Message);
        Assert.Contains("has no Time, which the Event Grid schema requires ('eventTime')", Assert.Throws<ArgumentException>(() => MediaEventWriter.ToJson(noTime, MediaEventSchema.EventGrid)).Message, StringComparison.Ordinal);
        Assert.Contains("Event 1 (id 'c', type 'Contoso.Ping') has no DataVersion", Assert.Throws<ArgumentException>(() => MediaEventWriter.ToJson([BuiltJobFinished(), noVersion], MediaEventSchema.EventGrid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownMemberNamedLikeAnEnvelopeMemberIsRefused()
    {
        MediaEvent<MediaJobFinishedEventData> built = BuiltJobFinished();
        var clash = new MediaEvent<MediaJobFinishedEventData>(MediaEventTypes.JobFinishedType, built.Data)
        {
            Id = "d",
            Subject = "s",
            Time = built.Time,
            DataVersion = "1.0",
            UnknownMembers = new JsonMembers([new JsonMember("ext", "1"u8.ToArray()), new JsonMember("Subject", "\"other\""u8.ToArray())]),
        };

        ArgumentException refused = Assert.Throws<ArgumentException>(() => MediaEventWriter.ToJson(clash, MediaEventSchema.EventGrid));

        Assert.Equal("The event (id 'd', type 'Microsoft.Media.JobFinished') has an unknown member 'Subject', which would be read back as the envelope's 'subject': set the MediaEvent property instead (EventGrid schema). (Parameter 'mediaEvent')", refused.Message);
    }

    [Fact]
    public void ABatchWithANullEventOrAnUndefinedSchemaIsRefused()
    {
        Assert.Equal("Event 1 is null. (Parameter 'events')", Assert.Throws<ArgumentException>(() => MediaEventWriter.ToJson([BuiltJobFinished(), null!], MediaEventSchema.EventGrid)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaEventWriter.ToJson(BuiltJobFinished(), (MediaEventSchema)7));
        Assert.Throws<ArgumentNullException>(() => MediaEventWriter.ToJson((MediaEvent)null!, MediaEventSchema.EventGrid));
        Assert.Throws<ArgumentNullException>(() => MediaEventWriter.ToJson((IEnumerable<MediaEvent>)null!, MediaEventSchema.EventGrid));
    }
}
