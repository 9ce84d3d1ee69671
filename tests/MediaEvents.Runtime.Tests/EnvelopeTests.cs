using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

public class EnvelopeTests
{
    private const string EventGridData = """{ "previousState": "Processing", "state": "Finished" }""";

    private const string EventGridEvent = $$"""
        {
          "topic": "/subscriptions/s-1/resourceGroups/rg/providers/Microsoft.Media/mediaservices/acct",
          "subject": "transforms/VideoAnalyzerTransform/jobs/job-1",
          "eventType": "Microsoft.Media.JobStateChange",
          "eventTime": "2018-04-20T21:26:13.8978772",
          "id": "b9d38923-9210-4c2b-958f-0054467d4dd7",
          "data": {{EventGridData}},
          "dataVersion": "1.0",
          "metadataVersion": "1"
        }
        """;

    private const string CloudEventData = """{"label":"VideoAnalyzerPreset_0","progress":86}""";

    private const string CloudEvent = $$"""
        {
          "specversion": "1.0",
          "type": "Microsoft.Media.JobOutputProgress",
          "source": "/subscriptions/s-2/resourceGroups/rg/providers/Microsoft.Media/mediaservices/acct",
          "subject": "transforms/VideoAnalyzerTransform/jobs/job-2",
          "id": "00000000-0000-0000-0000-000000000002",
          "time": "2018-12-10T18:20:12.1514867Z",
          "datacontenttype": "application/json",
          "dataschema": "https://example.com/schemas/progress.json",
          "data": {{CloudEventData}}
        }
        """;

    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    [Fact]
    public void EventGridEnvelope_EveryFieldLandsInItsProperty()
    {
        MediaEventBatch batch = s_reader.Read("[" + EventGridEvent + "]");

        MediaEventReadResult result = Assert.Single(batch);
        Assert.True(result.Succeeded);
        Assert.Equal(0, result.Index);
        var e = Assert.IsType<MediaEvent<MediaJobStateChangeEventData>>(result.Event);
        Assert.Equal("b9d38923-9210-4c2b-958f-0054467d4dd7", e.Id);
        Assert.Equal("Microsoft.Media.JobStateChange", e.EventType);
        Assert.Equal(MediaEventSchema.EventGrid, e.Schema);
        Assert.Equal("transforms/VideoAnalyzerTransform/jobs/job-1", e.Subject);
        Assert.Equal("/subscriptions/s-1/resourceGroups/rg/providers/Microsoft.Media/mediaservices/acct", e.Source);
        Assert.Equal(new DateTimeOffset(2018, 4, 20, 21, 26, 13, TimeSpan.Zero).AddTicks(8978772), e.Time);
        Assert.Equal("1.0", e.DataVersion);
        Assert.Equal("1", e.MetadataVersion);
        Assert.Null(e.SpecVersion);
        Assert.Null(e.DataContentType);
        Assert.Null(e.DataSchema);
        Assert.Null(e.UnknownMembers);
        Assert.Equal(EventGridData, TestInput.Text(e.RawData));
        Assert.Same(MediaEventTypes.JobStateChangeType, e.Type);
        Assert.Same(MediaEventTypes.JobStateChangeType, e.KnownType);
        Assert.True(e.IsKnown);
        Assert.Equal("Processing", e.Data.PreviousState);
        Assert.Equal("Finished", e.Data.State);
        Assert.Same(e.Data, e.TypedData);
        Assert.False(batch.HasFailures);
        Assert.Empty(batch.Failures);
    }

    [Fact]
    public void CloudEventsEnvelope_EveryFieldLandsInItsProperty()
    {
        MediaEventBatch batch = s_reader.Read("[" + CloudEvent + "]");

        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(batch.Events));
        Assert.Equal("00000000-0000-0000-0000-000000000002", e.Id);
        Assert.Equal("Microsoft.Media.JobOutputProgress", e.EventType);
        Assert.Equal(MediaEventSchema.CloudEvents, e.Schema);
        Assert.Equal("transforms/VideoAnalyzerTransform/jobs/job-2", e.Subject);
        Assert.Equal("/subscriptions/s-2/resourceGroups/rg/providers/Microsoft.Media/mediaservices/acct", e.Source);
        Assert.Equal(new DateTimeOffset(2018, 12, 10, 18, 20, 12, TimeSpan.Zero).AddTicks(1514867), e.Time);
        Assert.Equal(TimeSpan.Zero, e.Time!.Value.Offset);
        Assert.Null(e.DataVersion);
        Assert.Null(e.MetadataVersion);
        Assert.Equal("1.0", e.SpecVersion);
        Assert.Equal("application/json", e.DataContentType);
        Assert.Equal("https://example.com/schemas/progress.json", e.DataSchema);
        Assert.Equal(CloudEventData, TestInput.Text(e.RawData));
        Assert.Equal("VideoAnalyzerPreset_0", e.Data.Label);
        Assert.Equal(86L, e.Data.Progress);
    }

    [Fact]
    public void UncommonEnvelopeValues_AreReadAsTheyAre()
    {
        // dataVersion, metadataVersion, specversion and datacontenttype have shared common values; others are read too.
        string json = """
            [{"id":"a","eventType":"Microsoft.Media.JobStateChange","data":{},"dataVersion":"2.1","metadataVersion":"7"},
             {"id":"b","type":"Microsoft.Media.JobStateChange","specversion":"1.1","datacontenttype":"application/cloudevents+json; charset=utf-8","data":{}}]
            """;

        MediaEventBatch batch = s_reader.Read(json);

        Assert.False(batch.HasFailures);
        Assert.Equal("2.1", batch[0].Event!.DataVersion);
        Assert.Equal("7", batch[0].Event!.MetadataVersion);
        Assert.Equal("1.1", batch[1].Event!.SpecVersion);
        Assert.Equal("application/cloudevents+json; charset=utf-8", batch[1].Event!.DataContentType);
    }

    [Theory]
    [InlineData(EventGridEvent)]
    [InlineData(CloudEvent)]
    public void SingleObjectAndOneElementArray_ReadTheSame(string eventJson)
    {
        MediaEventBatch single = s_reader.Read(eventJson);
        MediaEventBatch array = s_reader.Read("[" + eventJson + "]");

        Assert.True(Assert.Single(single).Succeeded);
        Assert.Equal(TestInput.Describe(array), TestInput.Describe(single));
    }

    [Fact]
    public void Array_KeepsInputOrderAndIndexes()
    {
        MediaEventBatch batch = s_reader.Read("[" + EventGridEvent + "," + CloudEvent + "," + TestInput.StateChange("third") + "]");

        Assert.Equal(3, batch.Count);
        Assert.Equal(new[] { 0, 1, 2 }, new[] { batch[0].Index, batch[1].Index, batch[2].Index });
        Assert.Equal(
            new[] { "b9d38923-9210-4c2b-958f-0054467d4dd7", "00000000-0000-0000-0000-000000000002", "third" },
            new List<MediaEvent>(batch.Events).ConvertAll(static e => e.Id));
    }

    [Fact]
    public void EmptyArray_IsAnEmptyBatch()
    {
        MediaEventBatch batch = s_reader.Read("[ ]");

        Assert.Empty(batch);
        Assert.Empty(batch.Events);
        Assert.False(batch.HasFailures);
        batch.ThrowIfFailed();
    }

    [Theory]
    [InlineData("[" + EventGridEvent + "," + CloudEvent + "]")]
    [InlineData(EventGridEvent)]
    [InlineData(CloudEvent)]
    [InlineData("[" + EventGridEvent + ", 42, {\"id\":\"x\",\"eventType\":\"Microsoft.Media.JobOutputProgress\",\"data\":{\"progress\":\"abc\"}}, {\"id\":\"u\",\"eventType\":\"Other.Type\",\"data\":[1,{\"a\":2}],\"ext\":{\"k\":[true]}}]")]
    public async Task StringSpanMemoryAndStream_GiveTheSameResult(string json)
    {
        IReadOnlyList<(string Way, MediaEventBatch Batch)> batches = await TestInput.ReadAllWays(s_reader, json);

        string expected = TestInput.Describe(batches[0].Batch);
        Assert.NotEmpty(expected);
        foreach ((string way, MediaEventBatch batch) in batches)
        {
            Assert.True(expected == TestInput.Describe(batch), $"reading from a {way} differs:\n{TestInput.Describe(batch)}\nexpected:\n{expected}");
        }
    }

    [Fact]
    public void ByteOrderMark_IsSkipped()
    {
        byte[] utf8 = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("[" + EventGridEvent + "]")];

        MediaEventBatch batch = s_reader.Read(utf8);

        Assert.Equal("b9d38923-9210-4c2b-958f-0054467d4dd7", Assert.Single(batch.Events).Id);
    }

    [Fact]
    public void DataBeforeEventType_StillReadsTypedData()
    {
        string json = """
            [{"id":"1","data":{"previousState":"Scheduled","state":"Processing","extra":{"n":[1,2]}},"eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z"},
             {"data":{"label":"L","progress":"42"},"id":"2","type":"Microsoft.Media.JobOutputProgress","specversion":"1.0"}]
            """;

        MediaEventBatch batch = s_reader.Read(json);

        Assert.False(batch.HasFailures, string.Join("\n", batch.Failures));
        var state = Assert.IsType<MediaEvent<MediaJobStateChangeEventData>>(batch[0].Event);
        Assert.Equal("Scheduled", state.Data.PreviousState);
        Assert.Equal("Processing", state.Data.State);
        Assert.Equal("""{"previousState":"Scheduled","state":"Processing","extra":{"n":[1,2]}}""", TestInput.Text(state.RawData));

        // The unknown member is a slice of the data read in the second pass: its bytes must be its own.
        JsonMember extra = Assert.Single(state.Data.UnknownMembers!);
        Assert.Equal("extra", extra.Name);
        Assert.Equal("""{"n":[1,2]}""", TestInput.Text(extra.RawValue));

        var progress = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(batch[1].Event);
        Assert.Equal(42L, progress.Data.Progress);
        Assert.Equal("L", progress.Data.Label);
        Assert.Equal(MediaEventSchema.CloudEvents, progress.Schema);
    }

    [Fact]
    public void DataBeforeEventType_FailureInDataHasTheDataPath()
    {
        string json = TestInput.Array(
            TestInput.StateChange("ok"),
            """{"id":"bad","data":{"label":"L","progress":"abc"},"eventType":"Microsoft.Media.JobOutputProgress"}""");

        MediaEventBatch batch = s_reader.Read(json);

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal("bad", failure.Id);
        Assert.Equal("Microsoft.Media.JobOutputProgress", failure.EventType);
        Assert.Equal("$[1].data.progress", failure.Path);
        Assert.Equal("expected an integer (int64), found the string \"abc\"", failure.Reason);
        Assert.True(batch[0].Succeeded);
    }

    [Fact]
    public void ACommentInData_IsAFormatError_WhereverTheDataComes()
    {
        // Comments are not JSON, and Event Grid never sends them: the whole input is refused, in both orders.
        string after = """[{"id":"1","eventType":"Microsoft.Media.JobStateChange","data":{/* note */"state":"Finished"}}]""";
        string before = """[{"id":"1","data":{/* note */"state":"Finished"},"eventType":"Microsoft.Media.JobStateChange"}]""";

        Assert.Throws<MediaEventFormatException>(() => s_reader.Read(after));
        Assert.Throws<MediaEventFormatException>(() => s_reader.Read(before));
    }

    [Fact]
    public void UnknownEnvelopeMembers_AreKeptWithTheirRawJson()
    {
        string json = """
            [{"specversion":"1.0","id":"1","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01","type":"Microsoft.Media.JobStateChange",
              "ext" : { "list": [1, 2.5, "three", null, {"deep": [true]}] },"source":"/s","data":{"state":"Finished"},"partitionkey":42}]
            """;

        MediaEvent e = Assert.Single(s_reader.Read(json).Events);

        JsonMembers members = Assert.IsType<JsonMembers>(e.UnknownMembers);
        Assert.Equal(new[] { "traceparent", "ext", "partitionkey" }, new List<JsonMember>(members).ConvertAll(static m => m.Name));
        Assert.Equal("\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"", TestInput.Text(members[0].RawValue));
        Assert.Equal("""{ "list": [1, 2.5, "three", null, {"deep": [true]}] }""", TestInput.Text(members[1].RawValue));
        Assert.Equal("42", TestInput.Text(members[2].RawValue));
        Assert.Equal(2.5, members.Find("ext")!.Value.GetProperty("list")[1].GetDouble());
        Assert.Null(members.Find("EXT"));
        Assert.Equal("Finished", Assert.IsType<MediaEvent<MediaJobStateChangeEventData>>(e).Data.State);
    }

    [Fact]
    public void UnknownDataMembers_AreKeptAndWrittenBack()
    {
        string json = """[{"id":"1","eventType":"Microsoft.Media.JobStateChange","data":{"previousState":"Queued","jobPriority":"High","state":"Paused","correlationData":{"a":"b"}}}]""";

        var e = Assert.IsType<MediaEvent<MediaJobStateChangeEventData>>(Assert.Single(s_reader.Read(json).Events));

        // "Paused" is not among the spec's job states: the extensible enum keeps it; correlationData is a spec member.
        Assert.Equal("Paused", e.Data.State?.ToString());
        Assert.Equal(new Dictionary<string, string> { ["a"] = "b" }, e.Data.CorrelationData);
        Assert.Equal(new[] { "jobPriority" }, new List<JsonMember>(e.Data.UnknownMembers!).ConvertAll(static m => m.Name));

        // Written back: the spec's members in the spec's order, then the unknown ones as they arrived.
        Assert.Equal("""{"previousState":"Queued","state":"Paused","correlationData":{"a":"b"},"jobPriority":"High"}""", WriteData(e));
    }

    [Fact]
    public void UnknownEventType_IsAnUntypedEventWithRawData()
    {
        const string data = """{"api":"PutBlockList","url":"https://a.blob.core.windows.net/c/b.mp4","contentLength":[1,2,{"x":null}]}""";
        string json = $$"""[{"id":"9","topic":"/t","subject":"/blobServices/default/containers/c/blobs/b.mp4","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2024-03-14T09:15:02Z","data":{{data}},"dataVersion":"","metadataVersion":"1"}]""";

        MediaEvent e = Assert.Single(s_reader.Read(json).Events);

        Assert.Equal(typeof(MediaEvent), e.GetType());
        Assert.False(e.IsKnown);
        Assert.Null(e.KnownType);
        Assert.Null(e.TypedData);
        Assert.Equal("9", e.Id);
        Assert.Equal("Microsoft.Storage.BlobCreated", e.EventType);
        Assert.Equal("/t", e.Source);
        Assert.Equal(string.Empty, e.DataVersion);
        Assert.Equal(data, TestInput.Text(e.RawData));
        Assert.Equal("PutBlockList", e.GetRawDataElement().GetProperty("api").GetString());
        Assert.Equal(data, WriteData(e));
    }

    [Theory]
    [InlineData("""{"id":"1","eventType":"Microsoft.Media.LiveEventFutureFeature"}""", "", "null")]
    [InlineData("""{"id":"1","eventType":"Microsoft.Media.LiveEventFutureFeature","data":null}""", "null", "null")]
    [InlineData("""{"id":"1","eventType":"Microsoft.Media.LiveEventFutureFeature","data":"text"}""", "\"text\"", "\"text\"")]
    [InlineData("""{"id":"1","eventType":"Microsoft.Media.LiveEventFutureFeature","data":-1.5e3}""", "-1.5e3", "-1.5e3")]
    public void UnknownEventType_AcceptsAnyData(string json, string expectedRawData, string expectedWritten)
    {
        MediaEvent e = Assert.Single(s_reader.Read(json).Events);

        Assert.False(e.IsKnown);
        Assert.Equal(expectedRawData, TestInput.Text(e.RawData));
        Assert.Equal(expectedWritten, WriteData(e));
    }

    [Fact]
    public void KnownEvent_WritesDataThroughTheGeneratedWriter()
    {
        MediaEvent e = Assert.Single(s_reader.Read(CloudEvent).Events);

        Assert.Equal("""{"label":"VideoAnalyzerPreset_0","progress":86}""", WriteData(e));
    }

    private static string WriteData(MediaEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            e.WriteData(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
