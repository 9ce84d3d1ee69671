using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MediaEvents.QueueWorkerSample.Tests.Generated;
using MediaEvents.Testing;
using MediaEvents.Tracking;
using Xunit;

namespace MediaEvents.QueueWorkerSample.Tests;

/// <summary>One worker on Azurite: visibility kept while a handler runs, deletion only after the write, the poison queue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueWorkerTests(AzuriteFixture azurite)
{
    // The log event id of Log.VisibilityExtended in the sample.
    private const int VisibilityExtendedLogId = 6;

    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset s_time = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Job = "transforms/T/jobs/J";

    [Fact]
    public async Task A_message_is_applied_and_deleted()
    {
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        var tracker = new MediaStateTracker();
        await queue.SendMessageAsync(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(JobEvent("e1", "Processing"))));
        var log = new OutcomeLog();

        await using (Run(log.Attach(Worker(queue, poison, tracker))))
        {
            await log.WaitForFinalAsync(1, s_wait);
        }

        MessageOutcome outcome = Assert.Single(log.Outcomes);
        Assert.Equal(MessageDisposition.Completed, outcome.Disposition);
        Assert.Equal(TrackingOutcome.Applied, Assert.Single(outcome.Results).Outcome);
        Assert.Equal(JobState.Processing, tracker.GetJob(Job)?.State);
        Assert.Equal(0, await QueueAssertions.CountAsync(queue));
        Assert.Equal(0, await QueueAssertions.CountAsync(poison));
    }

    [Fact]
    public async Task The_visibility_is_extended_while_a_long_handler_runs_so_no_other_consumer_gets_the_message()
    {
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        await queue.SendMessageAsync(JobEvent("e1", "Processing"));
        var logger = new RecordingLogger();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler((_, _, cancellationToken) => release.Task.WaitAsync(cancellationToken));
        var options = Options(queue, visibilitySeconds: 2);
        var log = new OutcomeLog();

        await using (Run(log.Attach(new QueueWorker(queue, poison, new MediaStateTracker(), options, logger, handler, MediaEventDispatcher.CreateReader()))))
        {
            // Two extensions: more than the first 2-second timeout has passed, and another consumer still sees nothing.
            await logger.WaitForAsync(VisibilityExtendedLogId, 2, s_wait);
            Assert.Empty((await azurite.NewQueueClient(queue.Name).ReceiveMessagesAsync(32)).Value);
            Assert.Equal(1, await QueueAssertions.CountAsync(queue));
            release.SetResult();
            await log.WaitForFinalAsync(1, s_wait);
        }

        MessageOutcome outcome = Assert.Single(log.Outcomes);
        Assert.Equal(MessageDisposition.Completed, outcome.Disposition);
        Assert.Equal(1, outcome.DequeueCount);
        Assert.Equal(0, await QueueAssertions.CountAsync(queue));
    }

    [Fact]
    public async Task The_message_stays_in_the_queue_until_its_state_is_written()
    {
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        await queue.SendMessageAsync(JobEvent("e1", "Processing"));
        var store = new ControlledStore { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var log = new OutcomeLog();

        await using (Run(log.Attach(Worker(queue, poison, new MediaStateTracker(store)))))
        {
            await store.WriteStarted.Task.WaitAsync(s_wait);
            Assert.Equal(1, await QueueAssertions.CountAsync(queue));
            Assert.Empty(log.Outcomes);
            store.Gate.SetResult();
            await log.WaitForFinalAsync(1, s_wait);
        }

        Assert.Equal(1, store.Writes);
        Assert.Equal(0, await QueueAssertions.CountAsync(queue));
    }

    [Fact]
    public async Task A_failed_write_or_handler_leaves_the_message_to_be_tried_again()
    {
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        await queue.SendMessageAsync(JobEvent("e1", "Processing"));
        var store = new ControlledStore();
        store.FailNext(1);
        int handled = 0;
        var handler = new DelegateHandler((_, message, _) =>
            Interlocked.Increment(ref handled) == 2 ? throw new InvalidOperationException("The handler failed (a test's handler).") : Task.CompletedTask);
        var log = new OutcomeLog();

        await using (Run(log.Attach(new QueueWorker(queue, poison, new MediaStateTracker(store), Options(queue), handler: handler, reader: MediaEventDispatcher.CreateReader()))))
        {
            await log.WaitForFinalAsync(1, s_wait);
        }

        // Attempt 1: the handler ran, the write failed. Attempt 2: the handler failed, nothing was written. Attempt 3: done.
        MessageOutcome[] outcomes = log.Outcomes;
        Assert.Equal(new long[] { 1, 2, 3 }, outcomes.Select(static outcome => outcome.DequeueCount));
        Assert.Equal(
            new[] { MessageDisposition.Abandoned, MessageDisposition.Abandoned, MessageDisposition.Completed },
            outcomes.Select(static outcome => outcome.Disposition));
        Assert.Equal("InvalidOperationException: The store is down (a test's store).", outcomes[0].Reason);
        Assert.Equal("InvalidOperationException: The handler failed (a test's handler).", outcomes[1].Reason);
        Assert.Empty(outcomes[0].Results);
        Assert.Empty(outcomes[1].Results);
        Assert.Equal(TrackingOutcome.Applied, Assert.Single(outcomes[2].Results).Outcome);
        Assert.Equal(1, store.Writes);
        Assert.Equal(0, await QueueAssertions.CountAsync(queue));
        Assert.Equal(0, await QueueAssertions.CountAsync(poison));
    }

    [Fact]
    public async Task A_timed_out_write_is_a_failure_like_any_other_not_a_stop()
    {
        // A request that times out ends in a cancellation of the client's own, with the worker's token untouched.
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        await queue.SendMessageAsync(JobEvent("e1", "Processing"));
        var store = new ControlledStore { Failure = static () => new TaskCanceledException("The request timed out (a test's store).") };
        store.FailNext(2);
        var log = new OutcomeLog();

        await using (Run(log.Attach(Worker(queue, poison, new MediaStateTracker(store)))))
        {
            await log.WaitForFinalAsync(1, s_wait);
        }

        MessageOutcome[] outcomes = log.Outcomes;
        Assert.Equal(new long[] { 1, 2, 3 }, outcomes.Select(static outcome => outcome.DequeueCount));
        Assert.All(outcomes[..2], static outcome => Assert.Equal("TaskCanceledException: The request timed out (a test's store).", outcome.Reason));
        Assert.Equal(MessageDisposition.Completed, outcomes[2].Disposition);
        Assert.Equal(1, store.Writes);
    }

    [Fact]
    public async Task A_message_received_more_than_MaxDequeueCount_times_is_poisoned_with_the_reason()
    {
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        string body = JobEvent("e1", "Processing");
        await queue.SendMessageAsync(body);
        var store = new ControlledStore();
        var handler = new DelegateHandler((_, _, _) => throw new TimeoutException("The downstream service did not answer."));
        var log = new OutcomeLog();

        await using (Run(log.Attach(new QueueWorker(queue, poison, new MediaStateTracker(store), Options(queue, maxDequeueCount: 3), handler: handler, reader: MediaEventDispatcher.CreateReader()))))
        {
            await log.WaitForFinalAsync(1, s_wait);
        }

        MessageOutcome[] outcomes = log.Outcomes;
        Assert.Equal(new long[] { 1, 2, 3, 4 }, outcomes.Select(static outcome => outcome.DequeueCount));
        Assert.All(outcomes[..3], static outcome => Assert.Equal("TimeoutException: The downstream service did not answer.", outcome.Reason));
        Assert.Equal(MessageDisposition.Poisoned, outcomes[3].Disposition);
        PoisonMessage record = Assert.Single(await QueueAssertions.PoisonRecordsAsync(poison));
        Assert.Equal("The message was received 4 times, more than MaxDequeueCount (3): its handling failed every time.", record.Reason);
        Assert.Equal(body, record.Body);
        Assert.Equal(outcomes[3].MessageId, record.MessageId);
        Assert.Equal(4, record.DequeueCount);
        Assert.Equal(0, store.Writes);
        Assert.Equal(0, await QueueAssertions.CountAsync(queue));
    }

    [Fact]
    public async Task Bad_messages_are_poisoned_at_once_with_their_reasons_and_the_worker_goes_on()
    {
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        WorkloadMessage[] bad = Enumerable.Range(0, 8).Select(MediaEventWorkload.BadMessage).ToArray();
        foreach (WorkloadMessage message in bad)
        {
            await queue.SendMessageAsync(message.Body);
        }

        await queue.SendMessageAsync(JobEvent("good", "Finished"));
        var tracker = new MediaStateTracker();
        var log = new OutcomeLog();

        await using (Run(log.Attach(Worker(queue, poison, tracker))))
        {
            await log.WaitForFinalAsync(bad.Length + 1, s_wait);
        }

        Assert.Equal(JobState.Finished, tracker.GetJob(Job)?.State);
        Assert.All(log.Outcomes, static outcome => Assert.Equal(1, outcome.DequeueCount));
        var records = (await QueueAssertions.PoisonRecordsAsync(poison)).ToDictionary(static record => record.Body, StringComparer.Ordinal);
        Assert.Equal(bad.Length, records.Count);
        foreach (WorkloadMessage message in bad)
        {
            Assert.Contains(message.ExpectedReason!, records[message.Body].Reason, StringComparison.Ordinal);
        }

        Assert.Equal(0, await QueueAssertions.CountAsync(queue));
    }

    [Fact]
    public async Task A_stopped_worker_returns_promptly_and_its_message_reappears_after_the_visibility_timeout()
    {
        (QueueClient queue, QueueClient poison) = await azurite.CreateQueuesAsync();
        await queue.SendMessageAsync(JobEvent("e1", "Processing"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (_, _, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });
        var store = new ControlledStore();
        var options = Options(queue, visibilitySeconds: 2);
        var log = new OutcomeLog();
        var worker = log.Attach(new QueueWorker(queue, poison, new MediaStateTracker(store), options, handler: handler, reader: MediaEventDispatcher.CreateReader()));

        RunningWorker running = Run(worker);
        await started.Task.WaitAsync(s_wait);
        await running.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        MessageOutcome outcome = Assert.Single(log.Outcomes);
        Assert.Equal(MessageDisposition.Abandoned, outcome.Disposition);
        Assert.Equal("The worker stopped while the message was handled.", outcome.Reason);
        Assert.Equal(0, store.Writes);
        QueueMessage? again = null;
        for (var deadline = DateTime.UtcNow + s_wait; again is null && DateTime.UtcNow < deadline;)
        {
            // The message is invisible until its timeout runs out; receive polls for it as a worker would.
            again = (await queue.ReceiveMessagesAsync(1)).Value.SingleOrDefault();
            if (again is null)
            {
                await Task.Delay(250);
            }
        }

        Assert.NotNull(again);
        Assert.Equal(2, again.DequeueCount);
        Assert.Equal(outcome.MessageId, again.MessageId);
    }

    private static string JobEvent(string id, string state) =>
        MediaEventWorkload.Envelope("Microsoft.Media.JobStateChange", id, s_time, Job, $$"""{ "previousState": "Queued", "state": "{{state}}" }""", cloudEvents: false);

    private static QueueWorkerOptions Options(QueueClient queue, int maxDequeueCount = 5, double visibilitySeconds = 30) => new()
    {
        QueueName = queue.Name,
        MaxDequeueCount = maxDequeueCount,
        VisibilityTimeout = TimeSpan.FromSeconds(visibilitySeconds),
        RetryDelay = TimeSpan.Zero,
        MaxPollDelay = TimeSpan.FromMilliseconds(200),
        WorkerName = "test",
    };

    private static QueueWorker Worker(QueueClient queue, QueueClient poison, MediaStateTracker tracker) =>
        new(queue, poison, tracker, Options(queue), reader: MediaEventDispatcher.CreateReader());

    private static RunningWorker Run(QueueWorker worker) => new(worker);
}

/// <summary>A worker running until disposed, which stops it and waits for it.</summary>
internal sealed class RunningWorker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public RunningWorker(QueueWorker worker) => _run = Task.Run(() => worker.RunAsync(_stop.Token));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }
}
