using System;
using System.Threading.Tasks;
using Azure.Data.Tables;
using MediaEvents.Testing;
using Xunit;

namespace MediaEvents.Tracking.AzureTables.Tests;

/// <summary>
/// One Azurite (<see cref="AzuriteProcess"/>, shared with the queue worker's tests) for the collection's tests:
/// started before the first, killed by its process id after the last, whether the tests passed or not.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The connection string of the running services.</summary>
    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A new, empty table with a name of its own, so that tests do not see each other's entities.</summary>
    public async Task<TableClient> CreateTableAsync()
    {
        TableClient table = NewTableClient(NewTableName());
        await table.CreateAsync();
        return table;
    }

    /// <summary>A client of the table named <paramref name="name"/>, with a connection of its own (as another instance has).</summary>
    public TableClient NewTableClient(string name) => new(ConnectionString, name);

    /// <summary>A table name no test has used.</summary>
    public static string NewTableName() => "t" + Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
