using System;
using System.Collections.Generic;
using System.Linq;
using MediaEvents.Json;
using MediaEvents.Tracking.Media;

namespace MediaEvents.Tracking.Folding;

internal static partial class MediaEventObserver
{
    private static Func<EntitySnapshot, EntitySnapshot>? ObserveJob(string type, EventStamp stamp, ReadOnlySpan<byte> data) => type switch
    {
        MediaEventTypes.JobStateChange => JobStateChanged(stamp, Read(data, Context.MediaJobStateChangeEventData), implied: null, outputs: null),
        MediaEventTypes.JobScheduled => JobStateChanged(stamp, Read(data, Context.MediaJobScheduledEventData), JobState.Scheduled, outputs: null),
        MediaEventTypes.JobProcessing => JobStateChanged(stamp, Read(data, Context.MediaJobProcessingEventData), JobState.Processing, outputs: null),
        MediaEventTypes.JobCanceling => JobStateChanged(stamp, Read(data, Context.MediaJobCancelingEventData), JobState.Canceling, outputs: null),
        MediaEventTypes.JobFinished => Final(stamp, Read(data, Context.MediaJobFinishedEventData), JobState.Finished, static d => d.Outputs),
        MediaEventTypes.JobCanceled => Final(stamp, Read(data, Context.MediaJobCanceledEventData), JobState.Canceled, static d => d.Outputs),
        MediaEventTypes.JobErrored => Final(stamp, Read(data, Context.MediaJobErroredEventData), JobState.Error, static d => d.Outputs),
        MediaEventTypes.JobOutputStateChange => OutputStateChanged(stamp, Read(data, Context.MediaJobOutputStateChangeEventData), implied: null),
        MediaEventTypes.JobOutputScheduled => OutputStateChanged(stamp, Read(data, Context.MediaJobOutputScheduledEventData), JobState.Scheduled),
        MediaEventTypes.JobOutputProcessing => OutputStateChanged(stamp, Read(data, Context.MediaJobOutputProcessingEventData), JobState.Processing),
        MediaEventTypes.JobOutputCanceling => OutputStateChanged(stamp, Read(data, Context.MediaJobOutputCancelingEventData), JobState.Canceling),
        MediaEventTypes.JobOutputFinished => OutputStateChanged(stamp, Read(data, Context.MediaJobOutputFinishedEventData), JobState.Finished),
        MediaEventTypes.JobOutputCanceled => OutputStateChanged(stamp, Read(data, Context.MediaJobOutputCanceledEventData), JobState.Canceled),
        MediaEventTypes.JobOutputErrored => OutputStateChanged(stamp, Read(data, Context.MediaJobOutputErroredEventData), JobState.Error),
        MediaEventTypes.JobOutputProgress => OutputProgressed(stamp, Read(data, Context.MediaJobOutputProgressEventData)),
        _ => throw new UnusableDataException($"'{type}' is a job event type the tracker does not know how to apply."),
    };

    private static Func<EntitySnapshot, EntitySnapshot>? Final<T>(EventStamp stamp, T? data, JobState state, Func<T, IReadOnlyList<MediaJobOutput>?> outputs)
        where T : MediaJobStateChangeEventData =>
        data is null ? null : JobStateChanged(stamp, data, state, outputs(data));

    // The event type names the state (JobFinished is Finished); a state in the data wins, and JobStateChange has
    // only that. A final event lists every output with its result: each is an observation of that output too.
    private static Func<EntitySnapshot, EntitySnapshot>? JobStateChanged(EventStamp stamp, MediaJobStateChangeEventData? data, JobState? implied, IReadOnlyList<MediaJobOutput>? outputs)
    {
        if (data is null)
        {
            return null;
        }

        JobState state = StateOf(data.State) ?? implied ?? throw new UnusableDataException("The job state change carries no state.");
        JobState? previous = StateOf(data.PreviousState);
        MediaJobOutput[] listed = outputs?.Where(static output => output is not null).ToArray() ?? [];
        return snapshot =>
        {
            JobSnapshot job = ((JobSnapshot)snapshot).WithState(stamp, state, previous).WithCorrelationData(stamp, data.CorrelationData);
            foreach (MediaJobOutput output in listed)
            {
                job = job.WithOutput(output.Label ?? string.Empty, current => Output(current, stamp, output, previous: null, implied: null));
            }

            return job;
        };
    }

    private static Func<EntitySnapshot, EntitySnapshot>? OutputStateChanged(EventStamp stamp, MediaJobOutputStateChangeEventData? data, JobState? implied)
    {
        if (data is null)
        {
            return null;
        }

        MediaJobOutput output = data.Output ?? throw new UnusableDataException("The job output state change carries no output.");
        JobState? previous = StateOf(data.PreviousState);
        return snapshot => ((JobSnapshot)snapshot)
            .WithCorrelationData(stamp, data.JobCorrelationData)
            .WithOutput(output.Label ?? string.Empty, current => Output(current, stamp, output, previous, implied));
    }

    private static Func<EntitySnapshot, EntitySnapshot>? OutputProgressed(EventStamp stamp, MediaJobOutputProgressEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        return snapshot =>
        {
            JobSnapshot job = ((JobSnapshot)snapshot).WithCorrelationData(stamp, data.JobCorrelationData);
            return data.Progress is long progress
                ? job.WithOutput(data.Label ?? string.Empty, current => current.WithProgress(stamp.Time, progress))
                : job;
        };
    }

    private static JobOutputSnapshot Output(JobOutputSnapshot current, EventStamp stamp, MediaJobOutput output, JobState? previous, JobState? implied)
    {
        JobOutputSnapshot result = current.WithProgress(stamp.Time, output.Progress);
        if ((StateOf(output.State) ?? implied) is JobState state)
        {
            result = result.WithState(stamp, state, previous);
        }

        if (output is MediaJobOutputAsset asset)
        {
            result = result.WithAssetName(asset.AssetName);
        }

        return output.Error is MediaJobError error ? result.WithError(stamp, ErrorOf(error)) : result;
    }

    private static JobState? StateOf(MediaJobState? state) =>
        state is MediaJobState value && value.Value.Length > 0 ? new JobState(value.Value) : null;

    private static JobError ErrorOf(MediaJobError error) => new()
    {
        Code = error.Code?.Value,
        Message = error.Message,
        Category = error.Category?.Value,
        Retry = error.Retry?.Value,
        Details = new ValueList<JobErrorDetail>(
            error.Details?.Where(static detail => detail is not null).Select(static detail => new JobErrorDetail(detail.Code, detail.Message)) ?? []),
    };
}
