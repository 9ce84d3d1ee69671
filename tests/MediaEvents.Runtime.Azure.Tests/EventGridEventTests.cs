using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Azure.Messaging.EventGrid;
using MediaEvents.AzureInterop;
using MediaEvents.AzureTests.Generated;
using Xunit;

namespace MediaEvents.AzureTests;

public sealed class EventGridEventTests
{
    [Fact]
    public void JobFinishedFromTheDocsIsDispatchedTyped()
    {
        EventGridEvent[] events = DocPayloads.ParseEventGrid(DocPayloads.JobFinishedEventGrid);
        var visitor = new RecordingVisitor();

        MediaEventBatch batch = MediaEventDispatcher.Dispatch(DocPayloads.CreateReader().Read(events), visitor);

        Assert.False(batch.HasFailures);
        Assert.Equal(new[] { "VisitJobFinished" }, visitor.Calls);
        MediaEvent<MediaJobFinishedEventData> finished = Assert.Single(visitor.JobsFinished);
        Assert.Equal(MediaJobState.Processing, finished.Data.PreviousState);
        Assert.Equal(MediaJobState.Finished, finished.Data.State);
        Assert.Equal("testValue1", finished.Data.CorrelationData!["testKey1"]);
        MediaJobOutput output = Assert.Single(finished.Data.Outputs!);
        Assert.Equal(100, output.Progress);
        Assert.Equal(MediaJobState.Finished, output.State);
        Assert.Equal("VideoAnalyzerPreset_0", output.Label);
        Assert.Null(output.Error);
        Assert.Equal("output-7640689F", Assert.IsType<MediaJobOutputAsset>(output).AssetName);
    }

    [Fact]
    public void EnvelopeIsTheSdksEvent()
    {
        EventGridEvent sdkEvent = Assert.Single(DocPayloads.ParseEventGrid(DocPayloads.JobFinishedEventGrid));

        MediaEvent read = DocPayloads.CreateReader().Read(sdkEvent).Event!;

        Assert.Equal(MediaEventSchema.EventGrid, read.Schema);
        Assert.Equal("9e07e83a-dd6e-466b-a62f-27521b216f2a", read.Id);
        Assert.Equal(sdkEvent.Id, read.Id);
        Assert.Equal("Microsoft.Media.JobFinished", read.EventType);
        Assert.Equal("transforms/VideoAnalyzerTransform/jobs/job-5AB6DE32", read.Subject);
        Assert.Equal(DocPayloads.Topic, read.Source);
        Assert.Equal(sdkEvent.Topic, read.Source);
        Assert.Equal(sdkEvent.EventTime, read.Time);
        Assert.Equal(sdkEvent.EventTime.Offset, read.Time!.Value.Offset);

        // The doc's time has no offset: UTC, to the tick.
        Assert.Equal(new DateTimeOffset(2018, 10, 12, 16, 25, 56, TimeSpan.Zero).AddTicks(4115495), read.Time);
        Assert.Equal("1.0", read.DataVersion);
        Assert.Equal("1", read.MetadataVersion);
        Assert.Null(read.SpecVersion);
        Assert.Null(read.UnknownMembers);
        Assert.Equal(sdkEvent.Data.ToArray(), read.RawData.ToArray());
    }

    [Fact]
    public void EncoderPortSentAsANumberIsReadAsTheSpecsString()
    {
        EventGridEvent sdkEvent = Assert.Single(DocPayloads.ParseEventGrid(DocPayloads.ConnectionRejectedEventGrid));
        var visitor = new RecordingVisitor();

        MediaEventReadResult result = DocPayloads.CreateReader().Read(sdkEvent);
        MediaEventDispatcher.Dispatch(result.Event!, visitor);

        MediaEvent<MediaLiveEventConnectionRejectedEventData> rejected = Assert.Single(visitor.ConnectionsRejected);
        Assert.Equal("52859", rejected.Data.EncoderPort);
        Assert.Equal("Mystream1", rejected.Data.StreamId);
        Assert.Equal("http://abc.ingest.isml", rejected.Data.IngestUrl);
        Assert.Equal("118.238.251.xxx", rejected.Data.EncoderIp);
        Assert.Equal("MPE_INGEST_CODEC_NOT_SUPPORTED", rejected.Data.ResultCode);
        Assert.Equal("/LiveEvents/MyLiveEvent1", rejected.Subject);
        Assert.Equal(new DateTimeOffset(2018, 1, 16, 1, 57, 26, TimeSpan.Zero).AddTicks(51210), rejected.Time);
        Assert.Equal(sdkEvent.EventTime, rejected.Time);
    }

    [Fact]
    public void UnknownEventTypeArrivesUntypedWithItsRawData()
    {
        const string blobCreated = """
            {
              "topic": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/account",
              "subject": "/blobServices/default/containers/input/blobs/video.mp4",
              "eventType": "Microsoft.Storage.BlobCreated",
              "eventTime": "2024-03-14T09:15:02.1046132+01:00",
              "id": "831e1650-001e-001b-66ab-eeb76e069631",
              "data": { "api": "PutBlockList", "contentLength": 524288, "tags": ["a", "é"] },
              "dataVersion": "",
              "metadataVersion": "1"
            }
            """;
        EventGridEvent[] events = DocPayloads.ParseEventGrid(DocPayloads.JobFinishedEventGrid, blobCreated);
        var visitor = new RecordingVisitor();

        MediaEventBatch batch = MediaEventDispatcher.Dispatch(DocPayloads.CreateReader().Read(events), visitor);

        Assert.False(batch.HasFailures);
        Assert.Equal(new[] { "VisitJobFinished", "VisitUnknown" }, visitor.Calls);
        MediaEvent unknown = Assert.Single(visitor.Unknown);
        Assert.False(unknown.IsKnown);
        Assert.Null(unknown.TypedData);
        Assert.Equal("Microsoft.Storage.BlobCreated", unknown.EventType);
        Assert.Equal("831e1650-001e-001b-66ab-eeb76e069631", unknown.Id);
        Assert.Equal(events[1].EventTime, unknown.Time);
        Assert.Equal(TimeSpan.FromHours(1), unknown.Time!.Value.Offset);
        Assert.Equal(string.Empty, unknown.DataVersion);
        Assert.Equal(events[1].Data.ToArray(), unknown.RawData.ToArray());
        JsonElement data = unknown.GetRawDataElement();
        Assert.Equal("PutBlockList", data.GetProperty("api").GetString());
        Assert.Equal(524288, data.GetProperty("contentLength").GetInt32());
        Assert.Equal("é", data.GetProperty("tags")[1].GetString());
    }

    [Fact]
    public void BadDataFailsAloneWithItsPathWhileTheOthersAreRead()
    {
        EventGridEvent[] events = DocPayloads.ParseEventGrid(
            DocPayloads.JobFinishedEventGrid,
            DocPayloads.JobOutputProgressEventGrid("\"abc\""),
            DocPayloads.ConnectionRejectedEventGrid);
        var visitor = new RecordingVisitor();

        MediaEventBatch batch = MediaEventDispatcher.Dispatch(DocPayloads.CreateReader().Read(events), visitor);

        Assert.Equal(3, batch.Count);
        Assert.True(batch[0].Succeeded);
        Assert.False(batch[1].Succeeded);
        Assert.True(batch[2].Succeeded);
        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal("$[1].data.progress", failure.Path);
        Assert.Equal("00000000-0000-0000-0000-000000000000", failure.Id);
        Assert.Equal("Microsoft.Media.JobOutputProgress", failure.EventType);
        Assert.Contains("abc", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("\"progress\":\"abc\"", Encoding.UTF8.GetString(failure.RawEvent.Span), StringComparison.Ordinal);
        Assert.Equal(new[] { "VisitJobFinished", "VisitLiveEventConnectionRejected" }, visitor.Calls);
    }

    [Fact]
    public void ASingleBadEventFailsAtItsOwnRoot()
    {
        EventGridEvent sdkEvent = Assert.Single(DocPayloads.ParseEventGrid(DocPayloads.JobOutputProgressEventGrid("\"abc\"")));

        MediaEventReadResult result = DocPayloads.CreateReader().Read(sdkEvent);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Index);
        Assert.Equal("$.data.progress", result.Failure!.Path);
    }

    [Fact]
    public void ToleratedProgressAsAStringOfDigitsIsRead()
    {
        EventGridEvent sdkEvent = Assert.Single(DocPayloads.ParseEventGrid(DocPayloads.JobOutputProgressEventGrid("\"86\"")));
        var visitor = new RecordingVisitor();

        MediaEventDispatcher.Dispatch(DocPayloads.CreateReader().Read(sdkEvent).Event!, visitor);

        MediaEvent<MediaJobOutputProgressEventData> progress = Assert.Single(visitor.Progress);
        Assert.Equal(86, progress.Data.Progress);
        Assert.Equal("TestValue1", progress.Data.JobCorrelationData!["TestKey1"]);
    }

    [Fact]
    public void ReadsAsTheDeliveryItselfReads()
    {
        string[] deliveryEvents =
        {
            DocPayloads.JobFinishedEventGrid,
            DocPayloads.JobOutputProgressEventGrid("\"abc\""),
            DocPayloads.JobOutputProgressEventGrid("86"),
            DocPayloads.ConnectionRejectedEventGrid,
            DocPayloads.JobOutputProgressEventGrid("[1]"),
        };
        MediaEventReader reader = DocPayloads.CreateReader();

        MediaEventBatch fromSdk = reader.Read(DocPayloads.ParseEventGrid(deliveryEvents));
        MediaEventBatch fromWire = reader.Read(DocPayloads.Array(deliveryEvents));

        Assert.Equal(DocPayloads.Outline(fromWire), DocPayloads.Outline(fromSdk));
        Assert.Equal(2, fromSdk.Failures.Count);
    }

    [Fact]
    public void EventsMadeWithTheSdksConstructorsAreRead()
    {
        var progress = new EventGridEvent(
            "transforms/T/jobs/J",
            MediaEventTypes.JobOutputProgress,
            "1.0",
            BinaryData.FromString("""{"label":"L","progress":42}"""))
        {
            Topic = DocPayloads.Topic,
            EventTime = new DateTimeOffset(2024, 3, 14, 9, 15, 2, TimeSpan.FromHours(-7)),
        };
        var custom = new EventGridEvent("s", "Contoso.Custom", "2.0", new { Answer = 42 });

        MediaEventBatch batch = DocPayloads.CreateReader().Read(new[] { progress, custom });

        var read = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(batch[0].Event);
        Assert.Equal(42, read.Data.Progress);
        Assert.Equal(progress.Id, read.Id);
        Assert.Equal(progress.EventTime, read.Time);
        Assert.Equal(TimeSpan.FromHours(-7), read.Time!.Value.Offset);
        MediaEvent other = batch[1].Event!;
        Assert.Null(other.Source);
        Assert.Equal("2.0", other.DataVersion);
        Assert.Equal(42, other.GetRawDataElement().GetProperty("Answer").GetInt32());
    }

    [Fact]
    public void DataThatIsNotJsonFailsAlone()
    {
        var notJson = new EventGridEvent("s", MediaEventTypes.JobOutputProgress, "1.0", BinaryData.FromString("progress=42"));
        var unknown = new EventGridEvent("s", "Contoso.Text", "1.0", BinaryData.FromString("plain text"));
        EventGridEvent good = Assert.Single(DocPayloads.ParseEventGrid(DocPayloads.ConnectionRejectedEventGrid));

        MediaEventBatch batch = DocPayloads.CreateReader().Read(new[] { notJson, unknown, good });

        Assert.Equal("$[0].data", batch[0].Failure!.Path);
        Assert.Equal("\"plain text\"", Encoding.UTF8.GetString(batch[1].Event!.RawData.Span));
        Assert.True(batch[2].Succeeded);
    }

    [Fact]
    public void DataTooDeepFailsAloneAsInADelivery()
    {
        string deep = new string('[', 100) + new string(']', 100);
        var tooDeep = new EventGridEvent("s", "Contoso.Deep", "1.0", BinaryData.FromString(deep));
        EventGridEvent good = Assert.Single(DocPayloads.ParseEventGrid(DocPayloads.ConnectionRejectedEventGrid));

        MediaEventBatch batch = DocPayloads.CreateReader().Read(new[] { good, tooDeep, good });

        Assert.True(batch[0].Succeeded);
        Assert.StartsWith("$[1].data", batch[1].Failure!.Path, StringComparison.Ordinal);
        Assert.True(batch[2].Succeeded);
    }

    [Fact]
    public void AnEmptyListIsAnEmptyBatch()
    {
        MediaEventBatch batch = DocPayloads.CreateReader().Read(Array.Empty<EventGridEvent>());

        Assert.Empty(batch);
        Assert.False(batch.HasFailures);
    }

    [Fact]
    public void ALazySequenceIsReadInOrder()
    {
        EventGridEvent[] events = DocPayloads.ParseEventGrid(DocPayloads.ConnectionRejectedEventGrid, DocPayloads.JobFinishedEventGrid);

        MediaEventBatch batch = DocPayloads.CreateReader().Read(events.Where(_ => true));

        Assert.Equal(new[] { "b303db59-d5c1-47eb-927a-3650875fded1", "9e07e83a-dd6e-466b-a62f-27521b216f2a" }, batch.Events.Select(e => e.Id));
    }
}
