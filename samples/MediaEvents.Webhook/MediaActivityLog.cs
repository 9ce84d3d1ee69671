using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MediaEvents.Webhook;

/// <summary>
/// Writes a log line for the events an operator watches for: a job finished, failed (with each output's error) or
/// was canceled; an encoder connected, disconnected or was refused. The events endpoint hands it only the events the
/// tracker has just applied, not the redeliveries it recognised, so each line is written once per event (an event
/// redelivered after it left the tracker's window of recent ids is logged again).
/// </summary>
/// <remarks>
/// The generated <see cref="NonExhaustiveMediaEventAsyncVisitor"/>: a few typed handlers, the other events ignored.
/// The state itself is the tracker's; this is where a webhook's own reactions to events go (a notification, a
/// message to a queue: anything that awaits, with the request's token).
/// </remarks>
public sealed class MediaActivityLog : NonExhaustiveMediaEventAsyncVisitor
{
    private readonly ILogger<MediaActivityLog> _logger;

    /// <summary>Creates the log.</summary>
    public MediaActivityLog(ILogger<MediaActivityLog> logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public override ValueTask VisitJobFinishedAsync(MediaEvent<MediaJobFinishedEventData> mediaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        Log.JobEnded(_logger, mediaEvent.Subject, "finished", mediaEvent.Time);
        return default;
    }

    /// <inheritdoc />
    public override ValueTask VisitJobCanceledAsync(MediaEvent<MediaJobCanceledEventData> mediaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        Log.JobEnded(_logger, mediaEvent.Subject, "was canceled", mediaEvent.Time);
        return default;
    }

    /// <inheritdoc />
    public override ValueTask VisitJobErroredAsync(MediaEvent<MediaJobErroredEventData> mediaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        string errors = string.Join(
            "; ",
            (mediaEvent.Data.Outputs ?? []).Where(static output => output.Error is not null)
                .Select(static output => $"{output.Label}: {output.Error!.Code} ({output.Error.Retry}) {output.Error.Message}"));
        Log.JobFailed(_logger, mediaEvent.Subject, mediaEvent.Time, errors.Length == 0 ? "no output error given" : errors);
        return default;
    }

    /// <inheritdoc />
    public override ValueTask VisitLiveEventEncoderConnectedAsync(MediaEvent<MediaLiveEventEncoderConnectedEventData> mediaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        Log.EncoderConnected(_logger, mediaEvent.Subject, mediaEvent.Data.StreamId, mediaEvent.Data.EncoderIp, mediaEvent.Time);
        return default;
    }

    /// <inheritdoc />
    public override ValueTask VisitLiveEventEncoderDisconnectedAsync(MediaEvent<MediaLiveEventEncoderDisconnectedEventData> mediaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        Log.EncoderDisconnected(_logger, mediaEvent.Subject, mediaEvent.Data.StreamId, mediaEvent.Data.ResultCode, mediaEvent.Time);
        return default;
    }

    /// <inheritdoc />
    public override ValueTask VisitLiveEventConnectionRejectedAsync(MediaEvent<MediaLiveEventConnectionRejectedEventData> mediaEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        Log.EncoderRejected(_logger, mediaEvent.Subject, mediaEvent.Data.StreamId, mediaEvent.Data.ResultCode, mediaEvent.Time);
        return default;
    }
}
