using System;

namespace MediaEvents.Webhook.State;

/// <summary>
/// Where the visitor keeps what the events say. Implementations are thread-safe: deliveries arrive in parallel.
/// An exception thrown here fails the delivery with 500, so that Event Grid retries it.
/// </summary>
public interface IMediaStateStore
{
    /// <summary>Applies an event to the job with the subject, under that job's lock, and counts it.</summary>
    void UpdateJob<TEvent>(string subject, TEvent mediaEvent, Action<JobState, TEvent> apply)
        where TEvent : MediaEvent;

    /// <summary>Applies an event to the live event with the subject, under that live event's lock, and counts it.</summary>
    void UpdateLiveEvent<TEvent>(string subject, TEvent mediaEvent, Action<LiveEventState, TEvent> apply)
        where TEvent : MediaEvent;

    /// <summary>Counts an event of a type the catalog does not know.</summary>
    void RecordUnknown(MediaEvent mediaEvent);

    /// <summary>A copy of the state.</summary>
    StatusSnapshot Snapshot();
}
