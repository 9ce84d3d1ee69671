using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Webhook.Tests;

public sealed class ConcurrencyTests
{
    private const int Deliveries = 20;
    private const string Live = "liveEvent/shared";

    [Fact]
    public async Task Parallel_deliveries_keep_a_consistent_state()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        // Each delivery: one job of its own (its events out of order within the batch), a heartbeat and a
        // progress report on state shared by all deliveries, and one unknown event.
        string[] bodies = Enumerable.Range(0, Deliveries).Select(Delivery).ToArray();
        HttpResponseMessage[] responses = await Task.WhenAll(bodies.Select(body => server.PostEventsAsync(body)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        int applied = 0, notTracked = 0;
        foreach (HttpResponseMessage response in responses)
        {
            JsonElement summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            applied += summary.GetProperty("applied").GetInt32();
            notTracked += summary.GetProperty("notTracked").GetInt32();
            response.Dispose();
        }

        Assert.Equal((Deliveries * 6, Deliveries), (applied, notTracked));
        JsonElement status = await server.GetStatusAsync();
        JsonElement jobs = status.GetProperty("jobs");
        Assert.Equal(Deliveries + 1, jobs.EnumerateObject().Count());
        for (int i = 0; i < Deliveries; i++)
        {
            JsonElement job = jobs.GetProperty(JobSubject(i));
            Assert.Equal("Finished", job.GetProperty("state").GetString());
            Assert.Equal("Processing", job.GetProperty("previousState").GetString());
            JsonElement output = Assert.Single(job.GetProperty("outputs").EnumerateArray());
            Assert.Equal("Finished", output.GetProperty("state").GetString());
            Assert.Equal(100, output.GetProperty("progress").GetInt64());
        }

        // The shared job's progress is the highest report, whatever order the deliveries were applied in.
        JsonElement shared = jobs.GetProperty("transforms/t/jobs/shared");
        Assert.Equal(Deliveries - 1, shared.GetProperty("outputs")[0].GetProperty("progress").GetInt64());
        Assert.Equal(Events.T0.AddSeconds(Deliveries - 1), shared.GetProperty("lastEventTime").GetDateTimeOffset());

        // The track is as its newest heartbeat says, whichever delivery was applied last.
        JsonElement liveEvent = status.GetProperty("liveEvents").GetProperty(Live);
        JsonElement track = liveEvent.GetProperty("tracks").GetProperty("video");
        Assert.Equal(1000 + Deliveries - 1, track.GetProperty("incomingBitrate").GetInt64());
        Assert.Equal(Events.T0.AddSeconds(Deliveries - 1), track.GetProperty("lastHeartbeat").GetDateTimeOffset());
        Assert.True(track.GetProperty("healthy").GetBoolean());
    }

    private static string JobSubject(int i) => $"transforms/t/jobs/job-{i:D2}";

    private static string Delivery(int i)
    {
        string job = JobSubject(i);
        DateTimeOffset t = Events.T0.AddSeconds(i);
        return Events.Batch(
            Events.JobState(job, t.AddMinutes(3), "Processing", "Finished"),
            Events.OutputState(job, t.AddMinutes(3), "out", "Processing", "Finished", 100),
            Events.JobProgress(job, t.AddMinutes(2), "out", 50),
            Events.JobState(job, t.AddMinutes(1), "Scheduled", "Processing"),
            Events.JobProgress("transforms/t/jobs/shared", t, "out", i),
            Events.Heartbeat(Live, t, "video", 1000 + i, healthy: i == Deliveries - 1),
            Events.Unknown("other/" + i, t));
    }
}
