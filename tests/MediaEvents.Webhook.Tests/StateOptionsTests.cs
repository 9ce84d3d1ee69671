using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Xunit;

namespace MediaEvents.Webhook.Tests;

/// <summary>The <c>Webhook:State</c> settings: checked when the app starts, each mistake with a message that says what to set.</summary>
public sealed class StateOptionsTests
{
    [Theory]
    [InlineData(new[] { "--Webhook:State:Store=Redis" }, "Webhook:State:Store is 'Redis': it must be InMemory (the default) or AzureTables.")]
    [InlineData(new[] { "--Webhook:State:Store=AzureTables" }, "Webhook:State:Store is AzureTables but Webhook:State:ConnectionString is empty")]
    [InlineData(
        new[] { "--Webhook:State:ConnectionString=UseDevelopmentStorage=true" },
        "Webhook:State:ConnectionString is set but Webhook:State:Store is InMemory: set Webhook:State:Store=AzureTables")]
    [InlineData(
        new[] { "--Webhook:State:Store=AzureTables", "--Webhook:State:ConnectionString=AccountKey=c2VjcmV0" },
        "Webhook:State:ConnectionString is not a storage connection string")]
    [InlineData(
        new[] { "--Webhook:State:Store=AzureTables", "--Webhook:State:ConnectionString=UseDevelopmentStorage=true", "--Webhook:State:TableName=media-state" },
        "Webhook:State:TableName is 'media-state': a table name has 3 to 63 letters and digits and starts with a letter")]
    [InlineData(new[] { "--Webhook:State:CreateTable=maybe" }, "Webhook:State:CreateTable is 'maybe', which is neither true nor false.")]
    public async Task A_state_store_configured_wrong_stops_the_app_with_a_clear_message(string[] arguments, string message)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookServer.StartAsync(arguments));

        Assert.Contains(exception.Failures, failure => failure.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain(exception.Failures, static failure => failure.Contains("c2VjcmV0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_store_is_in_memory_by_default_and_any_case_of_its_name_is_read()
    {
        await using WebhookServer byDefault = await WebhookServer.StartAsync();
        await using WebhookServer named = await WebhookServer.StartAsync(["--Webhook:State:Store=inmemory"]);

        Assert.IsType<MediaEvents.Tracking.InMemoryMediaStateStore>(byDefault.Tracker.Store);
        Assert.IsType<MediaEvents.Tracking.InMemoryMediaStateStore>(named.Tracker.Store);
    }

    [Fact]
    public async Task A_table_service_that_cannot_be_reached_stops_the_app_at_start_naming_the_setting()
    {
        // Port 9 (discard) on the loopback: nothing listens, so every attempt is refused at once.
        string unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

        var exception = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => WebhookServer.StartAsync(
            ["--Webhook:State:Store=AzureTables", "--Webhook:State:ConnectionString=" + unreachable]));

        Assert.Contains("The state table 'MediaState' could not be reached at http://127.0.0.1:9", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Webhook:State:ConnectionString", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", exception.Message, StringComparison.Ordinal);
    }
}
