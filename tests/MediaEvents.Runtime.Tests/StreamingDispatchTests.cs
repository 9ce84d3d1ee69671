using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>Dispatching as the events are read: order, failures, counts, and what a broken delivery leaves.</summary>
public sealed class StreamingDispatchTests
{
    private static string Event(string id, string data = """{"state":"Finished"}""") =>
        $$"""{"id":"{{id}}","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","data":{{data}}}""";

    [Fact]
    public void Each_event_is_dispatched_in_input_order_and_failures_are_collected()
    {
        string json = $"[{Event("a")},{Event("b", """{"state":42}""").Replace("\"eventTime\":\"2024-01-01T00:00:00Z\"", "\"eventTime\":\"nope\"")},{Event("c")}]";
        var seen = new List<string>();

        MediaEventDispatchResult result = MediaEventDispatcher.CreateReader().Dispatch(Encoding.UTF8.GetBytes(json), e => seen.Add(e.Id));

        Assert.Equal(new[] { "a", "c" }, seen);
        Assert.Equal(3, result.Count);
        Assert.Equal(2, result.DispatchedCount);
        MediaEventReadFailure failure = Assert.Single(result.Failures);
        Assert.Equal(("b", "$[1].eventTime"), (failure.Id, failure.Path));
    }

    [Fact]
    public void Throw_mode_throws_once_after_the_readable_events_were_dispatched()
    {
        string json = $"[{Event("a")},{Event("b", "null")},{Event("c")}]";
        var seen = new List<string>();

        MediaEventBatchException exception = Assert.Throws<MediaEventBatchException>(() =>
            MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { FailureMode = MediaEventFailureMode.Throw }).Dispatch(Encoding.UTF8.GetBytes(json), e => seen.Add(e.Id)));

        Assert.Equal(new[] { "a", "c" }, seen);
        Assert.Equal("$[1].data", Assert.Single(exception.Failures).Path);
    }

    [Fact]
    public void A_delivery_that_breaks_part_way_has_dispatched_the_events_before_the_break()
    {
        string json = $"[{Event("a")},{Event("b")},{{\"id\":";
        var seen = new List<string>();

        Assert.Throws<MediaEventFormatException>(() => MediaEventDispatcher.CreateReader().Dispatch(Encoding.UTF8.GetBytes(json), e => seen.Add(e.Id)));

        Assert.Equal(new[] { "a", "b" }, seen);
    }

    [Fact]
    public void A_handler_s_exception_ends_the_dispatch_and_comes_out_unchanged()
    {
        // Exceptions of the kinds that the reader turns into format errors when reading throws them stay the handler's.
        string json = $"[{Event("a")},{Event("b")},{Event("c")}]";
        foreach (Exception thrown in new Exception[] { new InvalidOperationException("the store is down"), new System.Text.Json.JsonException("bad state") })
        {
            var seen = new List<string>();

            Exception caught = Assert.ThrowsAny<Exception>(() => MediaEventDispatcher.CreateReader().Dispatch(Encoding.UTF8.GetBytes(json), e =>
            {
                seen.Add(e.Id);
                if (e.Id == "b")
                {
                    throw thrown;
                }
            }));

            Assert.Same(thrown, caught);
            Assert.Equal(new[] { "a", "b" }, seen);
        }
    }

    [Fact]
    public async Task A_stream_dispatches_like_bytes_and_keeps_the_size_limit()
    {
        string json = $"[{Event("a")},{Event("b")}]";
        var seen = new List<string>();

        MediaEventDispatchResult result = await MediaEventDispatcher.CreateReader().DispatchAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), e => seen.Add(e.Id));

        Assert.Equal(new[] { "a", "b" }, seen);
        Assert.False(result.HasFailures);
        await Assert.ThrowsAsync<MediaEventFormatException>(async () =>
            await MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = 10 }).DispatchAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), e => seen.Add(e.Id)));
        Assert.Equal(2, seen.Count);
    }
}
