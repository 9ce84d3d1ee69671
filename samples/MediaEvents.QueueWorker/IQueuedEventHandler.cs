using System;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.QueueWorkerSample;

/// <summary>The received message an event came in.</summary>
/// <param name="MessageId">The queue message's id.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included (1 the first time).</param>
/// <param name="InsertedOn">When the message was put in the queue, as the service reports it.</param>
public sealed record QueuedMessageInfo(string MessageId, long DequeueCount, DateTimeOffset? InsertedOn);

/// <summary>
/// The application's own work on each event of a message (starting a follow-up job, notifying someone), done before
/// the event's state is written and the message deleted. It runs at least once per event: if it throws, or the
/// worker stops while it runs, the message comes back and it runs again. The worker keeps the message invisible to
/// the other workers for as long as it runs.
/// </summary>
public interface IQueuedEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="mediaEvent">The event, read from the message.</param>
    /// <param name="message">The message it came in.</param>
    /// <param name="cancellationToken">Cancelled when the worker stops or loses the message to another worker.</param>
    ValueTask HandleAsync(MediaEvent mediaEvent, QueuedMessageInfo message, CancellationToken cancellationToken);
}
