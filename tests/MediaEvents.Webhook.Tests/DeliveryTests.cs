using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaEvents.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MediaEvents.Webhook.Tests;

public sealed class DeliveryTests
{
    private const string Job2f9c = "transforms/VideoAnalyzerTransform/jobs/job-2f9c";
    private const string Job7a31 = "transforms/VideoAnalyzerTransform/jobs/job-7a31";
    private const string Jobc418 = "transforms/VideoAnalyzerTransform/jobs/job-c418";
    private const string Jobe3d0 = "transforms/ContentAwareEncodingTransform/jobs/job-e3d0";
    private const string Job0c6e = "transforms/VideoAnalyzerTransform/jobs/job-0c6e";

    [Fact]
    public async Task Sample_deliveries_in_both_envelopes_build_the_state()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        foreach (string file in new[] { "eventgrid-jobs.json", "eventgrid-live.json", "cloudevents-mixed.json", "eventgrid-unknown.json" })
        {
            using HttpResponseMessage response = await server.PostEventsAsync(WebhookServer.ReadSample(file));
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode} {body}");
            using JsonDocument summary = JsonDocument.Parse(body);
            Assert.Equal(0, summary.RootElement.GetProperty("failed").GetInt32());
        }

        JsonElement status = await server.GetStatusAsync();
        JsonElement jobs = status.GetProperty("jobs");
        Assert.Equal(5, jobs.EnumerateObject().Count());

        // Event Grid schema: a whole job, an errored one, a canceled one.
        JsonElement finished = jobs.GetProperty(Job2f9c);
        Assert.Equal("Finished", finished.GetProperty("state").GetString());
        Assert.Equal("Processing", finished.GetProperty("previousState").GetString());
        Assert.True(finished.GetProperty("isFinal").GetBoolean());
        Assert.Equal(DateTimeOffset.Parse("2024-03-14T09:16:48.4115495Z"), finished.GetProperty("lastEventTime").GetDateTimeOffset());
        JsonElement output = Assert.Single(finished.GetProperty("outputs").EnumerateArray());
        Assert.Equal("VideoAnalyzerPreset_0", output.GetProperty("label").GetString());
        Assert.Equal("output-2f9c-insights", output.GetProperty("assetName").GetString());
        Assert.Equal("Finished", output.GetProperty("state").GetString());
        Assert.Equal(100, output.GetProperty("progress").GetInt64());
        Assert.Equal("CS-101", finished.GetProperty("correlationData").GetProperty("courseId").GetString());

        JsonElement errored = jobs.GetProperty(Job7a31);
        Assert.Equal("Error", errored.GetProperty("state").GetString());
        JsonElement failedOutput = errored.GetProperty("outputs")[0];
        Assert.Equal("Error", failedOutput.GetProperty("state").GetString());
        Assert.Equal("ContentUnsupported", failedOutput.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("DoNotRetry", failedOutput.GetProperty("error").GetProperty("retry").GetString());

        JsonElement canceled = jobs.GetProperty(Jobc418);
        Assert.Equal("Canceled", canceled.GetProperty("state").GetString());
        Assert.Equal(58, canceled.GetProperty("outputs")[0].GetProperty("progress").GetInt64());
        Assert.Equal("Canceled", canceled.GetProperty("outputs")[0].GetProperty("state").GetString());

        // CloudEvents: progress 45 then 92 then the output finished at 100.
        JsonElement cloud = jobs.GetProperty(Jobe3d0);
        Assert.Equal("Finished", cloud.GetProperty("state").GetString());
        Assert.Equal(100, cloud.GetProperty("outputs")[0].GetProperty("progress").GetInt64());
        Assert.Equal("evening-news", cloud.GetProperty("correlationData").GetProperty("workflow").GetString());

        // A state the spec does not list survives.
        Assert.Equal("Paused", jobs.GetProperty(Job0c6e).GetProperty("state").GetString());
        Assert.False(jobs.GetProperty(Job0c6e).GetProperty("isFinal").GetBoolean());

        JsonElement studioA = status.GetProperty("liveEvents").GetProperty("liveEvent/studio-a");
        Assert.False(studioA.GetProperty("encoderConnected").GetBoolean());
        JsonElement[] streams = studioA.GetProperty("streams").EnumerateArray().ToArray();
        Assert.Equal(["studio-a-backup", "studio-a-main"], streams.Select(static stream => stream.GetProperty("streamId").GetString()));
        Assert.Equal("Rejected", streams[0].GetProperty("status").GetString());
        Assert.Equal("203.0.113.58:52859", streams[0].GetProperty("encoder").GetString());
        Assert.Equal("Disconnected", streams[1].GetProperty("status").GetString());
        Assert.Equal("203.0.113.24:49321", streams[1].GetProperty("encoder").GetString());
        Assert.Equal("S_OK", streams[1].GetProperty("resultCode").GetString());
        Assert.True(streams[1].GetProperty("gracefulDisconnect").GetBoolean());
        JsonElement video = studioA.GetProperty("tracks").GetProperty("video");
        Assert.True(video.GetProperty("healthy").GetBoolean());
        Assert.Equal(2491733, video.GetProperty("incomingBitrate").GetInt64());
        Assert.Equal(2500000, video.GetProperty("bitrate").GetInt64());
        Assert.Equal(37528400, video.GetProperty("lastDiscontinuity").GetProperty("gap").GetInt64());
        JsonElement audio = studioA.GetProperty("tracks").GetProperty("audio");
        Assert.False(audio.GetProperty("healthy").GetBoolean());
        Assert.True(audio.GetProperty("unexpectedBitrate").GetBoolean());
        Assert.Equal(51200, audio.GetProperty("incomingBitrate").GetInt64());
        Assert.Equal(3, audio.GetProperty("nonIncreasingCount").GetInt64());
        Assert.Equal("FragmentDrop_OverlapTimestamp", audio.GetProperty("lastDroppedChunk").GetProperty("resultCode").GetString());
        Assert.StartsWith("first at 36260000000", studioA.GetProperty("videoStreamsOutOfSync").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, studioA.GetProperty("archive").GetProperty("channelLatencyMs").GetInt64());

        // The events are from 2024: by the system clock, every track went unheard long ago.
        Assert.Equal(["audio", "video"], studioA.GetProperty("staleTracks").EnumerateArray().Select(static name => name.GetString()));

        JsonElement studioB = status.GetProperty("liveEvents").GetProperty("liveEvent/studio-b");
        Assert.False(studioB.GetProperty("encoderConnected").GetBoolean());
        Assert.Equal("MPE_CLIENT_DISCONNECTED", studioB.GetProperty("streams")[0].GetProperty("resultCode").GetString());
        Assert.True(studioB.GetProperty("tracks").GetProperty("audio").GetProperty("healthy").GetBoolean());
        Assert.Equal(155903, studioB.GetProperty("tracks").GetProperty("audio").GetProperty("incomingBitrate").GetInt64());
    }

    [Fact]
    public async Task Older_events_arriving_late_do_not_overwrite_newer_state()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        const string Job = "transforms/t/jobs/late";
        const string Live = "liveEvent/late";

        await Post(server, Events.Batch(
            Events.JobState(Job, Events.T0.AddMinutes(5), "Processing", "Finished"),
            Events.OutputState(Job, Events.T0.AddMinutes(5), "out", "Processing", "Finished", 100),
            Events.Heartbeat(Live, Events.T0.AddMinutes(5), "video", 2_000_000, healthy: true)));
        await Post(server, Events.Batch(
            Events.JobProgress(Job, Events.T0.AddMinutes(2), "out", 40),
            Events.JobState(Job, Events.T0.AddMinutes(1), "Scheduled", "Processing"),
            Events.Heartbeat(Live, Events.T0.AddMinutes(4), "video", 10, healthy: false)));

        JsonElement status = await server.GetStatusAsync();
        JsonElement job = status.GetProperty("jobs").GetProperty(Job);
        Assert.Equal("Finished", job.GetProperty("state").GetString());
        Assert.Equal("Processing", job.GetProperty("previousState").GetString());
        Assert.Equal(100, job.GetProperty("outputs")[0].GetProperty("progress").GetInt64());
        Assert.Equal(Events.T0.AddMinutes(5), job.GetProperty("lastEventTime").GetDateTimeOffset());
        JsonElement track = status.GetProperty("liveEvents").GetProperty(Live).GetProperty("tracks").GetProperty("video");
        Assert.True(track.GetProperty("healthy").GetBoolean());
        Assert.Equal(2_000_000, track.GetProperty("incomingBitrate").GetInt64());
        Assert.Equal(Events.T0.AddMinutes(5), track.GetProperty("lastHeartbeat").GetDateTimeOffset());
        Assert.Equal(Events.T0.AddMinutes(4), track.GetProperty("lastUnhealthy").GetDateTimeOffset());
    }

    [Fact]
    public async Task One_unreadable_event_is_logged_and_the_others_are_applied_with_200()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        string jobs = WebhookServer.ReadSample("eventgrid-jobs.json");
        string broken = jobs.Replace("\"progress\": 37", "\"progress\": \"abc\"", StringComparison.Ordinal);
        Assert.NotEqual(jobs, broken);

        using HttpResponseMessage response = await server.PostEventsAsync(broken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(15, summary.RootElement.GetProperty("received").GetInt32());
        Assert.Equal(14, summary.RootElement.GetProperty("applied").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("failed").GetInt32());
        JsonElement failure = Assert.Single(summary.RootElement.GetProperty("failures").EnumerateArray());
        Assert.Equal(4, failure.GetProperty("index").GetInt32());
        Assert.Equal("$[4].data.progress", failure.GetProperty("path").GetString());

        JsonElement status = await server.GetStatusAsync();
        Assert.Equal("Finished", status.GetProperty("jobs").GetProperty(Job2f9c).GetProperty("state").GetString());
        Assert.Equal("Canceled", status.GetProperty("jobs").GetProperty(Jobc418).GetProperty("state").GetString());

        var line = Assert.Single(server.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.StartsWith("Event 4 ", StringComparison.Ordinal));
        Assert.Contains("Microsoft.Media.JobOutputProgress", line.Message, StringComparison.Ordinal);
        Assert.Contains("$[4].data.progress", line.Message, StringComparison.Ordinal);
        Assert.Contains(failure.GetProperty("id").GetString()!, line.Message, StringComparison.Ordinal);
        Assert.Contains("abc", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.Message);
    }

    [Fact]
    public async Task An_event_the_tracker_cannot_apply_is_counted_and_logged_with_its_index_and_the_others_are_applied()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        string noSubject = Events.JobState("/", Events.T0, "Queued", "Scheduled");

        JsonElement summary = await SampleDeliveries.PostOneAsync(server, Events.Batch(
            Events.JobState("transforms/t/jobs/fine", Events.T0, "Queued", "Scheduled"),
            "{\"id\":\"broken\"}",
            noSubject));

        Assert.Equal((3, 1, 1, 1), (summary.GetProperty("received").GetInt32(), summary.GetProperty("applied").GetInt32(), summary.GetProperty("invalid").GetInt32(), summary.GetProperty("failed").GetInt32()));
        var line = Assert.Single(server.Logs.Entries, static entry => entry.Message.Contains("could not be applied", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("Event 2 of the delivery could not be applied", line.Message, StringComparison.Ordinal);
        Assert.Contains("has no subject", line.Message, StringComparison.Ordinal);
        Assert.Equal(["transforms/t/jobs/fine"], (await server.GetStatusAsync()).GetProperty("jobs").EnumerateObject().Select(static job => job.Name));
    }

    [Theory]
    [InlineData("this is not json", "not valid JSON")]
    [InlineData("[{\"id\":\"1\",\"eventType\":\"Microsoft.Media.JobStateChange\",\"data\":{\"state\":", "not valid JSON")]
    [InlineData("\"just a string\"", "Expected a JSON array of events or a single event object")]
    [InlineData("", "empty")]
    [InlineData("[] []", "Unexpected content after the end")]
    [InlineData("42", "Expected a JSON array of events or a single event object, found")]
    public async Task A_body_that_is_not_events_is_400_naming_what_was_wrong(string body, string expected)
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        using HttpResponseMessage response = await server.PostEventsAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_sample_is_400()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        string sample = WebhookServer.ReadSample("cloudevents-mixed.json");

        using HttpResponseMessage response = await server.PostEventsAsync(sample[..(sample.Length / 2)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(WebhookServer.IsEmpty(await server.GetStatusAsync()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_413_with_or_without_content_length(bool withLength)
    {
        await using WebhookServer server = await WebhookServer.StartAsync(["--Webhook:MaxInputBytes=1024"]);
        string big = Events.Batch(Enumerable.Range(0, 20).Select(i => Events.JobState("transforms/t/jobs/j" + i, Events.T0, "Queued", "Scheduled")).ToArray());
        Assert.True(Encoding.UTF8.GetByteCount(big) > 1024);
        HttpContent content = withLength ? new StringContent(big, Encoding.UTF8, "application/json") : new ChunkedContent(big);

        using HttpResponseMessage response = await server.Client.PostAsync($"/api/events?code={WebhookServer.Secret}", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Webhook:MaxInputBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(WebhookServer.IsEmpty(await server.GetStatusAsync()));
    }

    [Fact]
    public async Task A_body_at_the_limit_is_read()
    {
        string body = Events.Batch(Events.JobState("transforms/t/jobs/j", Events.T0, "Queued", "Scheduled"));
        int size = Encoding.UTF8.GetByteCount(body);
        await using WebhookServer server = await WebhookServer.StartAsync(["--Webhook:MaxInputBytes=" + size]);

        using HttpResponseMessage chunked = await server.Client.PostAsync($"/api/events?code={WebhookServer.Secret}", new ChunkedContent(body));
        using HttpResponseMessage sized = await server.PostEventsAsync(body);

        Assert.True(chunked.StatusCode == HttpStatusCode.OK, await chunked.Content.ReadAsStringAsync());
        Assert.True(sized.StatusCode == HttpStatusCode.OK, await sized.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Our_own_failure_is_500_so_that_Event_Grid_retries()
    {
        await using WebhookServer server = await WebhookServer.StartAsync(
            configure: builder => builder.Services.AddSingleton<IMediaStateStore, FailingStore>());

        using HttpResponseMessage response = await server.PostEventsAsync(WebhookServer.ReadSample("eventgrid-jobs.json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains("retry", body, StringComparison.Ordinal);
        Assert.DoesNotContain("store is down", body, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains("500", StringComparison.Ordinal));

        // What the client got wrong stays 400 even when the store is down: a retry would not help.
        using HttpResponseMessage notJson = await server.PostEventsAsync("nope");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        using HttpResponseMessage status = await server.Client.GetAsync($"/status?code={WebhookServer.Secret}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
        Assert.DoesNotContain("store is down", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_goes_away_while_events_are_applied_stops_the_delivery_before_anything_is_written()
    {
        var store = new BlockingStore();
        await using WebhookServer server = await WebhookServer.StartAsync(configure: builder =>
        {
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<IMediaStateStore>(provider => store.Over(provider));
        });
        using var cancellation = new CancellationTokenSource();

        Task<HttpResponseMessage> post = server.Client.PostAsync(
            $"/api/events?code={WebhookServer.Secret}",
            new StringContent(WebhookServer.ReadSample("eventgrid-jobs.json"), Encoding.UTF8, "application/json"),
            cancellation.Token);
        Assert.True(store.FirstReadEntered.Wait(TimeSpan.FromSeconds(10)), "The tracker never read the store.");
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);

        Assert.True(store.FirstReadLeft.Wait(TimeSpan.FromSeconds(10)), "The server never saw the client go away.");
        for (int wait = 0; wait < 100 && !server.Logs.Entries.Any(static entry => entry.Message.Contains("went away", StringComparison.Ordinal)); wait++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(server.Logs.Entries, static entry => entry.Level == LogLevel.Warning && entry.Message.Contains("went away", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Logs.Entries, static entry => entry.Level == LogLevel.Error);
        Assert.Equal(1, store.Reads);
        Assert.Empty(store.Inner.Keys);
    }

    private static async Task Post(WebhookServer server, string json)
    {
        using HttpResponseMessage response = await server.PostEventsAsync(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Holds the tracker's first read until the request is aborted, then counts the reads; writes go to memory with the token given.</summary>
    private sealed class BlockingStore : IMediaStateStore
    {
        private IHttpContextAccessor? _http;
        private int _reads;

        public InMemoryMediaStateStore Inner { get; } = new();

        public ManualResetEventSlim FirstReadEntered { get; } = new();

        public ManualResetEventSlim FirstReadLeft { get; } = new();

        public int Reads => Volatile.Read(ref _reads);

        public BlockingStore Over(IServiceProvider services)
        {
            _http = services.GetRequiredService<IHttpContextAccessor>();
            return this;
        }

        public ValueTask<StoredSnapshot?> ReadAsync(MediaEntityKey key, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _reads) == 1)
            {
                CancellationToken aborted = _http!.HttpContext!.RequestAborted;
                FirstReadEntered.Set();
                aborted.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
                FirstReadLeft.Set();
            }

            return Inner.ReadAsync(key, cancellationToken);
        }

        public ValueTask<string?> TryWriteAsync(MediaEntityKey key, EntitySnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken = default) =>
            Inner.TryWriteAsync(key, snapshot, expectedVersion, cancellationToken);

        public IAsyncEnumerable<StoredSnapshot> ReadAllAsync(MediaEntityKind kind, CancellationToken cancellationToken = default) =>
            Inner.ReadAllAsync(kind, cancellationToken);
    }

    private sealed class FailingStore : IMediaStateStore
    {
        public ValueTask<StoredSnapshot?> ReadAsync(MediaEntityKey key, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The store is down.");

        public ValueTask<string?> TryWriteAsync(MediaEntityKey key, EntitySnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The store is down.");

        public IAsyncEnumerable<StoredSnapshot> ReadAllAsync(MediaEntityKind kind, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The store is down.");
    }
}
