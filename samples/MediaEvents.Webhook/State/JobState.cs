using System;
using System.Collections.Generic;

namespace MediaEvents.Webhook.State;

/// <summary>
/// The mutable state of one job. Not thread-safe by itself: <see cref="IMediaStateStore"/> calls it under the
/// job's lock. Each value keeps the time of the event that set it, and an older event does not overwrite it.
/// </summary>
public sealed class JobState
{
    private readonly List<JobOutputState> _outputs = new();
    private DateTimeOffset? _stateTime;

    /// <summary>Creates the state of a job that has no event yet.</summary>
    public JobState(string subject)
    {
        Subject = subject ?? throw new ArgumentNullException(nameof(subject));
    }

    /// <summary>The job's subject, e.g. <c>transforms/T/jobs/J</c>.</summary>
    public string Subject { get; }

    /// <summary>The job's state.</summary>
    public string? State { get; private set; }

    /// <summary>The state before it.</summary>
    public string? PreviousState { get; private set; }

    /// <summary>The time of the newest event.</summary>
    public DateTimeOffset? LastEventTime { get; private set; }

    /// <summary>The type of the event applied last.</summary>
    public string? LastEventType { get; private set; }

    /// <summary>Events applied.</summary>
    public long EventCount { get; private set; }

    /// <summary>The correlation data, as last seen.</summary>
    public IReadOnlyDictionary<string, string>? CorrelationData { get; private set; }

    /// <summary>The newest error of the job or one of its outputs.</summary>
    public JobErrorStatus? LastError { get; private set; }

    /// <summary>Counts an event of the job.</summary>
    public void Touch(MediaEvent mediaEvent)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        EventCount++;
        LastEventType = mediaEvent.EventType;
        LastEventTime = EventTime.Latest(LastEventTime, mediaEvent.Time);
    }

    /// <summary>Applies a job state change (and the outputs it lists, if any).</summary>
    public void ApplyState(DateTimeOffset? time, MediaJobStateChangeEventData data, IReadOnlyList<MediaJobOutput>? outputs)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (EventTime.IsCurrent(time, _stateTime))
        {
            State = data.State?.Value ?? State;
            PreviousState = data.PreviousState?.Value ?? PreviousState;
            CorrelationData = data.CorrelationData ?? CorrelationData;
            _stateTime = EventTime.Latest(_stateTime, time);
        }

        if (outputs is not null)
        {
            foreach (MediaJobOutput output in outputs)
            {
                ApplyOutput(time, output, null);
            }
        }
    }

    /// <summary>Applies an output state change.</summary>
    public void ApplyOutput(DateTimeOffset? time, MediaJobOutput output, IReadOnlyDictionary<string, string>? jobCorrelationData)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? assetName = (output as MediaJobOutputAsset)?.AssetName;
        JobOutputState state = Output(output.Label ?? assetName ?? "(unlabelled)");
        if (EventTime.IsCurrent(time, state.Time))
        {
            state.AssetName = assetName ?? state.AssetName;
            state.State = output.State.Value;
            state.Progress = output.Progress;
            state.Error = output.Error is null ? null : Describe(output.Error, state.Label, time);
            state.Time = EventTime.Latest(state.Time, time);
            if (state.Error is { } error && EventTime.IsCurrent(time, LastError?.Time))
            {
                LastError = error;
            }
        }

        CorrelationData ??= jobCorrelationData;
    }

    /// <summary>Applies a progress report of an output.</summary>
    public void ApplyProgress(DateTimeOffset? time, string? label, long? progress, IReadOnlyDictionary<string, string>? jobCorrelationData)
    {
        JobOutputState state = Output(label ?? "(unlabelled)");
        if (progress is not null && EventTime.IsCurrent(time, state.Time))
        {
            state.Progress = progress;
            state.Time = EventTime.Latest(state.Time, time);
        }

        CorrelationData ??= jobCorrelationData;
    }

    /// <summary>A copy for <c>/status</c>.</summary>
    public JobStatus ToStatus()
    {
        var outputs = new JobOutputStatus[_outputs.Count];
        for (int i = 0; i < outputs.Length; i++)
        {
            JobOutputState output = _outputs[i];
            outputs[i] = new JobOutputStatus
            {
                Label = output.Label,
                AssetName = output.AssetName,
                State = output.State,
                Progress = output.Progress,
                LastEventTime = output.Time,
                Error = output.Error,
            };
        }

        return new JobStatus
        {
            State = State,
            PreviousState = PreviousState,
            LastEventTime = LastEventTime,
            LastEventType = LastEventType,
            EventCount = EventCount,
            CorrelationData = CorrelationData,
            Outputs = outputs,
            LastError = LastError,
        };
    }

    private static JobErrorStatus Describe(MediaJobError error, string label, DateTimeOffset? time) => new()
    {
        Code = error.Code?.Value,
        Message = error.Message,
        Category = error.Category?.Value,
        Retry = error.Retry?.Value,
        OutputLabel = label,
        Time = time,
    };

    private JobOutputState Output(string label)
    {
        foreach (JobOutputState output in _outputs)
        {
            if (string.Equals(output.Label, label, StringComparison.Ordinal))
            {
                return output;
            }
        }

        var added = new JobOutputState(label);
        _outputs.Add(added);
        return added;
    }

    private sealed class JobOutputState(string label)
    {
        public string Label { get; } = label;

        public string? AssetName { get; set; }

        public string? State { get; set; }

        public long? Progress { get; set; }

        public DateTimeOffset? Time { get; set; }

        public JobErrorStatus? Error { get; set; }
    }
}
