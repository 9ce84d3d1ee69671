using System;
using System.Collections.Generic;
using MediaEvents.Webhook.State;
using MediaEvents.Webhooks;

namespace MediaEvents.Webhook;

/// <summary>
/// Applies every Media Services event to the <see cref="IMediaStateStore"/>. Implements the generated
/// <see cref="IMediaEventVisitor"/> (exhaustive): when the spec gains an event type, this class stops compiling
/// until it handles it. Stateless itself, so one instance serves every delivery.
/// </summary>
public sealed class MediaStateVisitor : IMediaEventVisitor
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
    public void VisitJobStateChange(MediaEvent<MediaJobStateChangeEventData> mediaEvent) => ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobScheduled(MediaEvent<MediaJobScheduledEventData> mediaEvent) => ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobProcessing(MediaEvent<MediaJobProcessingEventData> mediaEvent) => ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobCanceling(MediaEvent<MediaJobCancelingEventData> mediaEvent) => ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobCanceled(MediaEvent<MediaJobCanceledEventData> mediaEvent) => ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobErrored(MediaEvent<MediaJobErroredEventData> mediaEvent) => ApplyJobState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobFinished(MediaEvent<MediaJobFinishedEventData> mediaEvent) => ApplyJobState(mediaEvent);

    // Jobs: one output's state changes and progress.

    /// <inheritdoc />
    public void VisitJobOutputStateChange(MediaEvent<MediaJobOutputStateChangeEventData> mediaEvent) => ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputScheduled(MediaEvent<MediaJobOutputScheduledEventData> mediaEvent) => ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputProcessing(MediaEvent<MediaJobOutputProcessingEventData> mediaEvent) => ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputCanceling(MediaEvent<MediaJobOutputCancelingEventData> mediaEvent) => ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputCanceled(MediaEvent<MediaJobOutputCanceledEventData> mediaEvent) => ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputErrored(MediaEvent<MediaJobOutputErroredEventData> mediaEvent) => ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputFinished(MediaEvent<MediaJobOutputFinishedEventData> mediaEvent) => ApplyOutputState(mediaEvent);

    /// <inheritdoc />
    public void VisitJobOutputProgress(MediaEvent<MediaJobOutputProgressEventData> mediaEvent) =>
        _store.UpdateJob(Subject(mediaEvent), mediaEvent, static (job, e) => job.ApplyProgress(e.Time, e.Data.Label, e.Data.Progress, e.Data.JobCorrelationData));

    // Live events.

    /// <inheritdoc />
    public void VisitLiveEventEncoderConnected(MediaEvent<MediaLiveEventEncoderConnectedEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyEncoderConnected(e.Time, e.Data));

    /// <inheritdoc />
    public void VisitLiveEventEncoderDisconnected(MediaEvent<MediaLiveEventEncoderDisconnectedEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyEncoderDisconnected(e.Time, e.Data));

    /// <inheritdoc />
    public void VisitLiveEventConnectionRejected(MediaEvent<MediaLiveEventConnectionRejectedEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyConnectionRejected(e.Time, e.Data));

    /// <inheritdoc />
    public void VisitLiveEventIncomingStreamReceived(MediaEvent<MediaLiveEventIncomingStreamReceivedEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyStreamReceived(e.Time, e.Data));

    /// <inheritdoc />
    public void VisitLiveEventIngestHeartbeat(MediaEvent<MediaLiveEventIngestHeartbeatEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyHeartbeat(e.Time, e.Data));

    /// <inheritdoc />
    public void VisitLiveEventTrackDiscontinuityDetected(MediaEvent<MediaLiveEventTrackDiscontinuityDetectedEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyDiscontinuity(e.Time, e.Data));

    /// <inheritdoc />
    public void VisitLiveEventIncomingDataChunkDropped(MediaEvent<MediaLiveEventIncomingDataChunkDroppedEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyDroppedChunk(e.Time, e.Data));

    /// <inheritdoc />
    public void VisitLiveEventIncomingStreamsOutOfSync(MediaEvent<MediaLiveEventIncomingStreamsOutOfSyncEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyOutOfSync(
            e.Time,
            "streams",
            $"{e.Data.TypeOfStreamWithMinLastTimestamp} at {e.Data.MinLastTimestamp} (timescale {e.Data.TimescaleOfMinLastTimestamp}), "
            + $"{e.Data.TypeOfStreamWithMaxLastTimestamp} at {e.Data.MaxLastTimestamp} (timescale {e.Data.TimescaleOfMaxLastTimestamp})"));

    /// <inheritdoc />
    public void VisitLiveEventIncomingVideoStreamsOutOfSync(MediaEvent<MediaLiveEventIncomingVideoStreamsOutOfSyncEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyOutOfSync(
            e.Time,
            "video",
            $"first at {e.Data.FirstTimestamp} (+{e.Data.FirstDuration}), second at {e.Data.SecondTimestamp} (+{e.Data.SecondDuration}), timescale {e.Data.Timescale}"));

    /// <inheritdoc />
    public void VisitLiveEventChannelArchiveHeartbeat(MediaEvent<MediaLiveEventChannelArchiveHeartbeatEventData> mediaEvent) =>
        _store.UpdateLiveEvent(Subject(mediaEvent), mediaEvent, static (live, e) => live.ApplyArchiveHeartbeat(e.Time, e.Data));

    // Anything else.

    /// <inheritdoc />
    public void VisitUnknown(MediaEvent mediaEvent)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);

        // The endpoint answers the subscription validation itself; it is not a Media event.
        if (!IsSubscriptionValidation(mediaEvent))
        {
            _store.RecordUnknown(mediaEvent);
        }
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

    private void ApplyJobState<TData>(MediaEvent<TData> mediaEvent)
        where TData : MediaJobStateChangeEventData
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        _store.UpdateJob(Subject(mediaEvent), mediaEvent, static (job, e) => job.ApplyState(e.Time, e.Data, OutputsOf(e.Data)));
    }

    private void ApplyOutputState<TData>(MediaEvent<TData> mediaEvent)
        where TData : MediaJobOutputStateChangeEventData
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        _store.UpdateJob(Subject(mediaEvent), mediaEvent, static (job, e) =>
        {
            if (e.Data.Output is { } output)
            {
                job.ApplyOutput(e.Time, output, e.Data.JobCorrelationData);
            }
        });
    }
}
