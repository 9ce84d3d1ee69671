using System;
using System.Text.Json.Serialization;
using MediaEvents.Tracking.Serialization;

namespace MediaEvents.Tracking;

/// <summary>
/// The state of a job or of a job output, as the service names it. Extensible: a state the service adds later is
/// kept as it arrived (and is not final). Values compare ignoring case.
/// </summary>
[JsonConverter(typeof(JobStateJsonConverter))]
public readonly struct JobState : IEquatable<JobState>
{
    private readonly string? _value;

    /// <summary>Creates a state from its name.</summary>
    /// <param name="value">The name as the service sends it, e.g. <c>Processing</c>.</param>
    public JobState(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Waiting for resources (only ever a previous state).</summary>
    public static JobState Queued { get; } = new("Queued");

    /// <summary>Resources are being assigned.</summary>
    public static JobState Scheduled { get; } = new("Scheduled");

    /// <summary>Work is under way.</summary>
    public static JobState Processing { get; } = new("Processing");

    /// <summary>A cancellation is being carried out.</summary>
    public static JobState Canceling { get; } = new("Canceling");

    /// <summary>Completed successfully; final.</summary>
    public static JobState Finished { get; } = new("Finished");

    /// <summary>Canceled; final.</summary>
    public static JobState Canceled { get; } = new("Canceled");

    /// <summary>Failed; final. The outputs' errors say why.</summary>
    public static JobState Error { get; } = new("Error");

    /// <summary>The name as it arrived (the empty string for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the state is final: Finished, Canceled or Error. A final state never changes again.</summary>
    public bool IsFinal => Equals(Finished) || Equals(Canceled) || Equals(Error);

    /// <summary>
    /// The state's place in a job's life (Queued 0 … Canceling 3, final 4; a state the service adds later -1), used
    /// to order two state changes that carry the same time.
    /// </summary>
    internal int Rank =>
        IsFinal ? 4 :
        Equals(Canceling) ? 3 :
        Equals(Processing) ? 2 :
        Equals(Scheduled) ? 1 :
        Equals(Queued) ? 0 : -1;

    /// <summary>Compares ignoring case.</summary>
    public static bool operator ==(JobState left, JobState right) => left.Equals(right);

    /// <summary>Compares ignoring case.</summary>
    public static bool operator !=(JobState left, JobState right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(JobState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JobState other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
