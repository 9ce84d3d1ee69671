using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using MediaEvents.Benchmarks.Generated;
using MediaEvents.QueueWorkerSample;
using MediaEvents.Testing;
using MediaEvents.Tests.Azurite;
using MediaEvents.Tracking;
using MediaEvents.Tracking.AzureTables;

namespace MediaEvents.Benchmarks;

/// <summary>
/// Events applied per second by the state tracker (<c>--tracking</c>): in memory, then over the Azure Table Storage
/// store on Azurite (started and killed here), by trackers alone and by queue workers consuming a Storage Queue as
/// Event Grid fills it. The events are the queue worker tests' realistic workload: jobs and live events, one event
/// per message, with redeliveries and other publishers' events, shuffled. Each event is applied on its own, as a
/// worker applies a message; "applied" counts events the tracker reported <see cref="TrackingOutcome.Applied"/>.
/// </summary>
public static class TrackingThroughput
{
    private const int InMemoryMessages = 50_000;
    private const int StorageMessages = 3_000;
    private const int ConcurrentPerWorker = 16;

    public static async Task RunAsync()
    {
        Console.WriteLine($"# {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average at start: {LoadAverage()}");
        Console.WriteLine("# scenario | events applied | seconds | events applied/s");
        InMemory();

        await using AzuriteProcess azurite = await AzuriteProcess.StartAsync(AzuriteServices.Queue | AzuriteServices.Table);
        await TableStoreAsync(azurite, writers: 1);
        await TableStoreAsync(azurite, writers: 3);
        await QueueWorkersAsync(azurite, workers: 1);
        await QueueWorkersAsync(azurite, workers: 3);
        Console.WriteLine($"# load average at end: {LoadAverage()}");
    }

    // The tracker's own cost: reading is done first, so that only applying is timed; best of three runs.
    private static void InMemory()
    {
        MediaEvent[] events = Events(MediaEventWorkload.Create(InMemoryMessages, badMessages: 0, seed: 11));
        double best = double.MaxValue;
        int applied = 0;
        for (int run = 0; run < 3; run++)
        {
            var tracker = new MediaStateTracker();
            Stopwatch watch = Stopwatch.StartNew();
            applied = 0;
            foreach (MediaEvent mediaEvent in events)
            {
                applied += tracker.Apply(mediaEvent).Outcome == TrackingOutcome.Applied ? 1 : 0;
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Report("Tracker, in memory (best of 3)", applied, best);
    }

    // Trackers over the table store, each with its own connection, applying shares of the stream side by side,
    // ConcurrentPerWorker events at a time each (as many as a worker handles at once).
    private static async Task TableStoreAsync(AzuriteProcess azurite, int writers)
    {
        MediaEvent[] events = Events(MediaEventWorkload.Create(StorageMessages, badMessages: 0, seed: 12));
        string tableName = "bench" + Guid.NewGuid().ToString("N");
        await new TableClient(azurite.ConnectionString, tableName).CreateAsync();
        int applied = 0;
        Stopwatch watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var tracker = new MediaStateTracker(
                new TableMediaStateStore(new TableClient(azurite.ConnectionString, tableName)), new MediaStateTrackerOptions { MaxWriteAttempts = 1000 });
            await Parallel.ForEachAsync(
                events.Where((_, index) => index % writers == writer),
                new ParallelOptions { MaxDegreeOfParallelism = ConcurrentPerWorker },
                async (mediaEvent, cancellationToken) =>
                {
                    if ((await tracker.ApplyAsync(mediaEvent, cancellationToken)).Outcome == TrackingOutcome.Applied)
                    {
                        Interlocked.Increment(ref applied);
                    }
                });
        })));
        Report($"Table store on Azurite, {writers} tracker(s) x {ConcurrentPerWorker} at a time, no queue", applied, watch.Elapsed.TotalSeconds);
    }

    // The whole path, timed from the workers' start until every message is done, while a producer writes the
    // messages as Event Grid would, keeping at most Backlog of them in the queue: Azurite deletes a message in time
    // that grows with the queue's length, so a queue filled beforehand would time Azurite rather than the workers.
    private static async Task QueueWorkersAsync(AzuriteProcess azurite, int workers)
    {
        const int Backlog = 500;
        MediaEventWorkload workload = MediaEventWorkload.Create(StorageMessages, badMessages: 0, seed: 13);
        string name = "bench" + Guid.NewGuid().ToString("N")[..20];
        var queue = new QueueClient(azurite.ConnectionString, name);
        var poison = new QueueClient(azurite.ConnectionString, name + QueueWorkerOptions.PoisonSuffix);
        await queue.CreateAsync();
        await poison.CreateAsync();
        await new TableClient(azurite.ConnectionString, name).CreateAsync();

        int done = 0;
        int applied = 0;
        using var window = new SemaphoreSlim(Backlog);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        Stopwatch watch = Stopwatch.StartNew();
        Task[] running = Enumerable.Range(0, workers).Select(index =>
        {
            var options = new QueueWorkerOptions
            {
                QueueName = name,
                MaxConcurrentMessages = ConcurrentPerWorker,
                MaxPollDelay = TimeSpan.FromMilliseconds(200),
                WorkerName = "bench" + index,
            };
            var tracker = new MediaStateTracker(
                new TableMediaStateStore(new TableClient(azurite.ConnectionString, name)), new MediaStateTrackerOptions { MaxWriteAttempts = 1000 });
            var worker = new QueueWorker(
                new QueueClient(azurite.ConnectionString, name), new QueueClient(azurite.ConnectionString, poison.Name), tracker, options,
                reader: MediaEventDispatcher.CreateReader());
            worker.MessageHandled += outcome =>
            {
                Interlocked.Add(ref applied, outcome.Results.Count(static result => result.Outcome == TrackingOutcome.Applied));
                if (outcome.Disposition != MessageDisposition.Abandoned)
                {
                    window.Release();
                    if (Interlocked.Increment(ref done) == StorageMessages)
                    {
                        finished.TrySetResult();
                    }
                }
            };
            return Task.Run(() => worker.RunAsync(stop.Token));
        }).ToArray();

        await Parallel.ForEachAsync(workload.Messages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (message, cancellationToken) =>
        {
            await window.WaitAsync(cancellationToken);
            await queue.SendMessageAsync(message.Body, cancellationToken);
        });
        await finished.Task.WaitAsync(TimeSpan.FromMinutes(15));
        double seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(running);
        Report($"Queue workers on Azurite (queue + table store, Event Grid's writes alongside), {workers} worker(s) x {ConcurrentPerWorker} messages at a time", applied, seconds);
    }

    private static MediaEvent[] Events(MediaEventWorkload workload)
    {
        MediaEventReader reader = MediaEventDispatcher.CreateReader();
        var events = new List<MediaEvent>(workload.Messages.Count);
        foreach (WorkloadMessage message in workload.Messages)
        {
            QueueMessageContent content = QueueMessageContent.Read(System.Text.Encoding.UTF8.GetBytes(message.Body), reader);
            events.AddRange(content.Batch?.Events ?? []);
        }

        return [.. events];
    }

    private static void Report(string scenario, int applied, double seconds) =>
        Console.WriteLine(FormattableString.Invariant($"{scenario} | {applied:N0} | {seconds:F2} | {applied / seconds:N0}"));

    private static string LoadAverage()
    {
        try
        {
            return System.IO.File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (Exception exception) when (exception is System.IO.IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
