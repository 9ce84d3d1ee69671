using System.Collections.Generic;
using MediaEvents.Tracking;

namespace MediaEvents.QueueWorkerSample;

/// <summary>What became of one received message.</summary>
public enum MessageDisposition
{
    /// <summary>Its events were handled and their state written, and it was deleted from the queue.</summary>
    Completed,

    /// <summary>It was moved to the poison queue with the reason, and deleted from the queue.</summary>
    Poisoned,

    /// <summary>
    /// It was left in the queue: its handling failed, its visibility could not be kept, or the worker stopped. It
    /// comes back after the retry delay or its visibility timeout, to this worker or another.
    /// </summary>
    Abandoned,
}

/// <summary>What a worker did with one received message, reported by <see cref="QueueWorker.MessageHandled"/>.</summary>
/// <param name="Worker">The worker's name (<see cref="QueueWorkerOptions.WorkerName"/>).</param>
/// <param name="MessageId">The queue message's id.</param>
/// <param name="DequeueCount">How many times the message had been received, this time included.</param>
/// <param name="Disposition">What became of it.</param>
/// <param name="Results">
/// The tracker's result for each event when the state was written, whatever happened after (an abandoned message
/// may have its state written already: the next attempt then finds its events <see cref="TrackingOutcome.Duplicate"/>);
/// empty when no state was written.
/// </param>
/// <param name="Reason">Why the message was poisoned or abandoned.</param>
public sealed record MessageOutcome(
    string Worker, string MessageId, long DequeueCount, MessageDisposition Disposition, IReadOnlyList<TrackingResult> Results, string? Reason = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Worker} {MessageId} (dequeued {DequeueCount}): {Disposition}, {Results.Count} event(s) written" + (Reason is null ? "" : $": {Reason}");
}
