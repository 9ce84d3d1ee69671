using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Azure.Data.Tables;
using MediaEvents.Tests.Azurite;
using MediaEvents.Tracking.AzureTables;
using Xunit;

namespace MediaEvents.Webhook.Tests;

/// <summary>
/// <c>Webhook:State:Store=AzureTables</c> against Azurite: the state lives in the table, so instances that share it
/// answer <c>/status</c> alike, and exactly as one instance in memory would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_table_store_creates_its_table_and_gives_the_status_the_in_memory_store_gives()
    {
        string table = AzuriteFixture.NewTableName();
        await using WebhookServer inMemory = await WebhookServer.StartAsync();
        await using WebhookServer tables = await StartOnTableAsync(table);
        Assert.IsType<TableMediaStateStore>(tables.Tracker.Store);

        await SampleDeliveries.PostAllAsync(inMemory);
        JsonElement[] answers = await SampleDeliveries.PostAllAsync(tables);

        string status = await tables.GetStatusTextAsync();
        Assert.Equal(await inMemory.GetStatusTextAsync(), status);
        Assert.Equal(SampleDeliveries.TrackedEvents, SampleDeliveries.Sum(answers, "applied"));

        // One entity per job and live event, in the table the configuration named.
        List<TableEntity> entities = await azurite.NewTableClient(table).QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(5 + 2, entities.Count);
        Assert.Equal(2, entities.Count(static entity => entity.RowKey == "liveEvent"));

        // Redelivered: nothing changes, in the answers or in the status.
        JsonElement[] again = await SampleDeliveries.PostAllAsync(tables);
        Assert.Equal(SampleDeliveries.TrackedEvents, SampleDeliveries.Sum(again, "duplicates"));
        Assert.Equal(status, await tables.GetStatusTextAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Two_instances_sharing_the_table_converge_to_the_same_status(int seed)
    {
        string table = AzuriteFixture.NewTableName();
        await using WebhookServer inMemory = await WebhookServer.StartAsync();
        await using WebhookServer first = await StartOnTableAsync(table);
        await using WebhookServer second = await StartOnTableAsync(table, createTable: false);
        await SampleDeliveries.PostAllAsync(inMemory);

        // Event Grid spreads deliveries over the instances behind a load balancer, at once; some it sends to both.
        IReadOnlyList<string> deliveries = SampleDeliveries.Reshuffled(seed);
        var random = new Random(seed);
        await Task.WhenAll(
            Task.Run(() => SampleDeliveries.PostAsync(first, deliveries.Where((_, index) => index % 2 == 0 || random.Next(4) == 0).ToArray())),
            Task.Run(() => SampleDeliveries.PostAsync(second, deliveries.Where((_, index) => index % 2 == 1).ToArray())));

        string expected = await inMemory.GetStatusTextAsync();
        Assert.Equal(expected, await first.GetStatusTextAsync());
        Assert.Equal(expected, await second.GetStatusTextAsync());
    }

    private async Task<WebhookServer> StartOnTableAsync(string table, bool createTable = true)
    {
        if (!createTable)
        {
            await azurite.NewTableClient(table).CreateIfNotExistsAsync();
        }

        return await WebhookServer.StartAsync(
        [
            "--Webhook:State:Store=AzureTables",
            "--Webhook:State:ConnectionString=" + azurite.ConnectionString,
            "--Webhook:State:TableName=" + table,
            "--Webhook:State:CreateTable=" + (createTable ? "true" : "false"),
        ]);
    }
}
