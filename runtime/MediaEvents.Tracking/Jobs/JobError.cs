using System;
using System.Text.Json.Serialization;
using MediaEvents.Json;

namespace MediaEvents.Tracking;

/// <summary>Why a job output failed, as the service reported it.</summary>
public sealed record JobError
{
    /// <summary>A machine-readable code, e.g. <c>ServiceError</c> or <c>ContentMalformed</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The explanation meant for people.</summary>
    public string? Message { get; init; }

    /// <summary>The broad area of the error, e.g. <c>Service</c>, <c>Download</c>, <c>Content</c>.</summary>
    public string? Category { get; init; }

    /// <summary>The service's hint on retrying: <c>DoNotRetry</c> or <c>MayRetry</c>.</summary>
    public string? Retry { get; init; }

    /// <summary>The more specific errors that led to this one.</summary>
    public ValueList<JobErrorDetail> Details { get; init; } = JobErrorDetail.None;

    /// <summary>Whether the service says that submitting the job again may succeed.</summary>
    [JsonIgnore]
    public bool MayRetry => string.Equals(Retry, "MayRetry", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One of the specific errors behind a <see cref="JobError"/>.</summary>
/// <param name="Code">A machine-readable code.</param>
/// <param name="Message">The explanation meant for people.</param>
public sealed record JobErrorDetail(string? Code, string? Message)
{
    internal static ValueList<JobErrorDetail> None { get; } = new([]);
}
