using System;
using System.Collections.Generic;
using Azure.Data.Tables;
using MediaEvents.Tracking.AzureTables;
using Microsoft.Extensions.Options;

namespace MediaEvents.Webhook;

/// <summary>Checks <see cref="WebhookOptions"/> when the app starts: a bad configuration stops it with a clear message.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>(options.ParseErrors);
        const string Section = WebhookOptions.SectionName;
        if (!options.RequiresSecret && !options.AllowAnonymous)
        {
            errors.Add(
                $"No shared secret is configured: set {Section}:Secret (e.g. the environment variable {Section}__Secret) "
                + $"and pass it to Event Grid in the endpoint URL (?{options.SecretQueryName}=...) or as the delivery header "
                + $"{options.SecretHeaderName}. For local development only, set {Section}:AllowAnonymous=true to accept requests without it.");
        }

        if (options.Secret is { } secret && secret.Trim().Length != secret.Length)
        {
            errors.Add($"{Section}:Secret starts or ends with white space, which a query string or header would not carry reliably.");
        }

        if (!options.Path.StartsWith('/'))
        {
            errors.Add($"{Section}:Path is '{options.Path}': it must start with '/'.");
        }

        if (string.IsNullOrWhiteSpace(options.SecretQueryName))
        {
            errors.Add($"{Section}:SecretQueryName is empty.");
        }

        if (string.IsNullOrWhiteSpace(options.SecretHeaderName))
        {
            errors.Add($"{Section}:SecretHeaderName is empty.");
        }

        if (options.AllowedOrigins.Count == 0)
        {
            errors.Add($"{Section}:AllowedOrigins is empty: no origin could pass the CloudEvents handshake (use * to allow any).");
        }

        if (options.MaxInputBytes <= 0 || options.MaxInputBytes > int.MaxValue)
        {
            errors.Add($"{Section}:MaxInputBytes is {options.MaxInputBytes}: it must be between 1 and {int.MaxValue} bytes.");
        }

        if (options.MaxEventsPerDelivery <= 0)
        {
            errors.Add($"{Section}:MaxEventsPerDelivery is {options.MaxEventsPerDelivery}: it must be at least 1 (Event Grid delivers up to {WebhookOptions.DefaultMaxEventsPerDelivery}).");
        }

        if (options.MaxFailuresReported < 0)
        {
            errors.Add($"{Section}:MaxFailuresReported is {options.MaxFailuresReported}: it must be 0 or more.");
        }

        ValidateState(options.State, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateState(WebhookStateOptions state, List<string> errors)
    {
        const string Section = WebhookOptions.SectionName + ":" + WebhookStateOptions.SectionName;
        if (state.Store != WebhookStateStore.AzureTables)
        {
            // A connection string with the in-memory store is a store half configured: each instance would keep a state
            // of its own while its operator believes it shared.
            if (!string.IsNullOrEmpty(state.ConnectionString))
            {
                errors.Add(
                    $"{Section}:ConnectionString is set but {Section}:Store is {state.Store}: set {Section}:Store=AzureTables to keep the state in the table, "
                    + "or remove the connection string.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(state.ConnectionString))
        {
            errors.Add(
                $"{Section}:Store is AzureTables but {Section}:ConnectionString is empty: set it to the storage account's connection string "
                + $"(e.g. the environment variable {WebhookOptions.SectionName}__{WebhookStateOptions.SectionName}__ConnectionString), "
                + "or UseDevelopmentStorage=true for Azurite on its default ports.");
        }
        else if (!IsConnectionString(state.ConnectionString, state.TableName))
        {
            // The message of the client's exception may quote the string, account key included: it is not repeated here.
            errors.Add(
                $"{Section}:ConnectionString is not a storage connection string: expected 'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;"
                + "EndpointSuffix=core.windows.net', one with a TableEndpoint, or UseDevelopmentStorage=true.");
        }

        if (!TableMediaStateStore.IsValidTableName(state.TableName))
        {
            errors.Add(
                $"{Section}:TableName is '{state.TableName}': a table name has 3 to 63 letters and digits and starts with a letter "
                + $"(the default is {WebhookStateOptions.DefaultTableName}).");
        }
    }

    private static bool IsConnectionString(string connectionString, string tableName)
    {
        try
        {
            _ = new TableClient(connectionString, TableMediaStateStore.IsValidTableName(tableName) ? tableName : WebhookStateOptions.DefaultTableName);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
