using System;
using System.Collections.Generic;
using System.Linq;
using MediaEvents.Tracking;

namespace MediaEvents.Webhook.Status;

/// <summary>The current state of one job, from its <see cref="JobSnapshot"/>.</summary>
public sealed record JobStatus
{
    /// <summary>The job's state, e.g. <c>Processing</c>; null until a job state event arrived.</summary>
    public string? State { get; init; }

    /// <summary>The state before it, as the event that reported it said.</summary>
    public string? PreviousState { get; init; }

    /// <summary>Whether the job is Finished, Canceled or Error: it will not change state again.</summary>
    public bool IsFinal { get; init; }

    /// <summary>The time of the latest event of the job.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>The correlation data the job was submitted with, by key in ordinal order.</summary>
    public IReadOnlyDictionary<string, string>? CorrelationData { get; init; }

    /// <summary>The job's outputs, by label in ordinal order.</summary>
    public required IReadOnlyList<JobOutputStatus> Outputs { get; init; }

    /// <summary>The status of <paramref name="job"/>.</summary>
    public static JobStatus From(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobStatus
        {
            State = job.State?.Value,
            PreviousState = job.PreviousState?.Value,
            IsFinal = job.IsFinal,
            LastEventTime = job.LastEventTime,
            CorrelationData = job.CorrelationData is { } data ? new SortedDictionary<string, string>(data.ToDictionary(), StringComparer.Ordinal) : null,
            Outputs = job.Outputs.Select(JobOutputStatus.From).ToArray(),
        };
    }
}

/// <summary>The current state of one output of a job.</summary>
public sealed record JobOutputStatus
{
    /// <summary>The output's label.</summary>
    public required string Label { get; init; }

    /// <summary>The asset the output writes to.</summary>
    public string? AssetName { get; init; }

    /// <summary>The output's state; null when only progress was reported.</summary>
    public string? State { get; init; }

    /// <summary>The state before it.</summary>
    public string? PreviousState { get; init; }

    /// <summary>The highest progress reported up to the output's final state, 0 to 100 (it need not reach 100).</summary>
    public int? Progress { get; init; }

    /// <summary>Why the output failed, when it did.</summary>
    public JobErrorStatus? Error { get; init; }

    /// <summary>The status of <paramref name="output"/>.</summary>
    public static JobOutputStatus From(JobOutputSnapshot output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new JobOutputStatus
        {
            Label = output.Label,
            AssetName = output.AssetName,
            State = output.State?.Value,
            PreviousState = output.PreviousState?.Value,
            Progress = output.Progress,
            Error = output.Error is { } error ? JobErrorStatus.From(error) : null,
        };
    }
}

/// <summary>The error of a job output, as the service reported it.</summary>
public sealed record JobErrorStatus
{
    /// <summary>The error code, e.g. <c>ContentUnsupported</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The message.</summary>
    public string? Message { get; init; }

    /// <summary>The category, e.g. <c>Content</c>.</summary>
    public string? Category { get; init; }

    /// <summary>The service's retry hint: <c>DoNotRetry</c> or <c>MayRetry</c>.</summary>
    public string? Retry { get; init; }

    /// <summary>The specific errors behind it, each as <c>code: message</c>.</summary>
    public IReadOnlyList<string>? Details { get; init; }

    /// <summary>The status of <paramref name="error"/>.</summary>
    public static JobErrorStatus From(JobError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new JobErrorStatus
        {
            Code = error.Code,
            Message = error.Message,
            Category = error.Category,
            Retry = error.Retry,
            Details = error.Details.Count == 0 ? null : error.Details.Select(static detail => $"{detail.Code}: {detail.Message}").ToArray(),
        };
    }
}
