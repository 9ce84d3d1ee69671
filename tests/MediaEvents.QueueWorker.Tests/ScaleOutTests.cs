using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using MediaEvents.QueueWorkerSample.Tests.Generated;
using MediaEvents.Testing;
using MediaEvents.Tracking;
using MediaEvents.Tracking.AzureTables;
using Xunit;
using Xunit.Abstractions;

namespace MediaEvents.QueueWorkerSample.Tests;

/// <summary>
/// Competing consumers on Azurite: three workers share a queue of 10,000 messages and a state table, one of them is
/// stopped while it holds messages, and in the end every good event was applied exactly once, the state is the
/// in-order fold's, and the poison queue holds exactly the bad messages.
/// </summary>
/// <remarks>
/// An Azurite of its own, killed after the test: the 10,000 messages it leaves in Azurite's memory would otherwise slow
/// the services for the tests that come after it. (The test assembly runs its classes one at a time.)
/// </remarks>
public sealed class ScaleOutTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int MessageCount = 10_000;
    private const int BadMessages = 80;

    // The worker that is stopped: after this many messages, its handler holds every message it gets until it is stopped.
    private const int StoppedAfter = 1_500;
    private const int HeldWhenStopped = 8;

    // Messages sent and not yet done, at most: Event Grid writes as events happen, and Azurite deletes a message in
    // time that grows with the queue's length (tens of milliseconds past a few thousand), unlike the service.
    private const int Backlog = 500;

    private static readonly TimeSpan s_wait = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Three_workers_apply_every_good_event_exactly_once_while_one_is_stopped_holding_messages()
    {
        var workload = MediaEventWorkload.Create(MessageCount, BadMessages, seed: 7);
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        TableClient table = await azurite.CreateTableAsync();
        Stopwatch watch = Stopwatch.StartNew();

        // The expected state: every distinct event applied once, in the order it happened, in memory.
        MediaEventReader reader = MediaEventDispatcher.CreateReader();
        var inOrder = new MediaStateTracker();
        Assert.All(inOrder.Apply(workload.EventsInOrder.Select(json => reader.Read(json).Events.Single())), static result => Assert.Equal(TrackingOutcome.Applied, result.Outcome));

        var log = new OutcomeLog();
        using var window = new SemaphoreSlim(Backlog);
        int stoppedWorkerDone = 0;
        int held = 0;
        var enoughHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new DelegateHandler(async (_, _, cancellationToken) =>
        {
            if (Volatile.Read(ref stoppedWorkerDone) >= StoppedAfter)
            {
                if (Interlocked.Increment(ref held) >= HeldWhenStopped)
                {
                    enoughHeld.TrySetResult();
                }

                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        });
        QueueWorker stopped = Worker("w3", holding);
        stopped.MessageHandled += _ => Interlocked.Increment(ref stoppedWorkerDone);

        watch.Restart();
        int produced = 0;
        using var progress = new Timer(_ => Progress(
            $"{watch.Elapsed.TotalSeconds:F0} s: {Volatile.Read(ref produced)} sent, {log.FinalCount} done (w3: {Volatile.Read(ref stoppedWorkerDone)}, holding {Volatile.Read(ref held)}); " +
            string.Join(", ", log.Outcomes.GroupBy(static outcome => (outcome.Worker, outcome.Disposition)).Select(static group => $"{group.Key.Worker} {group.Key.Disposition} {group.Count()}"))),
            null, 15_000, 15_000);
        RunningWorker w1 = new(Worker("w1", null)), w2 = new(Worker("w2", null)), w3 = new(stopped);

        // The producer, as Event Grid: keeps up to Backlog messages in the queue, and records what each message is
        // by the id the service gave it.
        var sent = new ConcurrentDictionary<string, WorkloadMessage>(StringComparer.Ordinal);
        Task producing = Parallel.ForEachAsync(workload.Messages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (message, cancellationToken) =>
        {
            await window.WaitAsync(cancellationToken);
            sent[(await queue.SendMessageAsync(message.Body, cancellationToken)).Value.MessageId] = message;
            Interlocked.Increment(ref produced);
        });
        await enoughHeld.Task.WaitAsync(s_wait);
        await w3.DisposeAsync();
        output.WriteLine($"w3 stopped after {watch.Elapsed.TotalSeconds:F1} s, holding {Volatile.Read(ref held)} message(s)");
        await producing.WaitAsync(s_wait);
        await log.WaitForFinalAsync(sent.Keys.ToArray(), s_wait);

        // A send whose answer was lost is sent again by the client, and then both copies are in the queue (a producer
        // delivers at least once too): the copies, which the ids above do not name, are drained before the end.
        for (var deadline = DateTime.UtcNow + s_wait; await QueueAssertions.CountAsync(queue) > 0 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100);
        }

        await w1.DisposeAsync();
        await w2.DisposeAsync();
        output.WriteLine($"{MessageCount} messages handled in {watch.Elapsed.TotalSeconds:F1} s");

        MessageOutcome[] outcomes = log.Outcomes;
        foreach (IGrouping<string?, MessageOutcome> reason in outcomes.Where(static outcome => outcome.Disposition == MessageDisposition.Abandoned).GroupBy(static outcome => outcome.Reason))
        {
            output.WriteLine($"abandoned {reason.Count()} time(s): {reason.Key}");
        }

        // Every message ended once, as its kind says: events completed, bad messages poisoned. Copies of a message
        // the client sent twice are counted apart: they are few, and they end as their original does.
        MessageOutcome[] final = outcomes.Where(static outcome => outcome.Disposition != MessageDisposition.Abandoned).ToArray();
        Assert.Equal(final.Length, final.Select(static outcome => outcome.MessageId).Distinct(StringComparer.Ordinal).Count());
        MessageOutcome[] copies = final.Where(outcome => !sent.ContainsKey(outcome.MessageId)).ToArray();
        output.WriteLine($"{copies.Length} message(s) sent twice by the client");
        Assert.True(copies.Length <= MessageCount / 100, $"{copies.Length} copies");
        Assert.Equal(MessageCount, final.Length - copies.Length);
        Assert.All(final.Except(copies), outcome => Assert.Equal(
            sent[outcome.MessageId].Kind == WorkloadMessageKind.Bad ? MessageDisposition.Poisoned : MessageDisposition.Completed, outcome.Disposition));

        // Exactly once: over every worker's results, each distinct event was reported Applied once; redeliveries
        // (Event Grid's and those of the stopped worker's messages) were reported Duplicate.
        Dictionary<string, int> applied = OutcomeLog.AppliedCounts(outcomes);
        string[] expectedIds = workload.Messages.Where(static message => message.Kind == WorkloadMessageKind.Event).Select(static message => message.EventId!).ToArray();
        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), applied.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(applied, static pair => pair.Value != 1);
        int duplicates = outcomes.SelectMany(static outcome => outcome.Results).Count(static result => result.Outcome == TrackingOutcome.Duplicate);
        Assert.True(duplicates >= workload.Messages.Count(static message => message.Kind == WorkloadMessageKind.Duplicate), $"only {duplicates} duplicate(s) reported");
        Assert.Equal(
            workload.Messages.Count(static message => message.Kind == WorkloadMessageKind.NotTracked),
            final.Except(copies).SelectMany(static outcome => outcome.Results).Count(static result => result.Outcome == TrackingOutcome.NotTracked));

        // The stopped worker's held messages came back after their visibility timeout and were finished by the others.
        MessageOutcome[] abandoned = outcomes.Where(static outcome => outcome.Worker == "w3" && outcome.Reason == "The worker stopped while the message was handled.").ToArray();
        Assert.True(abandoned.Length >= HeldWhenStopped, $"w3 abandoned {abandoned.Length} message(s)");
        Assert.All(abandoned, outcome => Assert.Contains(final, other => other.MessageId == outcome.MessageId && other.Worker != "w3" && other.DequeueCount > outcome.DequeueCount));

        // The shared state is the in-order fold's, resource by resource.
        var state = new MediaStateTracker(new TableMediaStateStore(azurite.NewTableClient(table.Name)));
        foreach (string subject in workload.JobSubjects)
        {
            Assert.Equal(inOrder.GetJob(subject), await state.GetJobAsync(subject));
        }

        foreach (string subject in workload.LiveEventSubjects)
        {
            Assert.Equal(inOrder.GetLiveEvent(subject), await state.GetLiveEventAsync(subject));
        }

        // The poison queue holds each bad message once, with its reason; the queue is empty.
        List<PoisonMessage> records = await QueueAssertions.PoisonRecordsAsync(poison);
        WorkloadMessage[] bad = workload.Messages.Where(static message => message.Kind == WorkloadMessageKind.Bad).ToArray();
        Assert.Equal(bad.Length + copies.Count(static copy => copy.Disposition == MessageDisposition.Poisoned), records.Count);
        Assert.Equal(bad.Select(static message => message.Body).Order(StringComparer.Ordinal), records.Select(static record => record.Body).Distinct().Order(StringComparer.Ordinal));
        Dictionary<string, PoisonMessage> byBody = records.DistinctBy(static record => record.Body).ToDictionary(static record => record.Body, StringComparer.Ordinal);
        Assert.All(bad, message => Assert.Contains(message.ExpectedReason!, byBody[message.Body].Reason, StringComparison.Ordinal));
        Assert.Equal(0, await QueueAssertions.CountAsync(queue));

        // A tick that comes after the test has ended has nowhere to write.
        void Progress(string line)
        {
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
            }
        }

        QueueWorker Worker(string name, IQueuedEventHandler? handler)
        {
            var options = new QueueWorkerOptions
            {
                QueueName = queue.Name,
                VisibilityTimeout = TimeSpan.FromSeconds(5),
                RetryDelay = TimeSpan.Zero,
                MaxPollDelay = TimeSpan.FromMilliseconds(200),
                WorkerName = name,
            };

            // Each worker has connections of its own, as a worker in another process would; writers that share an
            // entity lose races and keep trying.
            var tracker = new MediaStateTracker(new TableMediaStateStore(azurite.NewTableClient(table.Name)), new MediaStateTrackerOptions { MaxWriteAttempts = 1000 });
            QueueWorker worker = log.Attach(new QueueWorker(
                azurite.NewQueueClient(queue.Name), azurite.NewQueueClient(poison.Name), tracker, options, handler: handler, reader: MediaEventDispatcher.CreateReader()));
            worker.MessageHandled += outcome =>
            {
                if (outcome.Disposition != MessageDisposition.Abandoned)
                {
                    window.Release();
                }
            };
            return worker;
        }
    }
}
