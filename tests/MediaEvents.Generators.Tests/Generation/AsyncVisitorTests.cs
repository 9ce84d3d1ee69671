using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaEvents.Generated;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// The generated asynchronous visitor and dispatch, on the code generated into this test assembly: the sample
/// deliveries in both envelopes reach each event's own method in delivery order, unknown events reach
/// <c>VisitUnknownAsync</c>, failures are collected, and a handler's exception or cancellation ends the dispatch.
/// </summary>
public sealed class AsyncVisitorTests
{
    private const string MediaPrefix = "Microsoft.Media.";

    public static TheoryData<string, string> SampleDeliveries()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in new[] { "eventgrid-jobs.json", "eventgrid-live.json", "cloudevents-mixed.json", "eventgrid-unknown.json" })
        {
            foreach (string way in new[] { "string", "memory", "stream" })
            {
                data.Add(file, way);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleDeliveries))]
    public async Task Each_sample_event_reaches_its_own_method_in_delivery_order(string file, string way)
    {
        string json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "events", file));
        var visitor = RecordingAsyncVisitor.Create();

        MediaEventDispatchResult result = way switch
        {
            "string" => await MediaEventDispatcher.DispatchAsync(json, visitor),
            "memory" => await MediaEventDispatcher.DispatchAsync(Encoding.UTF8.GetBytes(json).AsMemory(), visitor),
            _ => await MediaEventDispatcher.DispatchAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), visitor),
        };

        List<(string Method, string Id)> expected = ExpectedCalls(json);
        Assert.False(result.HasFailures, string.Join("; ", result.Failures));
        Assert.Equal(expected.Count, result.Count);
        Assert.Equal(expected, RecordingAsyncVisitor.Calls(visitor).Select(static call => (call.Method, call.Event.Id)));
        Assert.All(RecordingAsyncVisitor.Calls(visitor).Where(static call => call.Method != "VisitUnknownAsync"), static call =>
            Assert.Equal(call.Event.KnownType!.DataType, call.Event.GetType().GetGenericArguments().Single()));
    }

    [Fact]
    public async Task Unknown_events_reach_VisitUnknownAsync_with_their_data_as_it_arrived()
    {
        string json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "events", "eventgrid-unknown.json"));
        var visitor = new Recorder();

        await MediaEventDispatcher.DispatchAsync(json, visitor);

        Assert.Equal(new[] { "Microsoft.Media.LiveEventFutureFeature", "Microsoft.Storage.BlobCreated" }, visitor.Unknown.Select(static e => e.EventType));
        Assert.All(visitor.Unknown, static e => Assert.StartsWith("{", Encoding.UTF8.GetString(e.RawData.Span), StringComparison.Ordinal));
        MediaEvent<MediaJobStateChangeEventData> change = Assert.Single(visitor.StateChanges);
        Assert.Equal("Paused", change.Data.State?.Value);
    }

    [Fact]
    public async Task Events_that_cannot_be_read_are_collected_and_the_others_handled()
    {
        string json = $"[{Event("a", "Microsoft.Media.JobStateChange")},{Event("b", "Microsoft.Media.JobStateChange", """{"state":{}}""")},{Event("c", "Contoso.Other")}]";
        var visitor = new Recorder();

        MediaEventDispatchResult result = await MediaEventDispatcher.DispatchAsync(json, visitor);

        Assert.Equal((3, 2), (result.Count, result.DispatchedCount));
        MediaEventReadFailure failure = Assert.Single(result.Failures);
        Assert.Equal(("b", "$[1].data.state"), (failure.Id, failure.Path));
        Assert.Equal(new[] { "a", "c" }, visitor.Seen);
        await Assert.ThrowsAsync<MediaEventBatchException>(async () =>
            await MediaEventDispatcher.DispatchAsync(json, new Recorder(), new MediaEventReaderOptions { FailureMode = MediaEventFailureMode.Throw }));
    }

    [Fact]
    public async Task A_method_s_exception_ends_the_dispatch_and_comes_out_unchanged()
    {
        string json = $"[{Event("a", "Microsoft.Media.JobStateChange")},{Event("b", "Microsoft.Media.JobStateChange")},{Event("c", "Contoso.Other")}]";
        var thrown = new InvalidOperationException("The store is down.");
        var visitor = new Recorder { Throw = ("b", thrown) };

        InvalidOperationException caught = await Assert.ThrowsAsync<InvalidOperationException>(async () => await MediaEventDispatcher.DispatchAsync(json, visitor));

        Assert.Same(thrown, caught);
        Assert.Equal(new[] { "a", "b" }, visitor.Seen);
    }

    [Fact]
    public async Task Cancellation_reaches_each_method_and_stops_the_dispatch_between_events()
    {
        string json = $"[{Event("a", "Microsoft.Media.JobStateChange")},{Event("b", "Contoso.Other")},{Event("c", "Microsoft.Media.JobStateChange")}]";
        using var cancellation = new CancellationTokenSource();
        var visitor = new Recorder { CancelAfter = ("b", cancellation) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await MediaEventDispatcher.DispatchAsync(json, visitor, cancellationToken: cancellation.Token));

        Assert.Equal(new[] { "a", "b" }, visitor.Seen);
        Assert.All(visitor.Tokens, token => Assert.Equal(cancellation.Token, token));
    }

    [Fact]
    public async Task A_batch_read_first_is_dispatched_in_order()
    {
        string json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "events", "cloudevents-mixed.json"));
        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);
        var visitor = new Recorder();

        Assert.Same(batch, await MediaEventDispatcher.DispatchAsync(batch, visitor));

        Assert.Equal(batch.Events.Select(static e => e.Id), visitor.Seen);
    }

    // The calls an exhaustive visitor should get for a delivery: each known type's own method, in input order.
    private static List<(string Method, string Id)> ExpectedCalls(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var calls = new List<(string, string)>();
        foreach (JsonElement element in document.RootElement.EnumerateArray())
        {
            string type = (element.TryGetProperty("eventType", out JsonElement eventType) ? eventType : element.GetProperty("type")).GetString()!;
            bool known = MediaEventTypes.Catalog.Find(type) is not null;
            calls.Add((known ? "Visit" + type[MediaPrefix.Length..] + "Async" : "VisitUnknownAsync", element.GetProperty("id").GetString()!));
        }

        return calls;
    }

    private static string Event(string id, string type, string data = """{"state":"Finished"}""") =>
        $$"""{"id":"{{id}}","eventType":"{{type}}","eventTime":"2024-01-01T00:00:00Z","data":{{data}}}""";

    /// <summary>
    /// Implements every method of the exhaustive interface by recording it: which method each event reached. Each
    /// call yields first, so that the next event is read after an await, as a real handler's would be.
    /// </summary>
    public class RecordingAsyncVisitor : DispatchProxy
    {
        private readonly List<(string Method, MediaEvent Event)> _calls = new();

        public static IMediaEventAsyncVisitor Create() => Create<IMediaEventAsyncVisitor, RecordingAsyncVisitor>();

        public static IReadOnlyList<(string Method, MediaEvent Event)> Calls(IMediaEventAsyncVisitor visitor) => ((RecordingAsyncVisitor)(object)visitor)._calls;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls.Add((targetMethod!.Name, (MediaEvent)args![0]!));
            return YieldAsync();
        }

        private static async ValueTask YieldAsync() => await Task.Yield();
    }

    private sealed class Recorder : NonExhaustiveMediaEventAsyncVisitor
    {
        public List<string> Seen { get; } = new();

        public List<CancellationToken> Tokens { get; } = new();

        public List<MediaEvent> Unknown { get; } = new();

        public List<MediaEvent<MediaJobStateChangeEventData>> StateChanges { get; } = new();

        public (string Id, Exception Exception)? Throw { get; init; }

        public (string Id, CancellationTokenSource Source)? CancelAfter { get; init; }

        public override ValueTask VisitJobStateChangeAsync(MediaEvent<MediaJobStateChangeEventData> mediaEvent, CancellationToken cancellationToken)
        {
            StateChanges.Add(mediaEvent);
            return base.VisitJobStateChangeAsync(mediaEvent, cancellationToken);
        }

        public override ValueTask VisitUnknownAsync(MediaEvent mediaEvent, CancellationToken cancellationToken)
        {
            Unknown.Add(mediaEvent);
            return base.VisitUnknownAsync(mediaEvent, cancellationToken);
        }

        protected override async ValueTask VisitOtherAsync(MediaEvent mediaEvent, CancellationToken cancellationToken)
        {
            Seen.Add(mediaEvent.Id);
            Tokens.Add(cancellationToken);
            await Task.Yield();
            if (Throw is { } fault && fault.Id == mediaEvent.Id)
            {
                throw fault.Exception;
            }

            if (CancelAfter is { } cancel && cancel.Id == mediaEvent.Id)
            {
                await cancel.Source.CancelAsync();
            }
        }
    }
}
