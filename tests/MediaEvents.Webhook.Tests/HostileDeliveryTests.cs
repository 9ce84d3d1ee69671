using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;
using Xunit.Abstractions;

namespace MediaEvents.Webhook.Tests;

/// <summary>
/// Deliveries made to cost the endpoint (issue #12): however many of a delivery's events fail, the response, the
/// log and the time stay small, and a delivery of more events than Event Grid ever sends is refused whole.
/// </summary>
public sealed class HostileDeliveryTests
{
    private readonly ITestOutputHelper _output;

    public HostileDeliveryTests(ITestOutputHelper output) => _output = output;

    // A JSON array of count empty objects: every one fails, 3 bytes each.
    private static string EmptyObjects(int count) => "[" + string.Join(",", Enumerable.Repeat("{}", count)) + "]";

    [Fact]
    public async Task A_delivery_of_more_events_than_the_limit_is_refused_with_413_and_nothing_applied()
    {
        await using WebhookServer server = await WebhookServer.StartAsync(["--Webhook:MaxEventsPerDelivery=3"]);
        string job = "transforms/t/jobs/too-many";
        string body = Events.Batch(Enumerable.Range(0, 4).Select(i => Events.JobProgress(job, Events.T0.AddSeconds(i), "out", i)).ToArray());

        using HttpResponseMessage response = await server.PostEventsAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        string detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Equal("The delivery holds more than 3 events, the limit of this endpoint (Webhook:MaxEventsPerDelivery).", detail);
        Assert.True(WebhookServer.IsEmpty(await server.GetStatusAsync()));
    }

    [Fact]
    public async Task A_1_MB_delivery_of_empty_objects_is_refused_small_and_fast()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        string body = EmptyObjects(330_000);

        var clock = Stopwatch.StartNew();
        using HttpResponseMessage response = await server.PostEventsAsync(body);
        clock.Stop();

        // Not a timing assertion (the benchmarks measure speed): the figure is printed for the README.
        byte[] answer = await response.Content.ReadAsByteArrayAsync();
        _output.WriteLine($"{body.Length:N0} bytes of {{}}: {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms, {answer.Length} bytes of response, {server.Logs.Entries.Count} log lines");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.InRange(answer.Length, 1, 1024);
        Assert.InRange(server.Logs.Entries.Count(static e => e.Category.EndsWith("EventsEndpoint", StringComparison.Ordinal)), 1, 1);
    }

    [Fact]
    public async Task A_delivery_that_fails_every_event_lists_and_logs_the_first_100_and_counts_the_rest()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        string body = EmptyObjects(5_000);

        using HttpResponseMessage response = await server.PostEventsAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] answer = await response.Content.ReadAsByteArrayAsync();
        _output.WriteLine($"5,000 failures: {answer.Length:N0} bytes of response, {server.Logs.Entries.Count} log lines");
        Assert.InRange(answer.Length, 1, 64 * 1024);
        JsonElement summary = JsonDocument.Parse(answer).RootElement;
        Assert.Equal(5_000, summary.GetProperty("received").GetInt32());
        Assert.Equal(0, summary.GetProperty("applied").GetInt32());
        Assert.Equal(5_000, summary.GetProperty("failed").GetInt32());
        Assert.Equal(100, summary.GetProperty("failures").GetArrayLength());
        Assert.Equal("$[99]", summary.GetProperty("failures")[99].GetProperty("path").GetString());
        Assert.Equal(4_900, summary.GetProperty("failuresNotListed").GetInt32());

        string[] lines = server.Logs.Entries
            .Where(static e => e.Category.EndsWith("EventsEndpoint", StringComparison.Ordinal))
            .Select(static e => e.Message)
            .ToArray();
        Assert.Equal(100, lines.Count(static line => line.StartsWith("Event ", StringComparison.Ordinal)));
        Assert.Contains("4900 more event(s) of the delivery could not be read; only the first 100 are logged one by one (Webhook:MaxFailuresReported)", lines);
        Assert.Equal(102, lines.Length);
    }

    [Fact]
    public async Task MaxFailuresReported_sets_how_many_are_listed_and_logged()
    {
        await using WebhookServer server = await WebhookServer.StartAsync(["--Webhook:MaxFailuresReported=2"]);

        using HttpResponseMessage response = await server.PostEventsAsync(EmptyObjects(5));

        JsonElement summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, summary.GetProperty("failures").GetArrayLength());
        Assert.Equal(3, summary.GetProperty("failuresNotListed").GetInt32());
        Assert.Equal(2, server.Logs.Entries.Count(static e => e.Level == LogLevel.Warning && e.Message.StartsWith("Event ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("--Webhook:MaxEventsPerDelivery=0", "Webhook:MaxEventsPerDelivery is 0: it must be at least 1")]
    [InlineData("--Webhook:MaxFailuresReported=-1", "Webhook:MaxFailuresReported is -1: it must be 0 or more.")]
    [InlineData("--Webhook:MaxEventsPerDelivery=many", "Webhook:MaxEventsPerDelivery is 'many', which is not a whole number.")]
    public async Task Bad_limits_stop_the_app_with_a_clear_message(string argument, string message)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookServer.StartAsync([argument]));

        Assert.Contains(exception.Failures, failure => failure.Contains(message, StringComparison.Ordinal));
    }

    /// <summary>
    /// The concurrency test's good deliveries, with hostile ones mixed in (1 MB of <c>{}</c>, refused, and 5,000
    /// failures, answered): every good delivery is applied, and the hostile ones cost little. Figures are printed.
    /// </summary>
    [Fact]
    public async Task Good_deliveries_among_hostile_ones_are_all_applied()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        string good = Events.Batch(Events.JobState("transforms/t/jobs/mixed", Events.T0, "Scheduled", "Processing"));
        string[] bodies = Enumerable.Range(0, 32).Select(i => (i % 4) switch
        {
            0 => EmptyObjects(330_000),
            1 => EmptyObjects(5_000),
            _ => good,
        }).ToArray();

        // The latency of good deliveries on their own first (16 at once, of another job), to compare with theirs
        // among the hostile ones. Printed for the README, not asserted: the benchmarks are for speed.
        string alone = Events.Batch(Events.JobState("transforms/t/jobs/alone", Events.T0, "Scheduled", "Processing"));
        (HttpResponseMessage Response, double Milliseconds)[] warmUp = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => TimedPostAsync(server, alone)));
        (HttpResponseMessage Response, double Milliseconds)[] goodAlone = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => TimedPostAsync(server, alone)));

        int logLinesBefore = server.Logs.Entries.Count;
        long before = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        (HttpResponseMessage Response, double Milliseconds)[] timed = await Task.WhenAll(bodies.Select(body => TimedPostAsync(server, body)));
        clock.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        HttpResponseMessage[] responses = timed.Select(static t => t.Response).ToArray();
        double[] goodAmongHostile = timed.Where((_, i) => bodies[i] == good).Select(static t => t.Milliseconds).ToArray();

        long answered = 0;
        int applied = 0, duplicates = 0;
        foreach (HttpResponseMessage response in responses)
        {
            byte[] answer = await response.Content.ReadAsByteArrayAsync();
            answered += answer.Length;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                JsonElement summary = JsonDocument.Parse(answer).RootElement;
                applied += summary.GetProperty("applied").GetInt32();
                duplicates += summary.GetProperty("duplicates").GetInt32();
            }
        }

        _output.WriteLine($"32 deliveries (8 of 1 MB {{}}, 8 of 5,000 failures, 16 good) at once: {clock.ElapsedMilliseconds} ms, {allocated / (1024 * 1024)} MB allocated in the process, {answered:N0} bytes of responses, {server.Logs.Entries.Count - logLinesBefore} log lines");
        _output.WriteLine($"good deliveries, 16 at once on their own: {Latencies(goodAlone.Select(static t => t.Milliseconds))}; among the hostile ones: {Latencies(goodAmongHostile)}");
        Assert.All(warmUp.Concat(goodAlone), static t => Assert.Equal(HttpStatusCode.OK, t.Response.StatusCode));
        Assert.Equal(
            bodies.Select(static body => body.Length > 100_000 ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.OK),
            responses.Select(static response => response.StatusCode));
        // The good deliveries are one delivery, redelivered: its event is applied once, and recognised 15 times.
        Assert.Equal((1, 15), (applied, duplicates));
        JsonElement status = await server.GetStatusAsync();
        Assert.Equal("Processing", status.GetProperty("jobs").GetProperty("transforms/t/jobs/mixed").GetProperty("state").GetString());
        Assert.InRange(server.Logs.Entries.Count - logLinesBefore, 1, 8 + (8 * 102) + 16 + 10);
        foreach (HttpResponseMessage response in responses.Concat(warmUp.Concat(goodAlone).Select(static t => t.Response)))
        {
            response.Dispose();
        }
    }

    private static async Task<(HttpResponseMessage Response, double Milliseconds)> TimedPostAsync(WebhookServer server, string body)
    {
        long start = Stopwatch.GetTimestamp();
        HttpResponseMessage response = await server.PostEventsAsync(body);
        return (response, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static string Latencies(IEnumerable<double> milliseconds)
    {
        double[] sorted = milliseconds.Order().ToArray();
        return FormattableString.Invariant($"median {sorted[sorted.Length / 2]:F0} ms, slowest {sorted[^1]:F0} ms");
    }
}
