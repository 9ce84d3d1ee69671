using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Azure.Data.Tables;
using MediaEvents.Json;
using MediaEvents.Tests.Azurite;
using MediaEvents.Tracking.Tests;
using Xunit;
using static MediaEvents.Tracking.Tests.DocEvents;

namespace MediaEvents.Tracking.AzureTables.Tests;

/// <summary>The table store against Azurite: what it writes reads back, and its writes are conditional on the ETag.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStoreTests(AzuriteFixture azurite)
{
    // Writers that share one entity lose many races; they keep trying rather than give up.
    private static readonly MediaStateTrackerOptions RetryingOptions = new() { MaxWriteAttempts = 1000 };

    [Fact]
    public async Task A_snapshot_reads_back_equal_with_the_version_the_write_returned()
    {
        var store = new TableMediaStateStore(await azurite.CreateTableAsync());
        var inOrder = new MediaStateTracker();
        inOrder.Apply(Scenarios.JobThatErrors());
        inOrder.Apply(Scenarios.LiveEventSession());

        foreach ((MediaEntityKey key, EntitySnapshot snapshot) in new (MediaEntityKey, EntitySnapshot)[]
        {
            (MediaEntityKey.Job(Job), inOrder.GetJob(Job)!),
            (MediaEntityKey.LiveEvent(Live), inOrder.GetLiveEvent(Live)!),
        })
        {
            Assert.Null(await store.ReadAsync(key));
            string? version = await store.TryWriteAsync(key, snapshot, expectedVersion: null);

            StoredSnapshot? stored = await store.ReadAsync(key);
            Assert.NotNull(version);
            Assert.Equal(snapshot, stored?.Snapshot);
            Assert.Equal(version, stored?.Version);
        }
    }

    [Fact]
    public async Task The_entity_is_keyed_by_the_escaped_subject_and_the_kind()
    {
        TableClient table = await azurite.CreateTableAsync();
        var store = new TableMediaStateStore(table);
        const string subject = "transforms/T%1/jobs/J#2?";
        await store.TryWriteAsync(MediaEntityKey.Job(subject), new JobSnapshot { Subject = subject }, expectedVersion: null);
        await store.TryWriteAsync(MediaEntityKey.LiveEvent(subject), new LiveEventSnapshot { Subject = subject }, expectedVersion: null);

        List<TableEntity> entities = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(new[] { "job", "liveEvent" }, entities.Select(static entity => entity.RowKey).Order(StringComparer.Ordinal));
        Assert.All(entities, static entity => Assert.Equal("transforms%2FT%251%2Fjobs%2FJ%232%3F", entity.PartitionKey));
        Assert.IsType<JobSnapshot>((await store.ReadAsync(MediaEntityKey.Job(subject)))!.Snapshot);
        Assert.IsType<LiveEventSnapshot>((await store.ReadAsync(MediaEntityKey.LiveEvent(subject)))!.Snapshot);
    }

    [Fact]
    public async Task Listing_reads_every_snapshot_of_a_kind_with_its_version_and_subject_unescaped()
    {
        TableClient table = await azurite.CreateTableAsync();
        var store = new TableMediaStateStore(table);
        var tracker = new MediaStateTracker(store);
        var inOrder = new MediaStateTracker();
        MediaEvent[] events = [.. Scenarios.JobThatErrors(), .. Scenarios.LiveEventSession()];
        await tracker.ApplyAsync(events);
        inOrder.Apply(events);
        const string odd = "transforms/T%1/jobs/J#2?";
        await store.TryWriteAsync(MediaEntityKey.Job(odd), new JobSnapshot { Subject = odd, State = JobState.Queued }, expectedVersion: null);

        List<StoredSnapshot> jobs = await store.ReadAllAsync(MediaEntityKind.Job).ToListAsync();
        Assert.Equal(new[] { odd, Job }.Order(StringComparer.Ordinal), jobs.Select(static stored => stored.Snapshot.Subject).Order(StringComparer.Ordinal));
        foreach (StoredSnapshot stored in jobs)
        {
            Assert.Equal(stored, await store.ReadAsync(stored.Snapshot.Key));
        }

        Assert.Equal(inOrder.GetJob(Job), jobs.Single(static stored => stored.Snapshot.Subject == Job).Snapshot);
        Assert.Equal(inOrder.GetLiveEvents(), await tracker.GetLiveEventsAsync().ToListAsync());
    }

    [Fact]
    public async Task Listing_a_missing_table_is_an_error_that_says_so()
    {
        var store = new TableMediaStateStore(azurite.NewTableClient(AzuriteFixture.NewTableName()));

        var exception = await Assert.ThrowsAsync<MediaStateStoreException>(async () => await store.ReadAllAsync(MediaEntityKind.LiveEvent).ToListAsync());
        Assert.Null(exception.Key);
        Assert.Contains("list the liveEvent entities", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CreateIfNotExistsAsync", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_on_a_version_that_moved_on_is_refused_and_changes_nothing()
    {
        TableClient table = await azurite.CreateTableAsync();
        var store = new TableMediaStateStore(table);
        var other = new TableMediaStateStore(azurite.NewTableClient(table.Name));
        MediaEntityKey key = MediaEntityKey.Job(Job);
        var queued = new JobSnapshot { Subject = Job, State = JobState.Queued };

        string first = (await store.TryWriteAsync(key, queued, expectedVersion: null))!;
        Assert.Null(await other.TryWriteAsync(key, queued, expectedVersion: null));
        string second = (await other.TryWriteAsync(key, queued with { State = JobState.Processing }, first))!;
        Assert.NotEqual(first, second);

        Assert.Null(await store.TryWriteAsync(key, queued with { State = JobState.Canceled }, first));
        Assert.Null(await store.TryWriteAsync(key, queued with { State = JobState.Canceled }, "W/\"datetime'2000-01-01T00%3A00%3A00Z'\""));
        StoredSnapshot stored = (await store.ReadAsync(key))!;
        Assert.Equal(JobState.Processing, ((JobSnapshot)stored.Snapshot).State);
        Assert.Equal(second, stored.Version);

        // Deleted since it was read: the version is gone, which is a conflict too.
        await table.DeleteEntityAsync(Escaped(Job), "job");
        Assert.Null(await store.TryWriteAsync(key, queued, second));
    }

    [Fact]
    public async Task Trackers_on_separate_store_instances_lose_no_update()
    {
        TableClient table = await azurite.CreateTableAsync();
        MediaEvent[] events = Scenarios.JobThatErrors();
        var inOrder = new MediaStateTracker();
        inOrder.Apply(events);

        // Each writer applies its own share of the events, all on the one entity: an update lost is an event missing.
        const int writers = 4;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var tracker = new MediaStateTracker(new TableMediaStateStore(azurite.NewTableClient(table.Name)), RetryingOptions);
            foreach (MediaEvent mediaEvent in events.Where((_, index) => index % writers == writer))
            {
                await tracker.ApplyAsync(mediaEvent);
            }
        })));

        JobSnapshot job = (await new MediaStateTracker(new TableMediaStateStore(table)).GetJobAsync(Job))!;
        Assert.All(events, mediaEvent => Assert.True(job.HasApplied(mediaEvent.Id), $"{mediaEvent.Id} was lost"));
        Assert.Equal(inOrder.GetJob(Job), job);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Concurrent_writers_applying_a_shuffled_duplicated_stream_reach_the_in_order_state(int seed)
    {
        TableClient table = await azurite.CreateTableAsync();
        MediaEvent[] events = [.. Scenarios.JobThatErrors(), .. Scenarios.LiveEventSession()];
        var inOrder = new MediaStateTracker();
        inOrder.Apply(events);

        // Every writer gets the whole stream twice over, in an order of its own: Event Grid's at-least-once, any order.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(writer => Task.Run(async () =>
        {
            var random = new Random(seed * 100 + writer);
            MediaEvent[] stream = [.. events, .. events.Where(_ => random.Next(2) == 0)];
            random.Shuffle(stream);
            var tracker = new MediaStateTracker(new TableMediaStateStore(azurite.NewTableClient(table.Name)), RetryingOptions);
            foreach (MediaEvent mediaEvent in stream)
            {
                await tracker.ApplyAsync(mediaEvent);
            }
        })));

        var reader = new MediaStateTracker(new TableMediaStateStore(table));
        Assert.Equal(inOrder.GetJob(Job), await reader.GetJobAsync(Job));
        Assert.Equal(inOrder.GetLiveEvent(Live), await reader.GetLiveEventAsync(Live));
    }

    [Fact]
    public async Task A_snapshot_over_64_KiB_is_split_across_properties_and_reads_back_whole()
    {
        TableClient table = await azurite.CreateTableAsync();
        var store = new TableMediaStateStore(table);
        MediaEntityKey key = MediaEntityKey.Job(Job);
        JobSnapshot large = WithCorrelationData(characters: 200_000);

        string version = (await store.TryWriteAsync(key, large, expectedVersion: null))!;
        Assert.Equal(large, (await store.ReadAsync(key))!.Snapshot);
        TableEntity entity = await table.GetEntityAsync<TableEntity>(Escaped(Job), "job");
        Assert.True(entity.GetInt32("StateParts") > 1);

        // A smaller snapshot replaces every part of the larger one.
        JobSnapshot small = large with { CorrelationData = null };
        Assert.NotNull(await store.TryWriteAsync(key, small, version));
        Assert.Equal(small, (await store.ReadAsync(key))!.Snapshot);
        entity = await table.GetEntityAsync<TableEntity>(Escaped(Job), "job");
        Assert.Equal(1, entity.GetInt32("StateParts"));
        Assert.DoesNotContain("State1", entity.Keys);
    }

    [Fact]
    public async Task A_snapshot_larger_than_an_entity_holds_is_refused_and_nothing_is_written()
    {
        var store = new TableMediaStateStore(await azurite.CreateTableAsync());
        MediaEntityKey key = MediaEntityKey.Job(Job);
        var small = new JobSnapshot { Subject = Job, State = JobState.Queued };
        string version = (await store.TryWriteAsync(key, small, expectedVersion: null))!;

        var exception = await Assert.ThrowsAsync<MediaStateTooLargeException>(
            async () => await store.TryWriteAsync(key, WithCorrelationData(TableMediaStateStore.MaxStateLength), version));
        Assert.Equal(key, exception.Key);
        Assert.True(exception.Length > TableMediaStateStore.MaxStateLength);

        StoredSnapshot stored = (await store.ReadAsync(key))!;
        Assert.Equal(small, stored.Snapshot);
        Assert.Equal(version, stored.Version);
    }

    [Fact]
    public async Task A_missing_table_is_an_error_that_says_so_not_a_conflict()
    {
        var store = new TableMediaStateStore(azurite.NewTableClient(AzuriteFixture.NewTableName()));
        MediaEntityKey key = MediaEntityKey.Job(Job);

        var exception = await Assert.ThrowsAsync<MediaStateStoreException>(
            async () => await store.TryWriteAsync(key, new JobSnapshot { Subject = Job }, expectedVersion: null));
        Assert.Equal(key, exception.Key);
        Assert.Contains("CreateIfNotExistsAsync", exception.Message, StringComparison.Ordinal);
        Assert.IsType<Azure.RequestFailedException>(exception.InnerException);
    }

    private static string Escaped(string subject) => subject.Replace("/", "%2F", StringComparison.Ordinal);

    // A job whose correlation data alone has at least the given number of characters of JSON.
    private static JobSnapshot WithCorrelationData(int characters)
    {
        const int valueLength = 1000;
        IEnumerable<KeyValuePair<string, string>> entries = Enumerable.Range(0, characters / valueLength + 1)
            .Select(static index => KeyValuePair.Create("key" + index.ToString("D5", CultureInfo.InvariantCulture), new string('x', valueLength)));
        return new JobSnapshot { Subject = Job, State = JobState.Processing, CorrelationData = new ValueMap<string>(entries) };
    }
}
