using System;
using System.Text.Json.Serialization;
using MediaEvents.Json;
using MediaEvents.Tracking.Folding;

namespace MediaEvents.Tracking;

/// <summary>
/// The current state of one output of a job, from the JobOutput events and from the outputs a job's final event
/// lists. Outputs are told apart by their label.
/// </summary>
public sealed record JobOutputSnapshot
{
    /// <summary>The output's label (the empty string when the service sent none).</summary>
    public required string Label { get; init; }

    /// <summary>The asset the output writes to, for an asset output.</summary>
    public string? AssetName { get; init; }

    /// <summary>The output's current state; a final state stays.</summary>
    public JobState? State { get; init; }

    /// <summary>The state before <see cref="State"/>, when the event that reported it said.</summary>
    public JobState? PreviousState { get; init; }

    /// <summary>The event <see cref="State"/> comes from.</summary>
    public EventStamp? StateEvent { get; init; }

    /// <summary>The earliest time the output was reported in a final state; progress reported after it is ignored.</summary>
    public DateTimeOffset? FinalStateTime { get; init; }

    /// <summary>Why the output failed, when it did: the latest error reported.</summary>
    public JobError? Error { get; init; }

    /// <summary>The event <see cref="Error"/> comes from.</summary>
    public EventStamp? ErrorEvent { get; init; }

    /// <summary>
    /// The progress reports that decide <see cref="Progress"/>: only those no earlier report matched or beat, in time
    /// order (at most 101).
    /// </summary>
    public ValueList<ProgressPoint> ProgressHistory { get; init; } = ProgressFrontier.Empty;

    /// <summary>
    /// The highest progress reported (0 to 100), up to the output's final state: it never goes back, and reports
    /// after the output became final are ignored. It need not start at 0 nor reach 100: use <see cref="State"/>, not
    /// this, to know that the output is done.
    /// </summary>
    [JsonIgnore]
    public int? Progress => ProgressFrontier.HighestUntil(ProgressHistory, FinalStateTime);

    /// <summary>Whether the output is in a final state (Finished, Canceled or Error).</summary>
    [JsonIgnore]
    public bool IsFinal => State?.IsFinal == true;

    internal JobOutputSnapshot WithState(EventStamp stamp, JobState state, JobState? previous)
    {
        JobOutputSnapshot result = state.IsFinal ? this with { FinalStateTime = Registers.Earliest(FinalStateTime, stamp.Time) } : this;
        return StateOrder.Supersedes(state, stamp, State, StateEvent)
            ? result with { State = state, PreviousState = previous, StateEvent = stamp }
            : result;
    }

    internal JobOutputSnapshot WithError(EventStamp stamp, JobError error) =>
        Registers.Supersedes(stamp, ErrorEvent) ? this with { Error = error, ErrorEvent = stamp } : this;

    internal JobOutputSnapshot WithAssetName(string? assetName) => this with { AssetName = Registers.Present(AssetName, assetName) };

    internal JobOutputSnapshot WithProgress(DateTimeOffset time, long progress) =>
        progress < 0 ? this : this with { ProgressHistory = ProgressFrontier.Add(ProgressHistory, new ProgressPoint(time, (int)Math.Min(progress, 100))) };
}
