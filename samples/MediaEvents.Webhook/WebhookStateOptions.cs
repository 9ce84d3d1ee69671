namespace MediaEvents.Webhook;

/// <summary>Where the webhook keeps the state of jobs and live events.</summary>
public enum WebhookStateStore
{
    /// <summary>In this process's memory (the default): lost when it stops, not shared with other instances.</summary>
    InMemory,

    /// <summary>In an Azure Storage (or Cosmos DB for Table) table, shared by every instance configured with it.</summary>
    AzureTables,
}

/// <summary>
/// The <c>Webhook:State</c> configuration section: which store the webhook's <see cref="MediaEvents.Tracking.MediaStateTracker"/>
/// keeps its snapshots in. Read by <see cref="WebhookOptions.ReadFrom"/>, checked by <see cref="WebhookOptionsValidator"/>.
/// </summary>
public sealed class WebhookStateOptions
{
    /// <summary>The section, under <see cref="WebhookOptions.SectionName"/>.</summary>
    public const string SectionName = "State";

    /// <summary>The default <see cref="TableName"/>.</summary>
    public const string DefaultTableName = "MediaState";

    /// <summary>The store; <see cref="WebhookStateStore.InMemory"/> by default.</summary>
    public WebhookStateStore Store { get; set; } = WebhookStateStore.InMemory;

    /// <summary>
    /// The storage account's connection string, for <see cref="WebhookStateStore.AzureTables"/> only
    /// (<c>UseDevelopmentStorage=true</c> for Azurite on its default ports).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table of the snapshots, for <see cref="WebhookStateStore.AzureTables"/>; <see cref="DefaultTableName"/> by default.</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// Whether the app creates the table when it starts, if it does not exist (default <see langword="true"/>); turn
    /// it off when the credentials may read and write entities but not create tables.
    /// </summary>
    public bool CreateTable { get; set; } = true;
}
