using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MediaEvents.QueueWorkerSample.Generated;
using MediaEvents.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaEvents.QueueWorkerSample;

/// <summary>
/// Consumes the Storage Queue that an Event Grid subscription writes Media Services events to, one event per
/// message: reads each message, runs the <see cref="IQueuedEventHandler"/> on its events, writes their state through
/// a <see cref="MediaStateTracker"/>, and only then deletes the message. Any number of workers, in one process or
/// many, may consume one queue: a received message is invisible to the others while it is handled (its visibility is
/// extended for as long as that takes), and the tracker's state is the same whichever worker applies an event, in
/// whatever order, however often.
/// </summary>
/// <remarks>
/// A message that cannot be read as an event, whose event the tracker refuses as invalid, or that has been received
/// more than <see cref="QueueWorkerOptions.MaxDequeueCount"/> times, is moved to the poison queue with the reason.
/// One bad message never stops the worker. When the worker stops, handlers are cancelled and their messages come
/// back after their visibility timeout; a state write or a move to the poison queue already under way is finished,
/// so that a stop leaves no write half-known and no poison record without its deletion.
/// </remarks>
public sealed class QueueWorker
{
    private static readonly TimeSpan s_minPollDelay = TimeSpan.FromMilliseconds(100);

    private readonly QueueClient _queue;
    private readonly QueueClient _poisonQueue;
    private readonly MediaStateTracker _tracker;
    private readonly QueueWorkerOptions _options;
    private readonly ILogger _logger;
    private readonly IQueuedEventHandler? _handler;
    private readonly MediaEventReader _reader;

    /// <summary>Creates a worker.</summary>
    /// <param name="queue">The queue Event Grid writes to. Its client must use no message encoding (the default): the worker tells Base64 from JSON itself.</param>
    /// <param name="poisonQueue">Where messages that cannot be handled go.</param>
    /// <param name="tracker">The tracker that writes the state: over a shared store (the table store) when there are several workers.</param>
    /// <param name="options">The worker's settings, checked here.</param>
    /// <param name="logger">Where the worker logs; nowhere when null.</param>
    /// <param name="handler">The application's work on each event, run before the state is written; none when null.</param>
    /// <param name="reader">The reader of the events; the one generated for this app's spec when null.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are not valid; the message lists every problem.</exception>
    public QueueWorker(
        QueueClient queue,
        QueueClient poisonQueue,
        MediaStateTracker tracker,
        QueueWorkerOptions options,
        ILogger<QueueWorker>? logger = null,
        IQueuedEventHandler? handler = null,
        MediaEventReader? reader = null)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _poisonQueue = poisonQueue ?? throw new ArgumentNullException(nameof(poisonQueue));
        _tracker = tracker ?? throw new ArgumentNullException(nameof(tracker));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        QueueWorkerOptionsValidator.ThrowIfInvalid(options);
        if (string.Equals(queue.Name, poisonQueue.Name, StringComparison.Ordinal) && queue.Uri == poisonQueue.Uri)
        {
            throw new ArgumentException($"The poison queue is the queue itself ('{queue.Name}'): a poisoned message would come straight back.", nameof(poisonQueue));
        }

        _logger = logger ?? (ILogger)NullLogger.Instance;
        _handler = handler;
        _reader = reader ?? MediaEventDispatcher.CreateReader();
    }

    /// <summary>
    /// Raised once for every message received, when the worker is done with it: completed, poisoned or abandoned,
    /// with the tracker's results when the state was written. Raised on the worker's threads; a subscriber that
    /// throws is logged and does not disturb the worker.
    /// </summary>
    public event Action<MessageOutcome>? MessageHandled;

    /// <summary>
    /// Receives and handles messages until <paramref name="stoppingToken"/> is cancelled, then waits for the messages
    /// under way to stop (their handlers are cancelled) and returns. Storage errors are logged and retried; it
    /// returns normally on cancellation.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        Log.Started(_logger, _options.WorkerName, _queue.Name, _poisonQueue.Name, _options.MaxConcurrentMessages, _tracker.Store.GetType().Name);
        using var slots = new SemaphoreSlim(_options.MaxConcurrentMessages, _options.MaxConcurrentMessages);
        var running = new ConcurrentDictionary<Task, bool>();
        TimeSpan firstPollDelay = TimeSpan.FromTicks(Math.Min(s_minPollDelay.Ticks, _options.MaxPollDelay.Ticks));
        TimeSpan pollDelay = firstPollDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Ask for as many messages as there are free slots, so that none waits invisible for a slot.
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                int free = 1;
                while (free < _options.MaxMessagesPerReceive && slots.Wait(0))
                {
                    free++;
                }

                QueueMessage[] messages;
                try
                {
                    messages = (await _queue.ReceiveMessagesAsync(free, _options.VisibilityTimeout, stoppingToken).ConfigureAwait(false)).Value;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The service's refusals and the transport's failures (a timed-out request ends in a cancellation
                    // of the client's own) once the client's retries are spent: the worker keeps going.
                    slots.Release(free);
                    Log.ReceiveFailed(_logger, exception, _queue.Name, _options.MaxPollDelay.TotalSeconds);
                    await Task.Delay(_options.MaxPollDelay, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (free > messages.Length)
                {
                    slots.Release(free - messages.Length);
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(pollDelay, stoppingToken).ConfigureAwait(false);
                    pollDelay = TimeSpan.FromTicks(Math.Min(pollDelay.Ticks * 2, _options.MaxPollDelay.Ticks));
                    continue;
                }

                pollDelay = firstPollDelay;
                foreach (QueueMessage message in messages)
                {
                    Task handling = HandleAndReleaseAsync(message, slots, stoppingToken);
                    running.TryAdd(handling, true);
                    _ = handling.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, bool>)state!).TryRemove(done, out _), running, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await Task.WhenAll(running.Keys).ConfigureAwait(false);
        Log.Stopped(_logger, _options.WorkerName);
    }

    /// <summary>
    /// Handles one received message to its end and reports it: what <see cref="RunAsync"/> does with each message
    /// it receives. Never throws; the outcome says what happened.
    /// </summary>
    /// <param name="message">The message, as received from the queue (with its pop receipt).</param>
    /// <param name="stoppingToken">Cancelled when the worker stops.</param>
    public async Task<MessageOutcome> HandleAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        MessageOutcome outcome;
        await using (var lease = new MessageLease(_queue, message, _options.VisibilityTimeout, _logger, stoppingToken))
        {
            outcome = await HandleLeasedAsync(message, lease, stoppingToken).ConfigureAwait(false);
        }

        try
        {
            MessageHandled?.Invoke(outcome);
        }
        catch (Exception exception)
        {
            Log.ObserverFailed(_logger, exception);
        }

        return outcome;
    }

    private async Task HandleAndReleaseAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await HandleAsync(message, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<MessageOutcome> HandleLeasedAsync(QueueMessage message, MessageLease lease, CancellationToken stoppingToken)
    {
        IReadOnlyList<TrackingResult> results = [];
        try
        {
            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                return await PoisonAsync(message, lease, results,
                    $"The message was received {message.DequeueCount} times, more than MaxDequeueCount ({_options.MaxDequeueCount}): its handling failed every time.").ConfigureAwait(false);
            }

            QueueMessageContent content = QueueMessageContent.Read(message.Body.ToMemory(), _reader);
            if (content.Failure is { } unreadable)
            {
                return await PoisonAsync(message, lease, results, unreadable).ConfigureAwait(false);
            }

            MediaEvent[] events = [.. content.Batch!.Events];
            if (_handler is not null)
            {
                var info = new QueuedMessageInfo(message.MessageId, message.DequeueCount, message.InsertedOn);
                foreach (MediaEvent mediaEvent in events)
                {
                    await _handler.HandleAsync(mediaEvent, info, lease.Token).ConfigureAwait(false);
                }
            }

            lease.Token.ThrowIfCancellationRequested();

            // Once the handlers are done, the write runs to its end even if the worker is stopping: its result is
            // then known (and reported), rather than applied by the service and lost to this worker.
            results = await _tracker.ApplyAsync(events, CancellationToken.None).ConfigureAwait(false);
            foreach (TrackingResult result in results.Where(static result => result.Outcome == TrackingOutcome.NotTracked))
            {
                Log.NotTracked(_logger, message.MessageId, result.Event.Id, result.Event.EventType);
            }

            TrackingResult[] invalid = results.Where(static result => result.Outcome == TrackingOutcome.Invalid).ToArray();
            if (invalid.Length > 0)
            {
                string reasons = string.Join("; ", invalid.Select(static result => $"event {result.Event.Id} ({result.Event.EventType}): {result.Reason}"));
                return await PoisonAsync(message, lease, results, "The tracker cannot apply the message's event: " + reasons).ConfigureAwait(false);
            }

            await lease.StopAsync().ConfigureAwait(false);
            if (await TryDeleteAsync(message, lease).ConfigureAwait(false) is { } notDeleted)
            {
                return Outcome(message, MessageDisposition.Abandoned, results, notDeleted);
            }

            Log.Completed(_logger, message.MessageId, message.DequeueCount, events.Length);
            return Outcome(message, MessageDisposition.Completed, results);
        }
        catch (OperationCanceledException) when (lease.Token.IsCancellationRequested)
        {
            return Outcome(message, MessageDisposition.Abandoned, results,
                lease.IsLost ? "The message was lost to another consumer while it was handled." : "The worker stopped while the message was handled.");
        }
        catch (Exception exception)
        {
            // A handler or the store failed: the message is released for a retry, after the retry delay.
            Log.HandlingFailed(_logger, exception, message.MessageId, message.DequeueCount, _options.RetryDelay.TotalSeconds);
            await ReleaseAsync(message, lease).ConfigureAwait(false);
            return Outcome(message, MessageDisposition.Abandoned, results, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    // A move is a send and a delete; once started it is finished even if the worker is stopping, so that a stop
    // leaves no record in the poison queue of a message still in the queue (a crash still may: records carry the
    // message id).
    private async Task<MessageOutcome> PoisonAsync(QueueMessage message, MessageLease lease, IReadOnlyList<TrackingResult> results, string reason)
    {
        var record = new PoisonMessage(reason, message.MessageId, message.DequeueCount, message.InsertedOn, DateTimeOffset.UtcNow, _options.WorkerName, message.Body.ToString());
        await _poisonQueue.SendMessageAsync(record.ToJson(), CancellationToken.None).ConfigureAwait(false);
        await lease.StopAsync().ConfigureAwait(false);
        if (await TryDeleteAsync(message, lease).ConfigureAwait(false) is { } notDeleted)
        {
            return Outcome(message, MessageDisposition.Abandoned, results, $"{reason} (moved to {_poisonQueue.Name}, but {notDeleted})");
        }

        Log.Poisoned(_logger, message.MessageId, message.DequeueCount, _poisonQueue.Name, reason);
        return Outcome(message, MessageDisposition.Poisoned, results, reason);
    }

    // Null when deleted; else why not. Not cancelled by a stop, for the reason the write is not; never throws.
    private async Task<string?> TryDeleteAsync(QueueMessage message, MessageLease lease)
    {
        if (lease.IsLost)
        {
            return "the message was lost to another consumer before it could be deleted";
        }

        try
        {
            await _queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception)
        {
            // Not deleted, for whatever reason: the message comes back, and its events are then duplicates.
            string detail = exception is RequestFailedException failed
                ? $"the delete failed with {failed.Status} {failed.ErrorCode}"
                : $"the delete failed: {exception.GetType().Name}: {exception.Message}";
            Log.DeleteFailed(_logger, message.MessageId, detail);
            return detail;
        }
    }

    // Makes the message visible again after the retry delay; never throws (failing that, its timeout runs out).
    private async Task ReleaseAsync(QueueMessage message, MessageLease lease)
    {
        await lease.StopAsync().ConfigureAwait(false);
        if (lease.IsLost)
        {
            return;
        }

        try
        {
            await _queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: _options.RetryDelay, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.ReleaseFailed(_logger, exception, message.MessageId);
        }
    }

    private MessageOutcome Outcome(QueueMessage message, MessageDisposition disposition, IReadOnlyList<TrackingResult> results, string? reason = null) =>
        new(_options.WorkerName, message.MessageId, message.DequeueCount, disposition, results, reason);
}
