using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MediaEvents.QueueWorkerSample;

/// <summary>
/// The <c>QueueWorker</c> configuration section (appsettings.json, environment variables such as
/// <c>QueueWorker__ConnectionString</c>, or the command line), read by hand rather than bound by reflection so that
/// a value that cannot be parsed is reported by name instead of silently keeping its default. Durations are given in
/// seconds in configuration (<c>VisibilityTimeoutSeconds</c>) and held as <see cref="TimeSpan"/> values here.
/// </summary>
public sealed class QueueWorkerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "QueueWorker";

    /// <summary>What <see cref="PoisonQueueName"/> defaults to: the queue's name followed by this suffix.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>The default <see cref="MaxDequeueCount"/>, as Azure Functions' queue trigger uses.</summary>
    public const int DefaultMaxDequeueCount = 5;

    /// <summary>The most messages one receive may return, a limit of the Queue service.</summary>
    public const int ServiceMaxMessagesPerReceive = 32;

    /// <summary>The storage account's connection string (queues, and the state table when <see cref="StateTableName"/> is set).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The queue Event Grid writes to (the subscription's Storage Queue destination).</summary>
    public string? QueueName { get; set; }

    /// <summary>The queue that receives messages that cannot be handled; <c>&lt;QueueName&gt;-poison</c> when not set.</summary>
    public string? PoisonQueueName { get; set; }

    /// <summary>
    /// The Azure table that keeps the job and live-event state, shared by every worker; when not set, each worker
    /// keeps its own state in memory (one worker only, or for trying the sample out).
    /// </summary>
    public string? StateTableName { get; set; }

    /// <summary>
    /// How many times a message may be dequeued before it is moved to the poison queue instead of being handled
    /// again: a message whose handling failed that many times is not retried once more.
    /// </summary>
    public int MaxDequeueCount { get; set; } = DefaultMaxDequeueCount;

    /// <summary>
    /// How long a received message stays invisible to the other workers; the worker extends it by this much
    /// whenever half of it has passed while the message is still being handled. Between 1 second and 7 days.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a message whose handling failed stays invisible before it is tried again (0 for at once). A worker
    /// that stops does not release its messages: they come back after <see cref="VisibilityTimeout"/>.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many messages one receive asks for, 1 to 32.</summary>
    public int MaxMessagesPerReceive { get; set; } = ServiceMaxMessagesPerReceive;

    /// <summary>How many messages one worker handles at the same time.</summary>
    public int MaxConcurrentMessages { get; set; } = 16;

    /// <summary>The longest wait between two receives while the queue is empty (the wait doubles from 100 ms up to this).</summary>
    public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the app creates the queues (and the state table) when they do not exist.</summary>
    public bool CreateIfNotExists { get; set; } = true;

    /// <summary>The worker's name in its log lines and poison records; the machine's name and the process id by default.</summary>
    public string WorkerName { get; set; } = Environment.MachineName + ":" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The poison queue's name: <see cref="PoisonQueueName"/>, or the queue's name followed by <see cref="PoisonSuffix"/>.</summary>
    public string EffectivePoisonQueueName => PoisonQueueName is { Length: > 0 } name ? name : QueueName + PoisonSuffix;

    /// <summary>Values that could not be parsed, reported by <see cref="QueueWorkerOptionsValidator"/>.</summary>
    internal List<string> ParseErrors { get; } = [];

    /// <summary>Reads the options from the <c>QueueWorker</c> section; a missing value keeps its default.</summary>
    /// <param name="section">The section, e.g. <c>configuration.GetSection("QueueWorker")</c>.</param>
    public void ReadFrom(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        ConnectionString = Text(section, nameof(ConnectionString)) ?? ConnectionString;
        QueueName = Text(section, nameof(QueueName)) ?? QueueName;
        PoisonQueueName = Text(section, nameof(PoisonQueueName)) ?? PoisonQueueName;
        StateTableName = Text(section, nameof(StateTableName)) ?? StateTableName;
        WorkerName = Text(section, nameof(WorkerName)) ?? WorkerName;
        MaxDequeueCount = ReadInt32(section, nameof(MaxDequeueCount)) ?? MaxDequeueCount;
        MaxMessagesPerReceive = ReadInt32(section, nameof(MaxMessagesPerReceive)) ?? MaxMessagesPerReceive;
        MaxConcurrentMessages = ReadInt32(section, nameof(MaxConcurrentMessages)) ?? MaxConcurrentMessages;
        VisibilityTimeout = ReadSeconds(section, nameof(VisibilityTimeout)) ?? VisibilityTimeout;
        RetryDelay = ReadSeconds(section, nameof(RetryDelay)) ?? RetryDelay;
        MaxPollDelay = ReadSeconds(section, nameof(MaxPollDelay)) ?? MaxPollDelay;
        CreateIfNotExists = ReadBoolean(section, nameof(CreateIfNotExists)) ?? CreateIfNotExists;
    }

    private static string? Text(IConfiguration section, string key) => section[key] is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private bool? ReadBoolean(IConfiguration section, string key)
    {
        if (Text(section, key) is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out bool value))
        {
            return value;
        }

        ParseErrors.Add($"{SectionName}:{key} is '{text}', which is neither true nor false.");
        return null;
    }

    private int? ReadInt32(IConfiguration section, string key)
    {
        if (Text(section, key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        ParseErrors.Add($"{SectionName}:{key} is '{text}', which is not a whole number.");
        return null;
    }

    // "<key>Seconds": a number of seconds, fractions allowed ("0.5").
    private TimeSpan? ReadSeconds(IConfiguration section, string property)
    {
        string key = property + "Seconds";
        if (Text(section, key) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        ParseErrors.Add($"{SectionName}:{key} is '{text}', which is not a number of seconds.");
        return null;
    }
}
