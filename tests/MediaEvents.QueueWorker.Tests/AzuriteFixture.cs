using System;
using System.Threading.Tasks;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using MediaEvents.Tests.Azurite;
using Xunit;

namespace MediaEvents.QueueWorkerSample.Tests;

/// <summary>
/// One Azurite (<see cref="AzuriteProcess"/>) for the collection's tests, killed by their process ids after the last.
/// Every test makes queues and tables of its own names, so that tests do not see each other's messages.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The connection string of the running services.</summary>
    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A new queue and its poison queue (<c>&lt;name&gt;-poison</c>), both created.</summary>
    public async Task<(QueueClient Queue, QueueClient Poison)> CreateQueuesAsync()
    {
        string name = "q" + Guid.NewGuid().ToString("N")[..20];
        QueueClient queue = NewQueueClient(name);
        QueueClient poison = NewQueueClient(name + QueueWorkerOptions.PoisonSuffix);
        await queue.CreateAsync();
        await poison.CreateAsync();
        return (queue, poison);
    }

    /// <summary>A client of the queue named <paramref name="name"/>, with a connection of its own (as another worker has).</summary>
    public QueueClient NewQueueClient(string name) => new(ConnectionString, name);

    /// <summary>A new, empty table.</summary>
    public async Task<TableClient> CreateTableAsync()
    {
        TableClient table = NewTableClient("t" + Guid.NewGuid().ToString("N"));
        await table.CreateAsync();
        return table;
    }

    /// <summary>A client of the table named <paramref name="name"/>, with a connection of its own.</summary>
    public TableClient NewTableClient(string name) => new(ConnectionString, name);

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(AzuriteServices.Queue | AzuriteServices.Table);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary>The tests that share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite";
}
