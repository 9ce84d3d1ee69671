using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace MediaEvents.Webhook.State;

/// <summary>
/// The state in memory: one lock per job and per live event, so that deliveries about different subjects do not
/// wait for each other, and counters updated atomically. Lost when the app stops.
/// </summary>
public sealed class MediaStateStore : IMediaStateStore
{
    private readonly ConcurrentDictionary<string, JobState> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LiveEventState> _liveEvents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unknownTypes = new(StringComparer.Ordinal);
    private long _eventsApplied;
    private long _unknownEvents;

    /// <inheritdoc />
    public void UpdateJob<TEvent>(string subject, TEvent mediaEvent, Action<JobState, TEvent> apply)
        where TEvent : MediaEvent
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        ArgumentNullException.ThrowIfNull(apply);
        JobState job = _jobs.GetOrAdd(subject, static key => new JobState(key));
        lock (job)
        {
            apply(job, mediaEvent);
            job.Touch(mediaEvent);
        }

        Interlocked.Increment(ref _eventsApplied);
    }

    /// <inheritdoc />
    public void UpdateLiveEvent<TEvent>(string subject, TEvent mediaEvent, Action<LiveEventState, TEvent> apply)
        where TEvent : MediaEvent
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        ArgumentNullException.ThrowIfNull(apply);
        LiveEventState liveEvent = _liveEvents.GetOrAdd(subject, static key => new LiveEventState(key));
        lock (liveEvent)
        {
            apply(liveEvent, mediaEvent);
            liveEvent.Touch(mediaEvent);
        }

        Interlocked.Increment(ref _eventsApplied);
    }

    /// <inheritdoc />
    public void RecordUnknown(MediaEvent mediaEvent)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        _unknownTypes.AddOrUpdate(mediaEvent.EventType, 1, static (_, count) => count + 1);
        Interlocked.Increment(ref _unknownEvents);
        Interlocked.Increment(ref _eventsApplied);
    }

    /// <inheritdoc />
    public StatusSnapshot Snapshot()
    {
        var jobs = new SortedDictionary<string, JobStatus>(StringComparer.Ordinal);
        foreach (JobState job in _jobs.Values)
        {
            lock (job)
            {
                // A record is added just before its first event is applied: one without events is not shown yet.
                if (job.EventCount > 0)
                {
                    jobs.Add(job.Subject, job.ToStatus());
                }
            }
        }

        var liveEvents = new SortedDictionary<string, LiveEventStatus>(StringComparer.Ordinal);
        foreach (LiveEventState liveEvent in _liveEvents.Values)
        {
            lock (liveEvent)
            {
                if (liveEvent.EventCount > 0)
                {
                    liveEvents.Add(liveEvent.Subject, liveEvent.ToStatus());
                }
            }
        }

        return new StatusSnapshot
        {
            EventsApplied = Interlocked.Read(ref _eventsApplied),
            UnknownEvents = Interlocked.Read(ref _unknownEvents),
            UnknownEventTypes = new SortedDictionary<string, long>(_unknownTypes, StringComparer.Ordinal),
            Jobs = jobs,
            LiveEvents = liveEvents,
        };
    }
}
