using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static MediaEvents.Tracking.Tests.DocEvents;

namespace MediaEvents.Tracking.Tests;

/// <summary>The store seam: conditional writes, retries after losing to another writer, many trackers on one store.</summary>
public sealed class StoreTests
{
    [Fact]
    public async Task A_write_that_loses_to_another_writer_is_retried_on_the_newer_snapshot()
    {
        var store = new RacingStore(new InMemoryMediaStateStore());
        var tracker = new MediaStateTracker(store);
        var rival = new MediaStateTracker(store.Inner);

        // Between the tracker's read and its write, another instance applies the Scheduled event.
        store.BeforeNextWrite = () => rival.Apply(JobState("JobScheduled", "s", Start, "Queued", "Scheduled"));
        TrackingResult result = await tracker.ApplyAsync(Progress("p", Start.AddSeconds(30), 40));

        Assert.Equal(TrackingOutcome.Applied, result.Outcome);
        Assert.Equal(2, store.Writes);
        JobSnapshot job = (await tracker.GetJobAsync(Job))!;
        Assert.Equal(JobState.Scheduled, job.State);
        Assert.Equal(40, job.GetOutput(Label)!.Progress);
        Assert.True(job.HasApplied("s") && job.HasApplied("p"));
    }

    [Fact]
    public async Task A_snapshot_that_keeps_changing_ends_in_a_conflict_exception()
    {
        var store = new RacingStore(new InMemoryMediaStateStore()) { AlwaysLose = true };
        var tracker = new MediaStateTracker(store, new MediaStateTrackerOptions { MaxWriteAttempts = 3 });

        var exception = await Assert.ThrowsAsync<MediaStateConflictException>(async () => await tracker.ApplyAsync(Progress("p", Start, 40)));
        Assert.Equal(3, exception.Attempts);
        Assert.Equal(MediaEntityKey.Job(Job), exception.Key);
        Assert.Equal(3, store.Writes);
    }

    [Fact]
    public void The_synchronous_methods_refuse_a_store_other_than_the_in_memory_one_before_doing_anything()
    {
        var store = new RacingStore(new InMemoryMediaStateStore());
        var tracker = new MediaStateTracker(store);

        Assert.Throws<InvalidOperationException>(() => tracker.Apply(Progress("p", Start, 40)));
        Assert.Throws<InvalidOperationException>(() => tracker.GetJob(Job));
        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task Trackers_applying_at_once_to_one_store_reach_the_in_order_state()
    {
        MediaEvent[] events = Scenarios.JobThatErrors();
        var expected = new MediaStateTracker();
        expected.Apply(events);

        var store = new InMemoryMediaStateStore();
        var options = new MediaStateTrackerOptions { MaxWriteAttempts = 1000 };
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var tracker = new MediaStateTracker(store, options);
            foreach (MediaEvent mediaEvent in events.Reverse().Skip(worker).Concat(events.Take(worker)))
            {
                await tracker.ApplyAsync(mediaEvent);
            }
        })));

        Assert.Equal(expected.GetJob(Job), await new MediaStateTracker(store).GetJobAsync(Job));
    }

    [Fact]
    public async Task The_in_memory_store_writes_only_on_the_version_it_was_given()
    {
        var store = new InMemoryMediaStateStore();
        MediaEntityKey key = MediaEntityKey.Job(Job);
        var snapshot = new JobSnapshot { Subject = Job };

        string? first = await store.TryWriteAsync(key, snapshot, expectedVersion: null);
        Assert.NotNull(first);
        Assert.Null(await store.TryWriteAsync(key, snapshot, expectedVersion: null));
        Assert.Null(await store.TryWriteAsync(key, snapshot, expectedVersion: "not-" + first));
        string? second = await store.TryWriteAsync(key, snapshot with { State = JobState.Finished }, first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(JobState.Finished, ((JobSnapshot)(await store.ReadAsync(key))!.Snapshot).State);
        Assert.Null(await store.TryWriteAsync(key, snapshot, first));
    }

    [Fact]
    public async Task The_tracker_lists_every_job_and_live_event_of_its_store_by_kind()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply([.. Scenarios.JobThatErrors(), .. Scenarios.LiveEventSession()]);
        tracker.Apply(JobState("JobScheduled", "other", Start, "Queued", "Scheduled", subject: "transforms/T/jobs/other"));

        List<JobSnapshot> jobs = await tracker.GetJobsAsync().ToListAsync();

        Assert.Equal(new[] { "transforms/T/jobs/other", Job }.Order(StringComparer.Ordinal), jobs.Select(static job => job.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(tracker.GetJob(Job), jobs.Single(static job => job.Subject == Job));
        Assert.Equal(jobs.ToHashSet(), tracker.GetJobs().ToHashSet());
        LiveEventSnapshot live = Assert.Single(tracker.GetLiveEvents());
        Assert.Equal(tracker.GetLiveEvent(Live), live);
        Assert.Empty(await new MediaStateTracker(new InMemoryMediaStateStore()).GetJobsAsync().ToListAsync());
    }

    [Fact]
    public async Task Stale_tracks_of_a_snapshot_already_read_follow_the_trackers_clock()
    {
        var clock = new FixedClock(Start.AddSeconds(145)); // the video track was last heard at 80 s, the audio track at 80 s
        var tracker = new MediaStateTracker(new InMemoryMediaStateStore(), timeProvider: clock);
        await tracker.ApplyAsync(Scenarios.LiveEventSession());
        LiveEventSnapshot live = (await tracker.GetLiveEventAsync(Live))!;

        Assert.NotEmpty(tracker.GetStaleTracks(live));
        Assert.Equal(
            (await tracker.GetStaleTracksAsync(Live)).Select(static track => track.TrackName),
            tracker.GetStaleTracks(live).Select(static track => track.TrackName));
        Assert.Equal(
            live.GetStaleTracks(clock.GetUtcNow(), MediaStateTrackerOptions.Default.StaleAfter).Select(static track => track.TrackName),
            tracker.GetStaleTracks(live).Select(static track => track.TrackName));
    }

    [Fact]
    public void Keys_name_the_resource_without_a_leading_slash()
    {
        Assert.Equal(MediaEntityKey.LiveEvent("LiveEvents/x"), MediaEntityKey.LiveEvent("/LiveEvents/x"));
        Assert.NotEqual(MediaEntityKey.Job("x"), MediaEntityKey.LiveEvent("x"));
        Assert.Equal("job:transforms/T/jobs/J", MediaEntityKey.Job("/transforms/T/jobs/J").ToString());
        Assert.Throws<ArgumentException>(() => MediaEntityKey.Job("//"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A store that lets a test act between a tracker's read and its write, or lose every write.</summary>
    private sealed class RacingStore(InMemoryMediaStateStore inner) : IMediaStateStore
    {
        public InMemoryMediaStateStore Inner { get; } = inner;

        public Action? BeforeNextWrite { get; set; }

        public bool AlwaysLose { get; init; }

        public int Writes { get; private set; }

        public ValueTask<StoredSnapshot?> ReadAsync(MediaEntityKey key, CancellationToken cancellationToken = default) => Inner.ReadAsync(key, cancellationToken);

        public IAsyncEnumerable<StoredSnapshot> ReadAllAsync(MediaEntityKind kind, CancellationToken cancellationToken = default) => Inner.ReadAllAsync(kind, cancellationToken);

        public ValueTask<string?> TryWriteAsync(MediaEntityKey key, EntitySnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken = default)
        {
            Writes++;
            Action? before = BeforeNextWrite;
            BeforeNextWrite = null;
            before?.Invoke();
            return AlwaysLose ? new((string?)null) : Inner.TryWriteAsync(key, snapshot, expectedVersion, cancellationToken);
        }
    }
}
