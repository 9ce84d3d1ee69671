using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Azure.Storage.Queues;
using MediaEvents.Tracking;

namespace MediaEvents.QueueWorkerSample.Tests;

/// <summary>
/// Every <see cref="MessageOutcome"/> of the workers it is attached to, in the order reported, and waits that end
/// when the outcomes meet a condition (checked on each new outcome), so that tests wait on events, not on time.
/// </summary>
internal sealed class OutcomeLog
{
    private readonly List<MessageOutcome> _outcomes = [];
    private readonly HashSet<string> _finalIds = new(StringComparer.Ordinal);
    private readonly List<(Func<IReadOnlyList<MessageOutcome>, bool> Condition, TaskCompletionSource Done)> _waits = [];

    /// <summary>A copy of the outcomes so far.</summary>
    public MessageOutcome[] Outcomes
    {
        get
        {
            lock (_outcomes)
            {
                return [.. _outcomes];
            }
        }
    }

    /// <summary>Reports the worker's outcomes here.</summary>
    public QueueWorker Attach(QueueWorker worker)
    {
        worker.MessageHandled += Add;
        return worker;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the outcomes, at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">It did not hold in time; the message lists the outcomes.</exception>
    public async Task WaitUntilAsync(Func<IReadOnlyList<MessageOutcome>, bool> condition, TimeSpan timeout, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_outcomes)
        {
            if (condition(_outcomes))
            {
                return;
            }

            _waits.Add((condition, done));
        }

        if (await Task.WhenAny(done.Task, Task.Delay(timeout)) != done.Task)
        {
            MessageOutcome[] outcomes = Outcomes;
            throw new TimeoutException(
                $"Not {what} within {timeout.TotalSeconds} s; {outcomes.Length} outcome(s): " +
                string.Join(", ", outcomes.GroupBy(static outcome => outcome.Disposition).Select(static group => $"{group.Count()} {group.Key}")) +
                "; the last: " + string.Join(" | ", outcomes.TakeLast(5)));
        }
    }

    /// <summary>Waits for the outcome of each of <paramref name="count"/> distinct messages to be final (completed or poisoned).</summary>
    public Task WaitForFinalAsync(int count, TimeSpan timeout) =>
        WaitUntilAsync(_ => _finalIds.Count >= count, timeout, $"{count} message(s) completed or poisoned");

    /// <summary>Waits for the outcome of each message of <paramref name="messageIds"/> to be final (completed or poisoned).</summary>
    public Task WaitForFinalAsync(IReadOnlyCollection<string> messageIds, TimeSpan timeout) =>
        WaitUntilAsync(_ => _finalIds.IsSupersetOf(messageIds), timeout, $"the {messageIds.Count} message(s) completed or poisoned");

    /// <summary>How many distinct messages were completed or poisoned so far.</summary>
    public int FinalCount
    {
        get
        {
            lock (_outcomes)
            {
                return _finalIds.Count;
            }
        }
    }

    /// <summary>How many times each event id was reported <see cref="TrackingOutcome.Applied"/>, over every outcome.</summary>
    public static Dictionary<string, int> AppliedCounts(IEnumerable<MessageOutcome> outcomes) =>
        outcomes.SelectMany(static outcome => outcome.Results)
            .Where(static result => result.Outcome == TrackingOutcome.Applied)
            .GroupBy(static result => result.Event.Id, StringComparer.Ordinal)
            .ToDictionary(static group => group.Key, static group => group.Count(), StringComparer.Ordinal);

    private void Add(MessageOutcome outcome)
    {
        lock (_outcomes)
        {
            _outcomes.Add(outcome);
            if (outcome.Disposition != MessageDisposition.Abandoned)
            {
                _finalIds.Add(outcome.MessageId);
            }

            for (int i = _waits.Count - 1; i >= 0; i--)
            {
                if (_waits[i].Condition(_outcomes))
                {
                    _waits[i].Done.TrySetResult();
                    _waits.RemoveAt(i);
                }
            }
        }
    }
}

/// <summary>Queue helpers for the tests.</summary>
internal static class QueueAssertions
{
    /// <summary>The messages in the queue, visible or not (the service's count, which is exact on Azurite).</summary>
    public static async Task<int> CountAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>Receives every message of the queue (keeping them invisible for a minute) and returns their texts.</summary>
    public static async Task<List<string>> DrainAsync(QueueClient queue)
    {
        var texts = new List<string>();
        while (true)
        {
            Azure.Storage.Queues.Models.QueueMessage[] messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (messages.Length == 0)
            {
                return texts;
            }

            texts.AddRange(messages.Select(static message => message.Body.ToString()));
        }
    }

    /// <summary>The poison records in the poison queue.</summary>
    public static async Task<List<PoisonMessage>> PoisonRecordsAsync(QueueClient poison) =>
        (await DrainAsync(poison)).Select(PoisonMessage.Parse).ToList();
}
