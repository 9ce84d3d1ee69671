using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using MediaEvents.Tracking;
using MediaEvents.Tracking.AzureTables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaEvents.QueueWorkerSample;

/// <summary>
/// The app's hosted service: creates the queues (and the state table) when asked to, then runs one
/// <see cref="QueueWorker"/> until the host stops. Run more processes for more workers.
/// </summary>
public sealed class QueueWorkerService : BackgroundService
{
    private readonly QueueWorkerOptions _options;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates the service from the validated options.</summary>
    public QueueWorkerService(QueueWorkerOptions options, ILoggerFactory loggerFactory)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = new QueueClient(_options.ConnectionString, _options.QueueName);
        var poisonQueue = new QueueClient(_options.ConnectionString, _options.EffectivePoisonQueueName);
        IMediaStateStore store = new InMemoryMediaStateStore();
        if (_options.StateTableName is { } tableName)
        {
            var table = new TableClient(_options.ConnectionString, tableName);
            if (_options.CreateIfNotExists)
            {
                await table.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
            }

            store = new TableMediaStateStore(table);
        }

        if (_options.CreateIfNotExists)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
            await poisonQueue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
        }

        var worker = new QueueWorker(queue, poisonQueue, new MediaStateTracker(store), _options, _loggerFactory.CreateLogger<QueueWorker>());
        await worker.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
