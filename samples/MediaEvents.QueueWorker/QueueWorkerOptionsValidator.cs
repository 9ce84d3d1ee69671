using System;
using System.Collections.Generic;
using MediaEvents.Tracking.AzureTables;
using Microsoft.Extensions.Options;

namespace MediaEvents.QueueWorkerSample;

/// <summary>
/// Checks <see cref="QueueWorkerOptions"/> before a worker starts: a bad configuration stops it with one message per
/// problem, each naming the setting and what it must be, rather than a storage error on the first request.
/// </summary>
public sealed class QueueWorkerOptionsValidator : IValidateOptions<QueueWorkerOptions>
{
    private const string Section = QueueWorkerOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QueueWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> errors = Problems(options, requireConnectionString: true);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws when the options a worker runs with are not valid (the connection string is the clients' business there).</summary>
    /// <exception cref="OptionsValidationException">One failure per problem.</exception>
    public static void ThrowIfInvalid(QueueWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> errors = Problems(options, requireConnectionString: false);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(QueueWorkerOptions), errors);
        }
    }

    private static List<string> Problems(QueueWorkerOptions options, bool requireConnectionString)
    {
        var errors = new List<string>(options.ParseErrors);
        if (requireConnectionString && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add(
                $"No storage connection string is configured: set {Section}:ConnectionString (e.g. the environment variable {Section}__ConnectionString; " +
                "UseDevelopmentStorage=true for Azurite).");
        }

        if (string.IsNullOrWhiteSpace(options.QueueName))
        {
            errors.Add($"No queue is configured: set {Section}:QueueName to the queue of the Event Grid subscription's Storage Queue destination.");
        }
        else
        {
            // A derived poison name is checked only when the queue's name is good: its fault is the queue's.
            bool queueNameIsGood = AddIfBadQueueName(errors, nameof(options.QueueName), options.QueueName);
            if (options.PoisonQueueName is { Length: > 0 } || queueNameIsGood)
            {
                AddIfBadQueueName(errors, options.PoisonQueueName is { Length: > 0 } ? nameof(options.PoisonQueueName) : "PoisonQueueName (the queue's name + '-poison')", options.EffectivePoisonQueueName);
            }

            if (string.Equals(options.QueueName, options.EffectivePoisonQueueName, StringComparison.Ordinal))
            {
                errors.Add($"{Section}:PoisonQueueName is the queue itself ('{options.QueueName}'): a poisoned message would come straight back.");
            }
        }

        if (options.StateTableName is { } table && !TableMediaStateStore.IsValidTableName(table))
        {
            errors.Add($"{Section}:StateTableName is '{table}': a table name has 3 to 63 letters and digits and starts with a letter.");
        }

        if (options.MaxDequeueCount < 1)
        {
            errors.Add($"{Section}:MaxDequeueCount is {options.MaxDequeueCount}: a message must be tried at least once (the default is {QueueWorkerOptions.DefaultMaxDequeueCount}).");
        }

        if (options.VisibilityTimeout < TimeSpan.FromSeconds(1) || options.VisibilityTimeout > TimeSpan.FromDays(7))
        {
            errors.Add($"{Section}:VisibilityTimeoutSeconds is {options.VisibilityTimeout.TotalSeconds}: the Queue service takes 1 second to 7 days.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromDays(7))
        {
            errors.Add($"{Section}:RetryDelaySeconds is {options.RetryDelay.TotalSeconds}: it must be 0 (retry at once) to 7 days.");
        }

        if (options.MaxMessagesPerReceive is < 1 or > QueueWorkerOptions.ServiceMaxMessagesPerReceive)
        {
            errors.Add($"{Section}:MaxMessagesPerReceive is {options.MaxMessagesPerReceive}: the Queue service returns 1 to {QueueWorkerOptions.ServiceMaxMessagesPerReceive} messages at a time.");
        }

        if (options.MaxConcurrentMessages < 1)
        {
            errors.Add($"{Section}:MaxConcurrentMessages is {options.MaxConcurrentMessages}: a worker must handle at least one message at a time.");
        }

        if (options.MaxPollDelay <= TimeSpan.Zero || options.MaxPollDelay > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{Section}:MaxPollDelaySeconds is {options.MaxPollDelay.TotalSeconds}: it must be more than 0 and at most 600 seconds.");
        }

        if (string.IsNullOrWhiteSpace(options.WorkerName))
        {
            errors.Add($"{Section}:WorkerName is empty.");
        }

        return errors;
    }

    // The Queue service's rules (false when broken, with the error added): 3 to 63 characters, lowercase letters, digits and single hyphens, beginning and
    // ending with a letter or a digit.
    private static bool AddIfBadQueueName(List<string> errors, string setting, string name)
    {
        string? problem =
            name.Length is < 3 or > 63 ? $"it has {name.Length} characters, and a queue name has 3 to 63" :
            !IsQueueNameCharacters(name) ? "a queue name has only lowercase letters, digits and hyphens" :
            name[0] == '-' || name[^1] == '-' ? "a queue name begins and ends with a letter or a digit" :
            name.Contains("--", StringComparison.Ordinal) ? "a queue name has no two hyphens in a row" :
            null;
        if (problem is not null)
        {
            errors.Add($"{Section}:{setting} is '{name}': {problem}.");
        }

        return problem is null;
    }

    private static bool IsQueueNameCharacters(string name)
    {
        foreach (char c in name)
        {
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
