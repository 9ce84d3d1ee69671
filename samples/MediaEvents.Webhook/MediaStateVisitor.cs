using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaEvents.Webhook.State;
using MediaEvents.Webhooks;

namespace MediaEvents.Webhook;

/// <summary>
/// Applies every Media Services event to the <see cref="IMediaStateStore"/>. Implements the generated
/// <see cref="IMediaEventAsyncVisitor"/> (exhaustive): when the spec gains an event type, this class stops compiling
/// until it handles it. Stateless itself, so one instance serves every delivery. The store is in memory and
/// completes at once; a store that awaits (a database, say) returns its task from the same methods, and the
/// dispatcher awaits each event before it hands on the next.
/// </summary>
public sealed class MediaStateVisitor : IMediaEventAsyncVisitor
{
    private const string NoSubject = "(no subject)";

    private readonly IMediaStateStore _store;

    /// <summary>Creates the visitor over a store.</summary>
    public MediaStateVisitor(IMediaStateStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
    }

    // Jobs: the job's own state changes, which may list the outputs.

    /// <inheritdoc />
    public ValueTask VisitJobStateChangeAsync(MediaEvent<MediaJobStateChangeEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobScheduledAsync(MediaEvent<MediaJobScheduledEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobProcessingAsync(MediaEvent<MediaJobProcessingEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobCancelingAsync(MediaEvent<MediaJobCancelingEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobCanceledAsync(MediaEvent<MediaJobCanceledEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobErroredAsync(MediaEvent<MediaJobErroredEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobFinishedAsync(MediaEvent<MediaJobFinishedEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyJobState(mediaEvent);

    // Jobs: one output's state changes and progress.

    /// <inheritdoc />
    public ValueTask VisitJobOutputStateChangeAsync(MediaEvent<MediaJobOutputStateChangeEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobOutputScheduledAsync(MediaEvent<MediaJobOutputScheduledEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobOutputProcessingAsync(MediaEvent<MediaJobOutputProcessingEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobOutputCancelingAsync(MediaEvent<MediaJobOutputCancelingEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobOutputCanceledAsync(MediaEvent<MediaJobOutputCanceledEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobOutputErroredAsync(MediaEvent<MediaJobOutputErroredEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobOutputFinishedAsync(MediaEvent<MediaJobOutputFinishedEventData> mediaEvent, CancellationToken cancellationToken) =>
        ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public ValueTask VisitJobOutputProgressAsync(MediaEvent<MediaJobOutputProgressEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateJob(mediaEvent, static (job, e) => job.ApplyProgress(e.Time, e.Data.Label, e.Data.Progress, e.Data.JobCorrelationData));

    // Live events.

    /// <inheritdoc />
    public ValueTask VisitLiveEventEncoderConnectedAsync(MediaEvent<MediaLiveEventEncoderConnectedEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyEncoderConnected(e.Time, e.Data));

    /// <inheritdoc />
    public ValueTask VisitLiveEventEncoderDisconnectedAsync(MediaEvent<MediaLiveEventEncoderDisconnectedEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyEncoderDisconnected(e.Time, e.Data));

    /// <inheritdoc />
    public ValueTask VisitLiveEventConnectionRejectedAsync(MediaEvent<MediaLiveEventConnectionRejectedEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyConnectionRejected(e.Time, e.Data));

    /// <inheritdoc />
    public ValueTask VisitLiveEventIncomingStreamReceivedAsync(MediaEvent<MediaLiveEventIncomingStreamReceivedEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyStreamReceived(e.Time, e.Data));

    /// <inheritdoc />
    public ValueTask VisitLiveEventIngestHeartbeatAsync(MediaEvent<MediaLiveEventIngestHeartbeatEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyHeartbeat(e.Time, e.Data));

    /// <inheritdoc />
    public ValueTask VisitLiveEventTrackDiscontinuityDetectedAsync(MediaEvent<MediaLiveEventTrackDiscontinuityDetectedEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyDiscontinuity(e.Time, e.Data));

    /// <inheritdoc />
    public ValueTask VisitLiveEventIncomingDataChunkDroppedAsync(MediaEvent<MediaLiveEventIncomingDataChunkDroppedEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyDroppedChunk(e.Time, e.Data));

    /// <inheritdoc />
    public ValueTask VisitLiveEventIncomingStreamsOutOfSyncAsync(MediaEvent<MediaLiveEventIncomingStreamsOutOfSyncEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyOutOfSync(
            e.Time,
            "streams",
            $"{e.Data.TypeOfStreamWithMinLastTimestamp} at {e.Data.MinLastTimestamp} (timescale {e.Data.TimescaleOfMinLastTimestamp}), "
            + $"{e.Data.TypeOfStreamWithMaxLastTimestamp} at {e.Data.MaxLastTimestamp} (timescale {e.Data.TimescaleOfMaxLastTimestamp})"));

    /// <inheritdoc />
    public ValueTask VisitLiveEventIncomingVideoStreamsOutOfSyncAsync(MediaEvent<MediaLiveEventIncomingVideoStreamsOutOfSyncEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyOutOfSync(
            e.Time,
            "video",
            $"first at {e.Data.FirstTimestamp} (+{e.Data.FirstDuration}), second at {e.Data.SecondTimestamp} (+{e.Data.SecondDuration}), timescale {e.Data.Timescale}"));

    /// <inheritdoc />
    public ValueTask VisitLiveEventChannelArchiveHeartbeatAsync(MediaEvent<MediaLiveEventChannelArchiveHeartbeatEventData> mediaEvent, CancellationToken cancellationToken) =>
        UpdateLiveEvent(mediaEvent, static (live, e) => live.ApplyArchiveHeartbeat(e.Time, e.Data));

    // Anything else.

    /// <inheritdoc />
    public ValueTask VisitUnknownAsync(MediaEvent mediaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);

        // The endpoint answers the subscription validation itself; it is not a Media event.
        if (!IsSubscriptionValidation(mediaEvent))
        {
            _store.RecordUnknown(mediaEvent);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Whether the event is Event Grid's subscription validation event.</summary>
    public static bool IsSubscriptionValidation(MediaEvent mediaEvent) =>
        string.Equals(mediaEvent?.EventType, EventGridSubscriptionValidation.SubscriptionValidationEventType, StringComparison.OrdinalIgnoreCase);

    private static string Subject(MediaEvent mediaEvent) => mediaEvent.Subject ?? NoSubject;

    // The job events that end a job list its outputs.
    private static IReadOnlyList<MediaJobOutput>? OutputsOf(MediaJobStateChangeEventData data) => data switch
    {
        MediaJobFinishedEventData finished => finished.Outputs,
        MediaJobErroredEventData errored => errored.Outputs,
        MediaJobCanceledEventData canceled => canceled.Outputs,
        _ => null,
    };

    private ValueTask ApplyJobState<TData>(MediaEvent<TData> mediaEvent)
        where TData : MediaJobStateChangeEventData =>
        UpdateJob(mediaEvent, static (job, e) => job.ApplyState(e.Time, e.Data, OutputsOf(e.Data)));

    private ValueTask ApplyOutputState<TData>(MediaEvent<TData> mediaEvent)
        where TData : MediaJobOutputStateChangeEventData =>
        UpdateJob(mediaEvent, static (job, e) =>
        {
            if (e.Data.Output is { } output)
            {
                job.ApplyOutput(e.Time, output, e.Data.JobCorrelationData);
            }
        });

    private ValueTask UpdateJob<TEvent>(TEvent mediaEvent, Action<JobState, TEvent> apply)
        where TEvent : MediaEvent
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        _store.UpdateJob(Subject(mediaEvent), mediaEvent, apply);
        return ValueTask.CompletedTask;
    }

    private ValueTask UpdateLiveEvent<TEvent>(TEvent mediaEvent, Action<LiveEventState, TEvent> apply)
        where TEvent : MediaEvent
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, apply);
        return ValueTask.CompletedTask;
    }
}
