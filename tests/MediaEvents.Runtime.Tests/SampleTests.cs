using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>The bundled samples (<c>samples/events</c>, copied next to the tests) read without a failure.</summary>
public class SampleTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    private static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    [Theory]
    [InlineData("eventgrid-jobs.json", MediaEventSchema.EventGrid)]
    [InlineData("eventgrid-live.json", MediaEventSchema.EventGrid)]
    [InlineData("eventgrid-unknown.json", MediaEventSchema.EventGrid)]
    [InlineData("cloudevents-mixed.json", MediaEventSchema.CloudEvents)]
    public async Task Sample_ReadsWithoutFailures(string name, MediaEventSchema schema)
    {
        await using FileStream stream = File.OpenRead(SamplePath(name));

        MediaEventBatch batch = await s_reader.ReadAsync(stream);

        Assert.False(batch.HasFailures, string.Join("\n", batch.Failures));
        Assert.NotEmpty(batch);
        Assert.All(batch.Events, e =>
        {
            Assert.Equal(schema, e.Schema);
            Assert.False(string.IsNullOrEmpty(e.Id));
            Assert.NotNull(e.Time);
            Assert.False(e.RawData.IsEmpty);

            // Every event type of the spec is known and read into its generated data type; the samples' others are not.
            if (e.EventType is "Microsoft.Media.LiveEventFutureFeature" or "Microsoft.Storage.BlobCreated")
            {
                Assert.False(e.IsKnown);
                Assert.Null(e.TypedData);
            }
            else
            {
                Assert.True(e.IsKnown, e.EventType);
                Assert.Equal("Media" + e.EventType["Microsoft.Media.".Length..] + "EventData", e.TypedData!.GetType().Name);
            }
        });
        Assert.Equal(batch.Count, batch.Events.Select(static e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task CloudEventsSample_KeepsThePlusTwoOffset()
    {
        await using FileStream stream = File.OpenRead(SamplePath("cloudevents-mixed.json"));

        MediaEventBatch batch = await s_reader.ReadAsync(stream);

        Assert.Contains(batch.Events, static e => e.Time!.Value.Offset == TimeSpan.FromHours(2));
        Assert.Contains(batch.Events, static e => e.DataContentType == "application/json");
        Assert.Contains(batch.Events, static e => e.IsKnown);
    }

    [Fact]
    public async Task UnknownSample_KeepsTheUnknownStateAndMember()
    {
        await using FileStream stream = File.OpenRead(SamplePath("eventgrid-unknown.json"));

        MediaEventBatch batch = await s_reader.ReadAsync(stream);

        var paused = Assert.Single(batch.Events.OfType<MediaEvent<MediaJobStateChangeEventData>>());
        Assert.Equal("Paused", paused.Data.State);
        Assert.NotNull(paused.Data.UnknownMembers?.Find("jobPriority"));
        Assert.Contains(batch.Events, static e => e.EventType == "Microsoft.Storage.BlobCreated" && !e.IsKnown);
    }

    [Fact]
    public async Task JobsSample_ReadsTheProgressEvent()
    {
        await using FileStream stream = File.OpenRead(SamplePath("eventgrid-jobs.json"));

        MediaEventBatch batch = await s_reader.ReadAsync(stream);

        var progress = Assert.Single(batch.Events.OfType<MediaEvent<MediaJobOutputProgressEventData>>());
        Assert.Equal(37L, progress.Data.Progress);
        Assert.Equal(TimeSpan.Zero, progress.Time!.Value.Offset);
    }
}
