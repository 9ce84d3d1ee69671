using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;
using Xunit;
using Xunit.Abstractions;

namespace MediaEvents.Tests;

/// <summary>
/// A value that does not fit, read from a delivery, fails its event without an exception (issue #12): the failure is
/// recorded and the event read to its end. It must say exactly what the exception says when the same data is read
/// on its own, where a failure still throws.
/// </summary>
public class ValueFailureTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    private readonly ITestOutputHelper _output;

    public ValueFailureTests(ITestOutputHelper output) => _output = output;

    private const string Asset = "\"@odata.type\":\"#Microsoft.Media.JobOutputAsset\",\"assetName\":\"out\",\"label\":\"l\"";

    // Data that fails, with canonical spellings (the path of a deferred failure spells members as the event does).
    public static TheoryData<string, string> BadData => new()
    {
        { MediaEventTypes.JobOutputProgress, """{"label":"a","progress":"many"}""" },
        { MediaEventTypes.JobOutputProgress, """{"progress":[1,{"x":[2]}],"label":"a"}""" },
        { MediaEventTypes.JobOutputProgress, """{"progress":1e400}""" },
        { MediaEventTypes.JobOutputProgress, """{"jobCorrelationData":{"a":"1","a":"2"}}""" },
        { MediaEventTypes.JobOutputProgress, """{"jobCorrelationData":{"a":null}}""" },
        { MediaEventTypes.JobOutputProgress, """{"jobCorrelationData":["a"]}""" },
        { MediaEventTypes.JobOutputProgress, """{"progress":"x","jobCorrelationData":[]}""" },
        { MediaEventTypes.JobOutputProgress, """{"x":1,"label":"a","x":2}""" },
        { MediaEventTypes.JobOutputProgress, "[]" },
        { MediaEventTypes.JobOutputProgress, "\"progress\"" },
        { MediaEventTypes.JobStateChange, """{"state":{"a":[1]},"previousState":"Queued"}""" },
        { MediaEventTypes.JobStateChange, """{"state":"Finished","previousState":"Queued","state":"Error"}""" },
        { MediaEventTypes.JobStateChange, """{"state":"Finished","correlationData":{"k":1,"k":2}}""" },
        { MediaEventTypes.JobFinished, "{\"outputs\":[{" + Asset + ",\"progress\":100,\"state\":\"Finished\"},{" + Asset + ",\"progress\":\"most\",\"state\":\"Finished\"}]}" },
        { MediaEventTypes.JobFinished, "{\"outputs\":[{" + Asset + ",\"progress\":100}]}" },
        { MediaEventTypes.JobFinished, "{\"outputs\":[{" + Asset + ",\"progress\":null,\"state\":\"Finished\"}]}" },
        { MediaEventTypes.JobFinished, "{\"outputs\":[{" + Asset + ",\"progress\":100,\"state\":\"Finished\",\"error\":{\"code\":[],\"details\":[]}}]}" },
        { MediaEventTypes.JobFinished, "{\"outputs\":[{" + Asset + ",\"progress\":100,\"state\":\"Finished\",\"error\":{\"details\":[{\"code\":\"a\"},7]}}]}" },
        { MediaEventTypes.JobFinished, """{"outputs":{}}""" },
        { MediaEventTypes.JobFinished, """{"outputs":[null]}""" },
        { MediaEventTypes.JobFinished, """{"outputs":[7]}""" },
        { MediaEventTypes.JobFinished, """{"outputs":[[{"state":"Finished"}]]}""" },
        { MediaEventTypes.LiveEventChannelArchiveHeartbeat, """{"channelLatencyMs":"1"}""" },
        { MediaEventTypes.LiveEventChannelArchiveHeartbeat, """{"channelLatencyMs":null,"latencyResultCode":"S_OK"}""" },
        { MediaEventTypes.LiveEventIngestHeartbeat, """{"trackName":"video","bitrate":1.5,"healthy":true}""" },
        { MediaEventTypes.LiveEventIngestHeartbeat, """{"trackName":"video","bitrate":1,"healthy":"maybe"}""" },
        { MediaEventTypes.LiveEventIngestHeartbeat, """{"trackName":"video","timescale":{},"bitrate":"x"}""" },
    };

    private static MediaJsonException Thrown(string eventType, string data)
    {
        MediaEventType type = MediaEventTypes.Catalog.Find(eventType)!;
        byte[] utf8 = Encoding.UTF8.GetBytes(data);
        return Assert.Throws<MediaJsonException>(() =>
        {
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            ReadData(type, ref reader);
        });
    }

    // The catalogue's typed entries read their data with the generated reader; outside a delivery it throws.
    private static object ReadData(MediaEventType type, ref Utf8JsonReader reader) => type switch
    {
        MediaEventType<MediaJobOutputProgressEventData> progress => progress.ReadData(ref reader, MediaJsonReadContext.Unlimited),
        MediaEventType<MediaJobStateChangeEventData> stateChange => stateChange.ReadData(ref reader, MediaJsonReadContext.Unlimited),
        MediaEventType<MediaJobFinishedEventData> finished => finished.ReadData(ref reader, MediaJsonReadContext.Unlimited),
        MediaEventType<MediaLiveEventChannelArchiveHeartbeatEventData> archive => archive.ReadData(ref reader, MediaJsonReadContext.Unlimited),
        MediaEventType<MediaLiveEventIngestHeartbeatEventData> ingest => ingest.ReadData(ref reader, MediaJsonReadContext.Unlimited),
        _ => throw new ArgumentException($"No typed reader for {type} in this test.", nameof(type)),
    };

    [Theory]
    [MemberData(nameof(BadData))]
    public void AValueFailureInADelivery_SaysWhatTheExceptionSays_AndTheNextEventIsRead(string eventType, string data)
    {
        MediaJsonException thrown = Thrown(eventType, data);

        MediaEventBatch batch = s_reader.Read(TestInput.Array(TestInput.Event("bad", eventType, data), TestInput.StateChange("next")));

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        _output.WriteLine($"{failure.Path}: {failure.Reason}");
        Assert.Equal(thrown.Reason, failure.Reason);
        Assert.Equal("$[0].data" + thrown.RelativePath, failure.Path);
        Assert.Equal("bad", failure.Id);
        Assert.Equal(eventType, failure.EventType);
        Assert.Equal(TestInput.Event("bad", eventType, data), TestInput.Text(failure.RawEvent));
        Assert.Equal("next", Assert.Single(batch.Events).Id);
    }

    [Theory]
    [MemberData(nameof(BadData))]
    public void AValueFailureInADelivery_ThrowsNothing(string eventType, string data)
    {
        byte[] utf8 = HostileDeliveryTests.Repeated(TestInput.Event("bad", eventType, data), 100);

        Assert.Equal(100, s_reader.Read(utf8).Failures.Count);
        Assert.Equal(0, HostileDeliveryTests.ExceptionsToRead(utf8));
    }

    [Fact]
    public void DataBeforeItsType_FailsAtThePathInTheEvent()
    {
        const string Bad = """{"data":{"label":"a","progress":"many"},"id":"e1","eventType":"Microsoft.Media.JobOutputProgress"}""";

        MediaEventReadFailure failure = Assert.Single(s_reader.Read(TestInput.Array(TestInput.StateChange("first"), Bad)).Failures);

        Assert.Equal("$[1].data.progress", failure.Path);
        Assert.Equal("expected an integer (int64), found the string \"many\"", failure.Reason);
        Assert.Equal(0, HostileDeliveryTests.ExceptionsToRead(HostileDeliveryTests.Repeated(Bad, 10)));
    }

    [Theory]
    [InlineData("\"eventTime\":\"yesterday\"", "$[0].eventTime", "expected an ISO 8601 date and time such as \"2018-04-20T21:26:13.8978772Z\", found the string \"yesterday\"")]
    [InlineData("\"subject\":{\"a\":[1]}", "$[0].subject", "expected a string, found an object")]
    [InlineData("\"topic\":[\"a\"]", "$[0].topic", "expected a string, found an array")]
    [InlineData("\"dataVersion\":{}", "$[0].dataVersion", "expected a string, found an object")]
    [InlineData("\"subject\":\"a\",\"subject\":\"b\"", "$[0].subject", "the member 'subject' appears more than once (MediaEventReaderOptions.AllowDuplicateMembers accepts the last)")]
    [InlineData("\"type\":\"Microsoft.Media.JobStateChange\"", "$[0].type", "the event has both 'eventType' and 'type'")]
    public void AnEnvelopeValueFailure_IsDeferredToo(string member, string path, string reason)
    {
        string bad = "{\"id\":\"e1\",\"eventType\":\"Microsoft.Media.JobStateChange\"," + member + ",\"data\":{\"state\":\"Finished\"}}";

        MediaEventReadFailure failure = Assert.Single(s_reader.Read(TestInput.Array(bad)).Failures);

        Assert.Equal((path, reason), (failure.Path, failure.Reason));
        Assert.Equal("e1", failure.Id);
        Assert.Equal(0, HostileDeliveryTests.ExceptionsToRead(HostileDeliveryTests.Repeated(bad, 10)));
    }

    [Fact]
    public void AnEventTypeThatIsNotAString_FailsAtIt_WithoutAType()
    {
        MediaEventReadFailure failure = Assert.Single(s_reader.Read("""[{"id":"e1","eventType":7,"data":{}}]""").Failures);

        Assert.Equal("$[0].eventType", failure.Path);
        Assert.Equal("expected the event type as a string, found the number 7", failure.Reason);
        Assert.Null(failure.EventType);
    }

    [Fact]
    public void DecodedDataBase64_StillFailsWithItsPath()
    {
        // {"state":7} as base64: positions in decoded bytes are not the event's, so that read throws as before.
        string bad = """{"specversion":"1.0","id":"c1","type":"Microsoft.Media.JobStateChange","source":"/s","data_base64":"eyJzdGF0ZSI6W119"}""";

        MediaEventReadFailure failure = Assert.Single(s_reader.Read(TestInput.Array(bad)).Failures);

        Assert.Equal("$[0].data_base64.state", failure.Path);
        Assert.Equal("expected a string, found an array", failure.Reason);
    }

    [Fact]
    public void ACatalogueEntryReadingThroughSystemTextJson_StillFailsItsEventAlone()
    {
        // Its own reader calls JsonSerializer, which expects exceptions: they are thrown there, in a delivery too.
        var custom = new MediaEventType<MediaJobOutputProgressEventData>(
            "Contoso.Progress",
            static (ref Utf8JsonReader reader, MediaJsonReadContext context) => JsonSerializer.Deserialize(ref reader, MediaEventsJsonContext.Default.MediaJobOutputProgressEventData),
            static (writer, data) => JsonSerializer.Serialize(writer, data, MediaEventsJsonContext.Default.MediaJobOutputProgressEventData));
        var reader = new MediaEventReader(new MediaEventCatalog(custom));

        MediaEventBatch batch = reader.Read(TestInput.Array(
            TestInput.Event("bad", "Contoso.Progress", """{"label":"a","progress":"many"}"""),
            TestInput.Event("good", "Contoso.Progress", """{"label":"a","progress":7}""")));

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal("expected an integer (int64), found the string \"many\"", failure.Reason);
        Assert.Equal("$[0].data.progress", failure.Path);
        Assert.Equal(7, Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(batch.Events)).Data.Progress);
    }

    [Fact]
    public void AHandlerBetweenTwoEvents_GetsExceptionsAsEverywhereElse()
    {
        // The failure is armed while an event is read, and only then: a handler's own reading throws as usual.
        var visitor = new ReadingHandler();

        MediaEventDispatcher.Dispatch(TestInput.Array(
            TestInput.Event("bad", MediaEventTypes.JobOutputProgress, """{"progress":"many"}"""),
            TestInput.StateChange("first"),
            TestInput.StateChange("second")), visitor);

        Assert.Equal(2, visitor.Thrown.Count);
        Assert.All(visitor.Thrown, static reason => Assert.Equal("expected an integer (int64), found the string \"x\"", reason));
    }

    private sealed class ReadingHandler : NonExhaustiveMediaEventVisitor
    {
        public List<string> Thrown { get; } = [];

        public override void VisitJobStateChange(MediaEvent<MediaJobStateChangeEventData> mediaEvent)
        {
            var reader = new Utf8JsonReader("\"x\""u8);
            reader.Read();
            try
            {
                MediaJson.ReadInt64(ref reader);
            }
            catch (MediaJsonException exception)
            {
                Thrown.Add(exception.Reason);
            }
        }

        protected override void VisitOther(MediaEvent mediaEvent)
        {
        }
    }

    /// <summary>
    /// A failed event costs at most about three times what a good event of the same size costs in allocated bytes
    /// (issue #12); the valid delivery's figure is printed beside the bad ones'.
    /// </summary>
    [Theory]
    [InlineData("eventTime")]
    [InlineData("data value")]
    [InlineData("missing required")]
    public void AValueFailure_AllocatesAtMostThreeTimesAGoodEventOfItsSize(string shape)
    {
        string good = TestInput.Event("00000000-0000-0000-0000-000000000000", MediaEventTypes.JobOutputProgress, """{"label":"output-1","progress":50,"jobCorrelationData":{"k":"v"}}""");
        string bad = shape switch
        {
            "eventTime" => good.Replace("2024-03-14T09:15:02Z", "xxxxxxxxxxxxxxxxxxxx", StringComparison.Ordinal),
            "data value" => good.Replace("\"progress\":50", "\"progress\":\"f\"", StringComparison.Ordinal),
            _ => TestInput.Event("00000000-0000-0000-0000-000000000000", MediaEventTypes.LiveEventChannelArchiveHeartbeat, """{"channelLatencyMs":"output-1xxxxxxxxxxxxxxxxxxxx","x":{"k":"v"}}"""),
        };

        double validPerByte = PerByte(good);
        double badPerByte = PerByte(bad);

        _output.WriteLine($"{shape}: {badPerByte:F2} B per input byte, valid {validPerByte:F2}: {badPerByte / validPerByte:F2}x");
        Assert.InRange(badPerByte / validPerByte, 0, 3);

        static double PerByte(string item)
        {
            byte[] utf8 = HostileDeliveryTests.Repeated(item, 1_000);
            return (double)HostileDeliveryTests.AllocatedToRead(utf8) / utf8.Length;
        }
    }
}
