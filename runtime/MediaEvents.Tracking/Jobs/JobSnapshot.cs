using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using MediaEvents.Json;
using MediaEvents.Tracking.Folding;

namespace MediaEvents.Tracking;

/// <summary>
/// The current state of a job, folded from its Job and JobOutput events in whatever order they came: a final state
/// (Finished, Canceled, Error) stays final, each output keeps its own state, progress and error.
/// </summary>
public sealed record JobSnapshot : EntitySnapshot
{
    private static readonly ValueList<JobOutputSnapshot> s_noOutputs = new([]);

    /// <summary>The job's current state; a final state stays.</summary>
    public JobState? State { get; init; }

    /// <summary>The state before <see cref="State"/>, as the event that reported it said.</summary>
    public JobState? PreviousState { get; init; }

    /// <summary>The event <see cref="State"/> comes from.</summary>
    public EventStamp? StateEvent { get; init; }

    /// <summary>The correlation data the job was submitted with, from the latest event that carried it.</summary>
    public ValueMap<string>? CorrelationData { get; init; }

    /// <summary>The event <see cref="CorrelationData"/> comes from.</summary>
    public EventStamp? CorrelationEvent { get; init; }

    /// <summary>The job's outputs, by label in ordinal order.</summary>
    public ValueList<JobOutputSnapshot> Outputs { get; init; } = s_noOutputs;

    /// <inheritdoc />
    [JsonIgnore]
    public override MediaEntityKind Kind => MediaEntityKind.Job;

    /// <summary>Whether the job is in a final state (Finished, Canceled or Error): it will not change state again.</summary>
    [JsonIgnore]
    public bool IsFinal => State?.IsFinal == true;

    /// <summary>The outputs that reported an error, with it.</summary>
    [JsonIgnore]
    public IEnumerable<JobOutputSnapshot> FailedOutputs => Outputs.Where(static output => output.Error is not null);

    /// <summary>The output with <paramref name="label"/>, or <see langword="null"/>.</summary>
    public JobOutputSnapshot? GetOutput(string label) => KeyedList.Find(Outputs, label, static output => output.Label);

    internal JobSnapshot WithState(EventStamp stamp, JobState state, JobState? previous) =>
        StateOrder.Supersedes(state, stamp, State, StateEvent)
            ? this with { State = state, PreviousState = previous, StateEvent = stamp }
            : this;

    internal JobSnapshot WithCorrelationData(EventStamp stamp, IReadOnlyDictionary<string, string>? correlationData) =>
        correlationData is not null && Registers.Supersedes(stamp, CorrelationEvent)
            ? this with { CorrelationData = correlationData as ValueMap<string> ?? new ValueMap<string>(correlationData), CorrelationEvent = stamp }
            : this;

    internal JobSnapshot WithOutput(string label, Func<JobOutputSnapshot, JobOutputSnapshot> change) =>
        this with { Outputs = KeyedList.Change(Outputs, label, static output => output.Label, static key => new JobOutputSnapshot { Label = key }, change) };
}
