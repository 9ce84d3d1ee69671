using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// Dispatch that awaits each event's handler before it reads the next: the same events, failures and format errors
/// as the synchronous pass, one event at a time; what a handler's exception and cancellation do.
/// </summary>
public sealed class AsyncDispatchTests
{
    private static readonly string s_three = TestInput.Array(TestInput.StateChange("a"), TestInput.StateChange("b"), TestInput.StateChange("c"));

    /// <summary>Deliveries of every shape: well formed, with failing events, and broken as a whole at every stage.</summary>
    public static TheoryData<string> Deliveries() => new()
    {
        s_three,
        TestInput.StateChange("single"),
        "\uFEFF" + s_three,
        "  \r\n" + s_three + " \n\t",
        "[]",
        "[1, \"two\", null, " + TestInput.StateChange("a") + ", []]",
        TestInput.Array(TestInput.StateChange("a"), TestInput.Progress("b", """{"progress":"lots"}"""), TestInput.StateChange("c")),
        TestInput.Array(TestInput.Progress("a", "null"), "{\"eventType\":\"Microsoft.Media.JobStateChange\"}", """{"id":"u","eventType":"Contoso.Unknown","data":[1]}"""),
        TestInput.Array(TestInput.StateChange("a"), TestInput.StateChange("b")).Replace("},{", "},\n\n  {", StringComparison.Ordinal) + "\n x",
        TestInput.StateChange("single") + " {}",
        TestInput.Array(TestInput.StateChange("a"), TestInput.StateChange("b"))[..^1],
        TestInput.Array(TestInput.StateChange("a")) + ",",
        "[" + TestInput.StateChange("a") + ",\n" + TestInput.StateChange("b")[..40],
        "[" + TestInput.StateChange("a") + ",]",
        "[" + TestInput.StateChange("a") + " " + TestInput.StateChange("b") + "]",
        "",
        " \n ",
        "42",
        "\"events\"",
        "[",
        "{",
        "x",
    };

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task Every_delivery_gives_the_events_failures_and_format_errors_the_synchronous_pass_gives(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        var syncSeen = new List<string>();
        var asyncSeen = new List<string>();

        string expected = await Outcome(() => Task.FromResult(MediaEventDispatcher.CreateReader().Dispatch(utf8, mediaEvent => syncSeen.Add(Describe(mediaEvent)))));
        string actual = await Outcome(async () => await MediaEventDispatcher.CreateReader().DispatchAsync(utf8, async (mediaEvent, _) =>
        {
            await Task.Yield();
            asyncSeen.Add(Describe(mediaEvent));
        }));

        Assert.Equal(expected, actual);
        Assert.Equal(syncSeen, asyncSeen);

        static async Task<string> Outcome(Func<Task<MediaEventDispatchResult>> dispatch)
        {
            try
            {
                return Describe(await dispatch());
            }
            catch (MediaEventFormatException exception)
            {
                return exception.Message;
            }
        }
    }

    [Fact]
    public async Task MaxEvents_stops_the_dispatch_at_the_first_event_past_it_after_handling_those_before()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(s_three);
        var seen = new List<string>();
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxEvents = 2 });

        MediaEventFormatException exception = await Assert.ThrowsAsync<MediaEventFormatException>(async () => await reader.DispatchAsync(utf8, Record(seen)));
        MediaEventFormatException synchronous = Assert.Throws<MediaEventFormatException>(() => reader.Dispatch(utf8, static _ => { }));

        Assert.Equal(new[] { "a", "b" }, seen);
        Assert.Equal((synchronous.Message, 2), (exception.Message, exception.MaxEvents));
        Assert.Equal(2, (await reader.DispatchAsync(Encoding.UTF8.GetBytes(TestInput.Array(TestInput.StateChange("a"), TestInput.StateChange("b"))), Record(seen))).Count);
    }

    [Fact]
    public async Task Each_handler_is_awaited_before_the_next_event_is_read()
    {
        var log = new List<string>();

        await MediaEventDispatcher.CreateReader().DispatchAsync(Encoding.UTF8.GetBytes(s_three), async (mediaEvent, cancellationToken) =>
        {
            log.Add("start " + mediaEvent.Id);
            await Task.Delay(5, cancellationToken);
            log.Add("end " + mediaEvent.Id);
        });

        Assert.Equal(new[] { "start a", "end a", "start b", "end b", "start c", "end c" }, log);
    }

    [Fact]
    public async Task Events_read_after_an_await_on_another_thread_are_whole()
    {
        // The repeated strings come from the reading thread's table; an await moves the rest of the pass elsewhere.
        string[] ids = Enumerable.Range(0, 200).Select(static i => "event-" + i).ToArray();
        byte[] utf8 = Encoding.UTF8.GetBytes(TestInput.Array(ids.Select(static id => TestInput.StateChange(id, id.EndsWith('7') ? "Error" : "Finished")).ToArray()));
        var seen = new List<(string Id, string? Subject, string? State)>();

        MediaEventDispatchResult result = await MediaEventDispatcher.CreateReader().DispatchAsync(utf8, async (mediaEvent, _) =>
        {
            await Task.Run(static () => { });
            seen.Add((mediaEvent.Id, mediaEvent.Subject, ((MediaEvent<MediaJobStateChangeEventData>)mediaEvent).Data.State?.Value));
        });

        Assert.Equal(200, result.DispatchedCount);
        Assert.Equal(ids, seen.Select(static item => item.Id));
        Assert.All(seen, static item => Assert.Equal(("transforms/T/jobs/" + item.Id, item.Id.EndsWith('7') ? "Error" : "Finished"), (item.Subject, item.State)));
    }

    [Fact]
    public async Task A_handler_s_exception_ends_the_dispatch_and_comes_out_unchanged()
    {
        // Exceptions that the reader itself turns into format errors when the input throws them stay the handler's.
        foreach (Exception thrown in new Exception[] { new InvalidOperationException("the store is down"), new JsonException("bad state"), new MediaEventFormatException("the handler's own") })
        {
            var seen = new List<string>();

            Exception caught = await Assert.ThrowsAnyAsync<Exception>(async () =>
                await MediaEventDispatcher.CreateReader().DispatchAsync(Encoding.UTF8.GetBytes(s_three), (mediaEvent, _) =>
                {
                    seen.Add(mediaEvent.Id);
                    return mediaEvent.Id == "b" ? ValueTask.FromException(thrown) : ValueTask.CompletedTask;
                }));

            Assert.Same(thrown, caught);
            Assert.Equal(new[] { "a", "b" }, seen);
        }
    }

    [Fact]
    public async Task A_handler_that_throws_before_returning_its_task_ends_the_dispatch_the_same_way()
    {
        var seen = new List<string>();

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await MediaEventDispatcher.CreateReader().DispatchAsync(Encoding.UTF8.GetBytes(s_three), (mediaEvent, _) =>
            {
                seen.Add(mediaEvent.Id);
                return mediaEvent.Id == "a" ? throw new InvalidOperationException("at once") : ValueTask.CompletedTask;
            }));

        Assert.Equal("at once", caught.Message);
        Assert.Equal(new[] { "a" }, seen);
    }

    [Fact]
    public async Task Cancellation_stops_between_events_and_every_handler_gets_the_token()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = new List<string>();

        OperationCanceledException caught = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await MediaEventDispatcher.CreateReader().DispatchAsync(Encoding.UTF8.GetBytes(s_three), (mediaEvent, cancellationToken) =>
            {
                Assert.Equal(cancellation.Token, cancellationToken);
                seen.Add(mediaEvent.Id);
                if (mediaEvent.Id == "b")
                {
                    cancellation.Cancel();
                }

                return ValueTask.CompletedTask;
            }, cancellation.Token));

        Assert.Equal(cancellation.Token, caught.CancellationToken);
        Assert.Equal(new[] { "a", "b" }, seen);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_dispatch_calls_no_handler_and_one_cancelled_after_the_last_event_changes_nothing()
    {
        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await MediaEventDispatcher.CreateReader().DispatchAsync(Encoding.UTF8.GetBytes(s_three), Record(seen), new CancellationToken(canceled: true)));
        Assert.Empty(seen);

        using var cancellation = new CancellationTokenSource();
        MediaEventDispatchResult result = await MediaEventDispatcher.CreateReader().DispatchAsync(Encoding.UTF8.GetBytes(s_three), (mediaEvent, _) =>
        {
            seen.Add(mediaEvent.Id);
            if (mediaEvent.Id == "c")
            {
                cancellation.Cancel();
            }

            return ValueTask.CompletedTask;
        }, cancellation.Token);

        Assert.Equal(3, result.DispatchedCount);
        Assert.Equal(new[] { "a", "b", "c" }, seen);
    }

    [Fact]
    public async Task Throw_mode_throws_once_after_the_readable_events_were_handled()
    {
        string json = TestInput.Array(TestInput.StateChange("a"), TestInput.Progress("b", "null"), TestInput.StateChange("c"));
        var seen = new List<string>();
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { FailureMode = MediaEventFailureMode.Throw });

        MediaEventBatchException exception = await Assert.ThrowsAsync<MediaEventBatchException>(async () =>
            await reader.DispatchAsync(Encoding.UTF8.GetBytes(json), Record(seen)));

        Assert.Equal(new[] { "a", "c" }, seen);
        Assert.Equal(("b", "$[1].data"), (Assert.Single(exception.Failures).Id, exception.Failures[0].Path));
    }

    [Fact]
    public async Task A_stream_is_dispatched_like_bytes_within_the_size_limit()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(s_three);
        var seen = new List<string>();

        MediaEventDispatchResult result = await MediaEventDispatcher.CreateReader().DispatchAsync(new MemoryStream(utf8), Record(seen));
        MediaEventFormatException tooLarge = await Assert.ThrowsAsync<MediaEventFormatException>(async () =>
            await MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = utf8.Length - 1 }).DispatchAsync(new MemoryStream(utf8), Record(seen)));

        Assert.Equal((3, false), (result.Count, result.HasFailures));
        Assert.Equal(new[] { "a", "b", "c" }, seen);
        Assert.Contains("MaxInputBytes", tooLarge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_is_dispatched_in_order_skipping_its_failures()
    {
        string json = TestInput.Array(TestInput.StateChange("a"), TestInput.Progress("b", "null"), TestInput.StateChange("c"));
        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);
        var seen = new List<string>();

        MediaEventBatch same = await MediaEventDispatcher.CreateReader().DispatchAsync(batch, seen, static (mediaEvent, seen, _) =>
        {
            seen.Add(mediaEvent.Id);
            return ValueTask.CompletedTask;
        });

        Assert.Same(batch, same);
        Assert.Equal(new[] { "a", "c" }, seen);
        await Assert.ThrowsAsync<MediaEventBatchException>(async () =>
            await MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { FailureMode = MediaEventFailureMode.Throw }).DispatchAsync(batch, seen, static (_, _, _) => ValueTask.CompletedTask));
    }

    [Fact]
    public void Handlers_that_complete_at_once_cost_no_allocation_per_event()
    {
        // Beyond the events themselves, which the synchronous pass allocates too, a delivery costs the same whatever
        // its number of events: the async machinery, the result. Anything per event would cost 24 B or more each.
        const int Few = 10;
        const int Many = 500;
        long extraForFew = ExtraBytes(Few);
        long extraForMany = ExtraBytes(Many);

        Assert.True(extraForMany - extraForFew < Many - Few, $"{Few} events cost {extraForFew} B more than the synchronous pass, {Many} cost {extraForMany} B more.");

        // The least of a few runs: a string that the thread's table happens to miss once is not the dispatch's cost.
        static long ExtraBytes(int count)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(TestInput.Array(Enumerable.Range(0, count).Select(static i => TestInput.StateChange("e" + i)).ToArray()));
            MediaEventReader reader = MediaEventDispatcher.CreateReader();
            long least = long.MaxValue;
            for (int i = 0; i < 50; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                reader.Dispatch(utf8, 0, static (_, _) => { });
                long sync = GC.GetAllocatedBytesForCurrentThread() - before;

                before = GC.GetAllocatedBytesForCurrentThread();
                ValueTask<MediaEventDispatchResult> dispatch = reader.DispatchAsync(utf8, 0, static (_, _, _) => ValueTask.CompletedTask);
                long async = GC.GetAllocatedBytesForCurrentThread() - before;

                Assert.True(dispatch.IsCompletedSuccessfully);
                least = Math.Min(least, async - sync);
            }

            return least;
        }
    }

    private static Func<MediaEvent, CancellationToken, ValueTask> Record(List<string> seen) => (mediaEvent, _) =>
    {
        seen.Add(mediaEvent.Id);
        return ValueTask.CompletedTask;
    };

    private static string Describe(MediaEvent mediaEvent) =>
        $"{mediaEvent.Id} {mediaEvent.EventType} {mediaEvent.Subject} {Encoding.UTF8.GetString(mediaEvent.RawData.Span)}";

    private static string Describe(MediaEventDispatchResult result) =>
        $"{result.Count} events; " + string.Join("; ", result.Failures.Select(static failure => $"{failure} [{Encoding.UTF8.GetString(failure.RawEvent.Span)}]"));
}
