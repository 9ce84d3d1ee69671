using System;
using Microsoft.Extensions.Logging;

namespace MediaEvents.QueueWorkerSample;

/// <summary>The worker's log lines, generated without boxing or formatting when the level is off.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Worker {Worker} reads queue {Queue} (poison queue {PoisonQueue}), up to {Concurrency} message(s) at a time; state in {State}")]
    public static partial void Started(ILogger logger, string worker, string queue, string poisonQueue, int concurrency, string state);

    [LoggerMessage(2, LogLevel.Information, "Worker {Worker} stopped; messages it was handling come back after their visibility timeout")]
    public static partial void Stopped(ILogger logger, string worker);

    [LoggerMessage(3, LogLevel.Debug, "Message {MessageId} (dequeued {DequeueCount}): {Count} event(s) handled, state written, message deleted")]
    public static partial void Completed(ILogger logger, string messageId, long dequeueCount, int count);

    [LoggerMessage(4, LogLevel.Warning, "Message {MessageId} (dequeued {DequeueCount}) moved to {PoisonQueue}: {Reason}")]
    public static partial void Poisoned(ILogger logger, string messageId, long dequeueCount, string poisonQueue, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Message {MessageId} (dequeued {DequeueCount}) could not be handled; it comes back in {RetryDelaySeconds} s")]
    public static partial void HandlingFailed(ILogger logger, Exception exception, string messageId, long dequeueCount, double retryDelaySeconds);

    [LoggerMessage(6, LogLevel.Debug, "Message {MessageId}: visibility extended by {Seconds} s (extension {Count})")]
    public static partial void VisibilityExtended(ILogger logger, string messageId, int count, double seconds);

    [LoggerMessage(7, LogLevel.Warning, "Message {MessageId}: the visibility could not be extended; trying again before it runs out")]
    public static partial void VisibilityNotExtended(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(8, LogLevel.Warning, "Message {MessageId} was lost to another consumer ({ErrorCode}): its handling here is cancelled")]
    public static partial void MessageLost(ILogger logger, string messageId, string? errorCode);

    [LoggerMessage(9, LogLevel.Error, "Receiving from queue {Queue} failed; trying again in {DelaySeconds} s")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, string queue, double delaySeconds);

    [LoggerMessage(10, LogLevel.Warning, "Message {MessageId}: its state is written but it could not be deleted ({Detail}); it comes back and its events are then found to be duplicates")]
    public static partial void DeleteFailed(ILogger logger, string messageId, string detail);

    [LoggerMessage(11, LogLevel.Error, "A MessageHandled subscriber threw; the worker goes on")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Debug, "Message {MessageId}: event {EventId} of type {EventType} is not one the tracker follows")]
    public static partial void NotTracked(ILogger logger, string messageId, string eventId, string eventType);

    [LoggerMessage(13, LogLevel.Warning, "Message {MessageId} could not be released for a retry; it comes back after its visibility timeout")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string messageId);
}
