using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MediaEvents.Webhook;

/// <summary>
/// The <c>Webhook</c> configuration section (appsettings.json, environment variables such as
/// <c>Webhook__Secret</c>, or the command line). Read by hand rather than bound by reflection, so that the app
/// stays trim-safe and a list given in configuration replaces the default instead of being appended to it.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Webhook";

    /// <summary>The default <see cref="Path"/>.</summary>
    public const string DefaultPath = "/api/events";

    /// <summary>The default <see cref="SecretQueryName"/>, as Azure Functions and many Event Grid setups use.</summary>
    public const string DefaultSecretQueryName = "code";

    /// <summary>The default <see cref="SecretHeaderName"/> (Event Grid can send it as a delivery property).</summary>
    public const string DefaultSecretHeaderName = "X-Webhook-Key";

    /// <summary>The default <see cref="MaxInputBytes"/>: 1 MiB, the largest batch Event Grid delivers.</summary>
    public const long DefaultMaxInputBytes = 1024 * 1024;

    /// <summary>The default <see cref="MaxEventsPerDelivery"/>: 5,000, the most events Event Grid puts in one delivery.</summary>
    public const int DefaultMaxEventsPerDelivery = 5_000;

    /// <summary>The default <see cref="MaxFailuresReported"/>.</summary>
    public const int DefaultMaxFailuresReported = 100;

    /// <summary>The path of the events endpoint (POST deliveries, OPTIONS handshake).</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>The shared secret every request to the endpoint and to <c>/status</c> must carry; none by default.</summary>
    public string? Secret { get; set; }

    /// <summary>The query parameter that may carry the secret.</summary>
    public string SecretQueryName { get; set; } = DefaultSecretQueryName;

    /// <summary>The header that may carry the secret (checked before the query parameter).</summary>
    public string SecretHeaderName { get; set; } = DefaultSecretHeaderName;

    /// <summary>Whether the app may run without a secret (local development only).</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The origins allowed by the CloudEvents handshake; <c>*</c> allows any.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = new[] { "eventgrid.azure.net" };

    /// <summary>The highest delivery rate granted by the CloudEvents handshake, per minute; none means the requested rate.</summary>
    public int? MaxRatePerMinute { get; set; }

    /// <summary>The largest delivery read, in bytes; larger ones are refused with 413.</summary>
    public long MaxInputBytes { get; set; } = DefaultMaxInputBytes;

    /// <summary>The most events one delivery may hold; a delivery of more is refused with 413 before any is applied.</summary>
    public int MaxEventsPerDelivery { get; set; } = DefaultMaxEventsPerDelivery;

    /// <summary>
    /// How many of a delivery's unreadable events are listed in its response and logged one by one; the others are
    /// counted, in the response and in one more log line.
    /// </summary>
    public int MaxFailuresReported { get; set; } = DefaultMaxFailuresReported;

    /// <summary>Where the state of jobs and live events is kept (the <c>Webhook:State</c> section).</summary>
    public WebhookStateOptions State { get; } = new();

    /// <summary>Values that could not be parsed, reported by <see cref="WebhookOptionsValidator"/>.</summary>
    internal List<string> ParseErrors { get; } = new();

    /// <summary>Whether requests must carry the secret.</summary>
    public bool RequiresSecret => !string.IsNullOrEmpty(Secret);

    /// <summary>Reads the options from the <c>Webhook</c> section; a missing value keeps its default.</summary>
    /// <param name="section">The section, e.g. <c>configuration.GetSection("Webhook")</c>.</param>
    public void ReadFrom(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        Path = section[nameof(Path)] is { Length: > 0 } path ? path : Path;
        Secret = section[nameof(Secret)] is { Length: > 0 } secret ? secret : Secret;
        SecretQueryName = section[nameof(SecretQueryName)] ?? SecretQueryName;
        SecretHeaderName = section[nameof(SecretHeaderName)] ?? SecretHeaderName;
        AllowAnonymous = ReadBoolean(section, nameof(AllowAnonymous)) ?? AllowAnonymous;
        MaxInputBytes = ReadInt64(section, nameof(MaxInputBytes)) ?? MaxInputBytes;
        MaxEventsPerDelivery = ReadInt32(section, nameof(MaxEventsPerDelivery)) ?? MaxEventsPerDelivery;
        MaxFailuresReported = ReadInt32(section, nameof(MaxFailuresReported)) ?? MaxFailuresReported;
        if (ReadInt64(section, nameof(MaxRatePerMinute)) is long rate)
        {
            if (rate is > 0 and <= int.MaxValue)
            {
                MaxRatePerMinute = (int)rate;
            }
            else
            {
                ParseErrors.Add($"{SectionName}:{nameof(MaxRatePerMinute)} is {rate}: it must be a positive number of requests per minute.");
            }
        }

        AllowedOrigins = ReadList(section.GetSection(nameof(AllowedOrigins))) ?? AllowedOrigins;
        ReadState(section);
    }

    // The Webhook:State section, read through the Webhook section so that messages name the whole key.
    private void ReadState(IConfiguration section)
    {
        const string Prefix = WebhookStateOptions.SectionName + ":";
        string storeKey = Prefix + nameof(WebhookStateOptions.Store);
        if (section[storeKey] is { } store && store.Trim() is { Length: > 0 } name)
        {
            if (string.Equals(name, nameof(WebhookStateStore.InMemory), StringComparison.OrdinalIgnoreCase))
            {
                State.Store = WebhookStateStore.InMemory;
            }
            else if (string.Equals(name, nameof(WebhookStateStore.AzureTables), StringComparison.OrdinalIgnoreCase))
            {
                State.Store = WebhookStateStore.AzureTables;
            }
            else
            {
                ParseErrors.Add(
                    $"{SectionName}:{storeKey} is '{store}': it must be {nameof(WebhookStateStore.InMemory)} (the default) or {nameof(WebhookStateStore.AzureTables)}.");
            }
        }

        State.ConnectionString = section[Prefix + nameof(WebhookStateOptions.ConnectionString)] is { Length: > 0 } connection ? connection : State.ConnectionString;
        State.TableName = section[Prefix + nameof(WebhookStateOptions.TableName)] is { Length: > 0 } table ? table : State.TableName;
        State.CreateTable = ReadBoolean(section, Prefix + nameof(WebhookStateOptions.CreateTable)) ?? State.CreateTable;
    }

    // A list is either one comma-separated value (Webhook__AllowedOrigins=a,b), which replaces the whole list, or
    // indexed children (Webhook__AllowedOrigins__0=a), merged by index with the other sources as configuration does.
    private static IReadOnlyList<string>? ReadList(IConfigurationSection section)
    {
        if (section.Value is { } single)
        {
            return single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var items = new List<string>();
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (child.Value is { } value && value.Trim() is { Length: > 0 } trimmed)
            {
                items.Add(trimmed);
            }
        }

        return items.Count == 0 ? null : items;
    }

    private bool? ReadBoolean(IConfiguration section, string key)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out bool value))
        {
            return value;
        }

        ParseErrors.Add($"{SectionName}:{key} is '{text}', which is neither true nor false.");
        return null;
    }

    private long? ReadInt64(IConfiguration section, string key)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        ParseErrors.Add($"{SectionName}:{key} is '{text}', which is not a whole number.");
        return null;
    }

    // A count: a whole number that fits an int (the validator checks its range).
    private int? ReadInt32(IConfiguration section, string key)
    {
        if (ReadInt64(section, key) is not long value)
        {
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            ParseErrors.Add($"{SectionName}:{key} is {value}, which is too large.");
            return null;
        }

        return (int)value;
    }
}
