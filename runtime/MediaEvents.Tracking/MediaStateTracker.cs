using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MediaEvents.Tracking.Folding;

namespace MediaEvents.Tracking;

/// <summary>
/// Folds Media Services events into the current state of jobs and live events. Event Grid delivers at least once
/// and in no guaranteed order; the state the tracker keeps is the same for any order and any repetition of the
/// same events: final job states stay final, progress never goes back, the latest of two reports wins by event
/// time (ties broken by event id), and an event id already applied to a resource is not applied again.
/// </summary>
/// <remarks>
/// Snapshots live in an <see cref="IMediaStateStore"/> (in memory by default; pass a shared store to run many
/// instances). The synchronous methods are for the in-memory store; with another store use the asynchronous ones.
/// </remarks>
public sealed class MediaStateTracker
{
    private readonly MediaStateTrackerOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a tracker that keeps state in memory.</summary>
    public MediaStateTracker()
        : this(new InMemoryMediaStateStore())
    {
    }

    /// <summary>Creates a tracker over <paramref name="store"/>.</summary>
    /// <param name="store">Where snapshots are kept.</param>
    /// <param name="options">Dedup window, write retries and the stale threshold; the defaults when null.</param>
    /// <param name="timeProvider">The clock that tells whether a track is stale; the system clock when null.</param>
    public MediaStateTracker(IMediaStateStore store, MediaStateTrackerOptions? options = null, TimeProvider? timeProvider = null)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? MediaStateTrackerOptions.Default;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Where the snapshots are kept.</summary>
    public IMediaStateStore Store { get; }

    /// <summary>Applies one event to the state of its job or live event.</summary>
    /// <exception cref="MediaStateConflictException">Other writers kept changing the snapshot first.</exception>
    public async ValueTask<TrackingResult> ApplyAsync(MediaEvent mediaEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        IReadOnlyList<TrackingResult> results = await ApplyAsync([mediaEvent], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>
    /// Applies events (a delivery's <see cref="MediaEventBatch.Events"/>, say): each resource's snapshot is read
    /// once, every event about it folded in, and written once.
    /// </summary>
    /// <returns>One result per event, in the order given.</returns>
    /// <exception cref="MediaStateConflictException">Other writers kept changing a snapshot first; the resources before it were written.</exception>
    public async ValueTask<IReadOnlyList<TrackingResult>> ApplyAsync(IEnumerable<MediaEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        MediaEvent[] all = events.ToArray();
        var results = new TrackingResult[all.Length];
        var byResource = new Dictionary<MediaEntityKey, List<(int Index, Observation Observation)>>();
        for (int i = 0; i < all.Length; i++)
        {
            MediaEvent mediaEvent = all[i] ?? throw new ArgumentException("The events cannot include null.", nameof(events));
            (Observation? observation, TrackingResult? refusal) = MediaEventObserver.Observe(mediaEvent);
            if (observation is null)
            {
                results[i] = refusal!;
                continue;
            }

            if (!byResource.TryGetValue(observation.Key, out List<(int, Observation)>? observations))
            {
                byResource.Add(observation.Key, observations = []);
            }

            observations.Add((i, observation));
        }

        foreach (KeyValuePair<MediaEntityKey, List<(int Index, Observation Observation)>> resource in byResource)
        {
            foreach ((int index, TrackingOutcome outcome) in await ApplyToResourceAsync(resource.Key, resource.Value, cancellationToken).ConfigureAwait(false))
            {
                results[index] = new TrackingResult(all[index], outcome, resource.Key);
            }
        }

        return results;
    }

    /// <summary>The state of the job with <paramref name="subject"/> (e.g. <c>transforms/T/jobs/J</c>), or <see langword="null"/> before any event about it.</summary>
    public async ValueTask<JobSnapshot?> GetJobAsync(string subject, CancellationToken cancellationToken = default) =>
        (await Store.ReadAsync(MediaEntityKey.Job(subject), cancellationToken).ConfigureAwait(false))?.Snapshot as JobSnapshot;

    /// <summary>The state of the live event with <paramref name="subject"/> (e.g. <c>liveEvent/mle1</c>), or <see langword="null"/> before any event about it.</summary>
    public async ValueTask<LiveEventSnapshot?> GetLiveEventAsync(string subject, CancellationToken cancellationToken = default) =>
        (await Store.ReadAsync(MediaEntityKey.LiveEvent(subject), cancellationToken).ConfigureAwait(false))?.Snapshot as LiveEventSnapshot;

    /// <summary>The state of every job the store holds, in no particular order (see <see cref="IMediaStateStore.ReadAllAsync"/>).</summary>
    public async IAsyncEnumerable<JobSnapshot> GetJobsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (StoredSnapshot stored in Store.ReadAllAsync(MediaEntityKind.Job, cancellationToken).ConfigureAwait(false))
        {
            if (stored.Snapshot is JobSnapshot job)
            {
                yield return job;
            }
        }
    }

    /// <summary>The state of every live event the store holds, in no particular order (see <see cref="IMediaStateStore.ReadAllAsync"/>).</summary>
    public async IAsyncEnumerable<LiveEventSnapshot> GetLiveEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (StoredSnapshot stored in Store.ReadAllAsync(MediaEntityKind.LiveEvent, cancellationToken).ConfigureAwait(false))
        {
            if (stored.Snapshot is LiveEventSnapshot liveEvent)
            {
                yield return liveEvent;
            }
        }
    }

    /// <summary>
    /// The tracks of <paramref name="liveEvent"/> that went unheard for longer than
    /// <see cref="MediaStateTrackerOptions.StaleAfter"/>, by the tracker's clock, for a snapshot already read (from
    /// <see cref="GetLiveEventsAsync"/>, say).
    /// </summary>
    public IReadOnlyList<LiveTrackSnapshot> GetStaleTracks(LiveEventSnapshot liveEvent)
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        return liveEvent.GetStaleTracks(_timeProvider.GetUtcNow(), _options.StaleAfter);
    }

    /// <summary>
    /// The tracks of the live event that went unheard for longer than <see cref="MediaStateTrackerOptions.StaleAfter"/>,
    /// by the tracker's clock: heartbeats stopped, so the live event stopped or its events stopped arriving.
    /// </summary>
    public async ValueTask<IReadOnlyList<LiveTrackSnapshot>> GetStaleTracksAsync(string subject, CancellationToken cancellationToken = default) =>
        await GetLiveEventAsync(subject, cancellationToken).ConfigureAwait(false) is { } liveEvent ? GetStaleTracks(liveEvent) : [];

    /// <summary>Applies one event (in-memory store).</summary>
    /// <exception cref="InvalidOperationException">The tracker's store is not the in-memory one: use <see cref="ApplyAsync(MediaEvent, CancellationToken)"/>.</exception>
    public TrackingResult Apply(MediaEvent mediaEvent) => Synchronously(() => ApplyAsync(mediaEvent));

    /// <summary>Applies events (in-memory store).</summary>
    /// <exception cref="InvalidOperationException">The tracker's store is not the in-memory one: use <see cref="ApplyAsync(IEnumerable{MediaEvent}, CancellationToken)"/>.</exception>
    public IReadOnlyList<TrackingResult> Apply(IEnumerable<MediaEvent> events) => Synchronously(() => ApplyAsync(events));

    /// <summary>The state of a job (in-memory store); see <see cref="GetJobAsync"/>.</summary>
    public JobSnapshot? GetJob(string subject) => Synchronously(() => GetJobAsync(subject));

    /// <summary>The state of a live event (in-memory store); see <see cref="GetLiveEventAsync"/>.</summary>
    public LiveEventSnapshot? GetLiveEvent(string subject) => Synchronously(() => GetLiveEventAsync(subject));

    /// <summary>The stale tracks of a live event (in-memory store); see <see cref="GetStaleTracksAsync"/>.</summary>
    public IReadOnlyList<LiveTrackSnapshot> GetStaleTracks(string subject) => Synchronously(() => GetStaleTracksAsync(subject));

    /// <summary>The state of every job (in-memory store); see <see cref="GetJobsAsync"/>.</summary>
    public IReadOnlyList<JobSnapshot> GetJobs() => Synchronously(() => ToListAsync(GetJobsAsync()));

    /// <summary>The state of every live event (in-memory store); see <see cref="GetLiveEventsAsync"/>.</summary>
    public IReadOnlyList<LiveEventSnapshot> GetLiveEvents() => Synchronously(() => ToListAsync(GetLiveEventsAsync()));

    private static async ValueTask<IReadOnlyList<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }

    // Read, fold every observation in, write if the version is unchanged; else read again and fold again. Folding
    // the same observations into a newer snapshot is always right: applying commutes and is idempotent.
    private async ValueTask<(int Index, TrackingOutcome Outcome)[]> ApplyToResourceAsync(
        MediaEntityKey key, List<(int Index, Observation Observation)> observations, CancellationToken cancellationToken)
    {
        var outcomes = new (int Index, TrackingOutcome Outcome)[observations.Count];
        for (int attempt = 1; attempt <= _options.MaxWriteAttempts; attempt++)
        {
            StoredSnapshot? stored = await Store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            EntitySnapshot? snapshot = stored?.Snapshot;
            bool changed = false;
            for (int i = 0; i < observations.Count; i++)
            {
                EntitySnapshot? next = observations[i].Observation.ApplyTo(snapshot, _options.RecentEventCapacity);
                outcomes[i] = (observations[i].Index, next is null ? TrackingOutcome.Duplicate : TrackingOutcome.Applied);
                if (next is not null)
                {
                    snapshot = next;
                    changed = true;
                }
            }

            if (!changed || await Store.TryWriteAsync(key, snapshot!, stored?.Version, cancellationToken).ConfigureAwait(false) is not null)
            {
                return outcomes;
            }
        }

        throw new MediaStateConflictException(key, _options.MaxWriteAttempts);
    }

    // The in-memory store completes at once, so the asynchronous path does too; checked before starting, so that
    // nothing runs on when the store is another.
    private T Synchronously<T>(Func<ValueTask<T>> operation)
    {
        if (Store is not InMemoryMediaStateStore)
        {
            throw new InvalidOperationException(
                $"The synchronous methods of {nameof(MediaStateTracker)} work with the in-memory store only; with {Store.GetType().Name}, use the Async methods.");
        }

        ValueTask<T> pending = operation();
        return pending.IsCompleted ? pending.GetAwaiter().GetResult() : pending.AsTask().GetAwaiter().GetResult();
    }
}
