using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Data.Tables;
using MediaEvents.Tracking;
using MediaEvents.Tracking.AzureTables;
using Microsoft.Extensions.Hosting;

namespace MediaEvents.Webhook;

/// <summary>The <see cref="IMediaStateStore"/> that <see cref="WebhookStateOptions"/> asks for.</summary>
public static class StateStores
{
    /// <summary>
    /// A new <see cref="InMemoryMediaStateStore"/>, or a <see cref="TableMediaStateStore"/> on the configured table
    /// (not contacted here: <see cref="StateTableStartup"/> creates it when the app starts).
    /// </summary>
    /// <param name="options">The options, already validated.</param>
    public static IMediaStateStore Create(WebhookStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Store switch
        {
            WebhookStateStore.AzureTables => new TableMediaStateStore(new TableClient(options.ConnectionString, options.TableName)),
            _ => new InMemoryMediaStateStore(),
        };
    }
}

/// <summary>
/// Creates the state table, if missing, when the app starts (unless <see cref="WebhookStateOptions.CreateTable"/> is
/// off): a wrong connection string or missing permission stops the app before it takes a delivery, with
/// <see cref="StateStoreUnavailableException"/>, rather than failing every delivery with 500.
/// </summary>
public sealed class StateTableStartup : IHostedService
{
    private readonly IMediaStateStore _store;
    private readonly WebhookStateOptions _options;

    /// <summary>Creates the start-up step for the app's store.</summary>
    public StateTableStartup(IMediaStateStore store, WebhookOptions options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).State;
    }

    /// <inheritdoc />
    /// <exception cref="StateStoreUnavailableException">The table could not be created or reached.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.CreateTable || _store is not TableMediaStateStore tables)
        {
            return;
        }

        try
        {
            await tables.Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            throw new StateStoreUnavailableException(
                $"The state table '{tables.Table.Name}' could not be created: the table service answered {exception.Status} {exception.ErrorCode}. "
                + $"Check {WebhookOptions.SectionName}:{WebhookStateOptions.SectionName}:ConnectionString, or, when the table exists and the "
                + $"credentials may not create tables, set {WebhookOptions.SectionName}:{WebhookStateOptions.SectionName}:CreateTable=false.",
                exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // No answer at all (a wrong host name, a port nothing listens on), after the client's own retries.
            throw new StateStoreUnavailableException(
                $"The state table '{tables.Table.Name}' could not be reached at {tables.Table.Uri.GetLeftPart(UriPartial.Authority)}: {exception.Message} "
                + $"Check {WebhookOptions.SectionName}:{WebhookStateOptions.SectionName}:ConnectionString.",
                exception);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The configured state store could not be reached when the app started; the message says what to check.</summary>
public sealed class StateStoreUnavailableException : Exception
{
    /// <summary>Creates the exception with what failed and the store's error.</summary>
    public StateStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
