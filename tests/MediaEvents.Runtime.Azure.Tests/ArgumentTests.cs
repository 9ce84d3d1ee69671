using System;
using System.Collections.Generic;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using MediaEvents.AzureInterop;
using Xunit;

namespace MediaEvents.AzureTests;

public sealed class ArgumentTests
{
    private static readonly MediaEventReader s_reader = DocPayloads.CreateReader();
    private static readonly EventGridEvent s_eventGridEvent = new("s", "t", "1.0", BinaryData.FromString("{}"));
    private static readonly CloudEvent s_cloudEvent = new("/s", "t", BinaryData.FromString("{}"), "application/json");

    [Fact]
    public void ANullReaderThrows()
    {
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => AzureEventInterop.Read(null!, s_eventGridEvent)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => AzureEventInterop.Read(null!, new[] { s_eventGridEvent })).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => AzureEventInterop.Read(null!, s_cloudEvent)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => AzureEventInterop.Read(null!, new[] { s_cloudEvent })).ParamName);
    }

    [Fact]
    public void ANullEventOrListThrows()
    {
        Assert.Equal("eventGridEvent", Assert.Throws<ArgumentNullException>(() => s_reader.Read((EventGridEvent)null!)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => s_reader.Read((IEnumerable<EventGridEvent>)null!)).ParamName);
        Assert.Equal("cloudEvent", Assert.Throws<ArgumentNullException>(() => s_reader.Read((CloudEvent)null!)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => s_reader.Read((IEnumerable<CloudEvent>)null!)).ParamName);
    }

    [Fact]
    public void ANullElementOfAListFailsAlone()
    {
        MediaEventBatch eventGrid = s_reader.Read(new[] { s_eventGridEvent, null!, s_eventGridEvent });
        MediaEventBatch cloudEvents = s_reader.Read(new[] { null!, s_cloudEvent });

        Assert.True(eventGrid[0].Succeeded);
        Assert.Equal("$[1]", eventGrid[1].Failure!.Path);
        Assert.Contains("null", eventGrid[1].Failure!.Reason, StringComparison.Ordinal);
        Assert.True(eventGrid[2].Succeeded);
        Assert.Equal("$[0]", cloudEvents[0].Failure!.Path);
        Assert.True(cloudEvents[1].Succeeded);
    }

    [Fact]
    public void FailureModeThrowStillAppliesThroughTheDispatcher()
    {
        MediaEventReaderOptions options = new() { FailureMode = MediaEventFailureMode.Throw };
        EventGridEvent[] events = DocPayloads.ParseEventGrid(DocPayloads.JobOutputProgressEventGrid("\"abc\""), DocPayloads.ConnectionRejectedEventGrid);
        var visitor = new RecordingVisitor();

        MediaEventBatchException exception = Assert.Throws<MediaEventBatchException>(
            () => Generated.MediaEventDispatcher.Dispatch(DocPayloads.CreateReader(options).Read(events), visitor, options));

        Assert.Equal(new[] { "VisitLiveEventConnectionRejected" }, visitor.Calls);
        Assert.Equal("$[0].data.progress", Assert.Single(exception.Failures).Path);
    }
}
