using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MediaEvents.Webhook.Tests;

/// <summary>
/// Event Grid delivers at least once and in no guaranteed order: <c>/status</c> is the same, byte for byte, whatever
/// order the same events came in, however they were split into deliveries and however often they were redelivered.
/// </summary>
public sealed class RedeliveryTests
{
    [Fact]
    public async Task Redelivering_every_delivery_leaves_the_status_byte_for_byte_unchanged()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        JsonElement[] first = await SampleDeliveries.PostAllAsync(server);
        string before = await server.GetStatusTextAsync();

        JsonElement[] again = await SampleDeliveries.PostAllAsync(server);

        Assert.Equal(before, await server.GetStatusTextAsync());
        Assert.Equal(SampleDeliveries.TrackedEvents, SampleDeliveries.Sum(first, "applied"));
        Assert.Equal(0, SampleDeliveries.Sum(again, "applied"));
        Assert.Equal(SampleDeliveries.TrackedEvents, SampleDeliveries.Sum(again, "duplicates"));
        Assert.Equal(2, SampleDeliveries.Sum(again, "notTracked"));
        Assert.Contains("\"transforms/VideoAnalyzerTransform/jobs/job-2f9c\"", before, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_same_events_in_another_order_split_over_other_deliveries_give_the_same_status(int seed)
    {
        await using WebhookServer inOrder = await WebhookServer.StartAsync();
        await using WebhookServer shuffled = await WebhookServer.StartAsync();
        await SampleDeliveries.PostAllAsync(inOrder);

        JsonElement[] answers = await SampleDeliveries.PostAsync(shuffled, SampleDeliveries.Reshuffled(seed));

        Assert.Equal(await inOrder.GetStatusTextAsync(), await shuffled.GetStatusTextAsync());
        Assert.Equal(SampleDeliveries.TrackedEvents, SampleDeliveries.Sum(answers, "applied"));
    }

    [Fact]
    public async Task Stale_tracks_are_told_by_the_apps_clock()
    {
        // studio-b, in the CloudEvents sample, has one track (audio): stale 60 seconds after it was last heard of, not before.
        var clock = new ManualClock(DateTimeOffset.Parse("2024-03-14T09:30:00Z"));
        await using WebhookServer server = await WebhookServer.StartAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await SampleDeliveries.PostOneAsync(server, WebhookServer.ReadSample("cloudevents-mixed.json"));
        JsonElement studioB = (await server.GetStatusAsync()).GetProperty("liveEvents").GetProperty("liveEvent/studio-b");
        DateTimeOffset lastSeen = studioB.GetProperty("tracks").GetProperty("audio").GetProperty("lastSeen").GetDateTimeOffset();

        clock.Now = lastSeen.AddSeconds(60);
        Assert.Empty((await server.GetStatusAsync()).GetProperty("liveEvents").GetProperty("liveEvent/studio-b").GetProperty("staleTracks").EnumerateArray());

        clock.Now = lastSeen.AddSeconds(61);
        JsonElement stale = (await server.GetStatusAsync()).GetProperty("liveEvents").GetProperty("liveEvent/studio-b").GetProperty("staleTracks");
        Assert.Equal(["audio"], stale.EnumerateArray().Select(static name => name.GetString()));
    }

    [Fact]
    public async Task The_activity_log_writes_each_job_outcome_and_encoder_change_once_however_often_it_is_delivered()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        await SampleDeliveries.PostAllAsync(server);
        await SampleDeliveries.PostAllAsync(server);

        string[] lines = server.Logs.Entries.Where(static entry => entry.Category == typeof(MediaActivityLog).FullName).Select(static entry => entry.Message).ToArray();
        Assert.Single(lines, static line => line.StartsWith("Job transforms/VideoAnalyzerTransform/jobs/job-2f9c finished at 2024-03-14T09:16:48", StringComparison.Ordinal));
        Assert.Single(lines, static line => line.StartsWith("Job transforms/VideoAnalyzerTransform/jobs/job-c418 was canceled", StringComparison.Ordinal));
        string failed = Assert.Single(lines, static line => line.StartsWith("Job transforms/VideoAnalyzerTransform/jobs/job-7a31 failed", StringComparison.Ordinal));
        Assert.Contains("ContentUnsupported (DoNotRetry)", failed, StringComparison.Ordinal);
        Assert.Single(lines, static line => line.StartsWith("Encoder 203.0.113.24 connected to liveEvent/studio-a", StringComparison.Ordinal));
        Assert.Single(lines, static line => line.StartsWith("Encoder refused by liveEvent/studio-a (stream studio-a-backup)", StringComparison.Ordinal));
        Assert.Single(lines, static line => line.StartsWith("Encoder disconnected from liveEvent/studio-b (stream studio-b-main) with MPE_CLIENT_DISCONNECTED", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(static line => line.Contains("finished at", StringComparison.Ordinal)));
        Assert.All(server.Logs.Entries.Where(static entry => entry.Level >= LogLevel.Error), static entry => Assert.Fail(entry.Message));
    }
}
