using Microsoft.Extensions.Logging;

namespace MediaEvents.Webhook;

/// <summary>The app's log lines, generated without boxing or formatting when the level is off.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Event {Index} of the delivery could not be read (id {EventId}, type {EventType}) at {Path}: {Reason}")]
    public static partial void EventNotRead(ILogger logger, int index, string? eventId, string? eventType, string path, string reason);

    [LoggerMessage(2, LogLevel.Information, "Delivery of {Count} event(s): {Applied} applied, {Duplicates} already applied, {NotTracked} not tracked, {Invalid} invalid, {Failed} could not be read")]
    public static partial void DeliveryHandled(ILogger logger, int count, int applied, int duplicates, int notTracked, int invalid, int failed);

    [LoggerMessage(3, LogLevel.Warning, "Delivery refused with {Status}: {Detail}")]
    public static partial void DeliveryRefused(ILogger logger, int status, string detail);

    [LoggerMessage(4, LogLevel.Error, "The events of a delivery could not be applied; answering 500 so that Event Grid retries it")]
    public static partial void DeliveryFailed(ILogger logger, System.Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Event Grid subscription validated (event {EventId}, topic {Topic})")]
    public static partial void SubscriptionValidated(ILogger logger, string? eventId, string? topic);

    [LoggerMessage(6, LogLevel.Information, "CloudEvents handshake allowed: {Result}")]
    public static partial void HandshakeAllowed(ILogger logger, string result);

    [LoggerMessage(7, LogLevel.Warning, "CloudEvents handshake refused: {Reason} (to grant it later, an administrator may call the callback: {Callback})")]
    public static partial void HandshakeRefused(ILogger logger, string? reason, string? callback);

    [LoggerMessage(8, LogLevel.Warning, "Request to {Path} refused: {Detail}")]
    public static partial void Unauthorized(ILogger logger, string path, string detail);

    [LoggerMessage(11, LogLevel.Warning, "{NotLogged} more event(s) of the delivery could not be read; only the first {Logged} are logged one by one (Webhook:MaxFailuresReported)")]
    public static partial void MoreEventsNotRead(ILogger logger, int notLogged, int logged);

    [LoggerMessage(9, LogLevel.Warning, "No shared secret is configured and Webhook:AllowAnonymous is true: anyone who can reach the endpoint can post events. Use this for local development only.")]
    public static partial void RunningAnonymously(ILogger logger);

    [LoggerMessage(12, LogLevel.Warning, "Event {Index} of the delivery could not be applied (id {EventId}, type {EventType}): {Reason}")]
    public static partial void EventNotApplied(ILogger logger, int index, string? eventId, string? eventType, string? reason);

    [LoggerMessage(13, LogLevel.Warning, "{NotLogged} more event(s) of the delivery could not be applied; only the first {Logged} are logged one by one (Webhook:MaxFailuresReported)")]
    public static partial void MoreEventsNotApplied(ILogger logger, int notLogged, int logged);

    [LoggerMessage(14, LogLevel.Error, "The state store could not be read for /status")]
    public static partial void StatusFailed(ILogger logger, System.Exception exception);

    [LoggerMessage(15, LogLevel.Information, "Job {Subject} {Outcome} at {Time:O}")]
    public static partial void JobEnded(ILogger logger, string? subject, string outcome, System.DateTimeOffset? time);

    [LoggerMessage(16, LogLevel.Warning, "Job {Subject} failed at {Time:O}: {Errors}")]
    public static partial void JobFailed(ILogger logger, string? subject, System.DateTimeOffset? time, string errors);

    [LoggerMessage(17, LogLevel.Information, "Encoder {EncoderIp} connected to {Subject} (stream {StreamId}) at {Time:O}")]
    public static partial void EncoderConnected(ILogger logger, string? subject, string? streamId, string? encoderIp, System.DateTimeOffset? time);

    [LoggerMessage(18, LogLevel.Information, "Encoder disconnected from {Subject} (stream {StreamId}) with {ResultCode} at {Time:O}")]
    public static partial void EncoderDisconnected(ILogger logger, string? subject, string? streamId, string? resultCode, System.DateTimeOffset? time);

    [LoggerMessage(19, LogLevel.Warning, "Encoder refused by {Subject} (stream {StreamId}) with {ResultCode} at {Time:O}")]
    public static partial void EncoderRejected(ILogger logger, string? subject, string? streamId, string? resultCode, System.DateTimeOffset? time);

    [LoggerMessage(10, LogLevel.Warning, "The client went away while the events of a delivery were applied; the events after that point were not applied, and Event Grid retries the delivery")]
    public static partial void DeliveryAbandoned(ILogger logger);
}
