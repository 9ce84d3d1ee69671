using System;
using System.Linq;
using MediaEvents.Tracking.Tests.Generated;
using Xunit;
using static MediaEvents.Tracking.Tests.DocEvents;

namespace MediaEvents.Tracking.Tests;

public sealed class JobTrackingTests
{
    [Fact]
    public void A_job_folds_into_its_final_state_outputs_errors_progress_and_correlation_data()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(Scenarios.JobThatErrors());

        JobSnapshot job = tracker.GetJob(Job)!;
        Assert.Equal(JobState.Error, job.State);
        Assert.Equal(JobState.Processing, job.PreviousState);
        Assert.True(job.IsFinal);
        Assert.Equal("testValue1", job.CorrelationData!["testKey1"]);
        Assert.Equal(["Analyzer", Label], job.Outputs.Select(o => o.Label));

        JobOutputSnapshot encoder = job.GetOutput(Label)!;
        Assert.Equal(JobState.Finished, encoder.State);
        Assert.Equal(100, encoder.Progress);
        Assert.Equal("output-" + Label, encoder.AssetName);
        Assert.Null(encoder.Error);

        JobOutputSnapshot analyzer = job.GetOutput("Analyzer")!;
        Assert.Equal(JobState.Error, analyzer.State);
        Assert.Equal(30, analyzer.Progress); // the 35 reported after the final state is ignored
        JobOutputSnapshot failed = Assert.Single(job.FailedOutputs);
        Assert.Same(analyzer, failed);
        Assert.Equal("ContentMalformed", analyzer.Error!.Code);
        Assert.Equal("DoNotRetry", analyzer.Error.Retry);
        Assert.False(analyzer.Error.MayRetry);
        Assert.Equal(new JobErrorDetail("ContentMalformed", "The file is not a video."), Assert.Single(analyzer.Error.Details));
    }

    [Fact]
    public void A_late_processing_does_not_reopen_a_finished_job()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(JobFinal("JobFinished", "f", Start.AddMinutes(5), "Finished", Output("Finished", 100)));
        Assert.Equal(TrackingOutcome.Applied, tracker.Apply(JobState("JobProcessing", "p", Start.AddMinutes(9), "Scheduled", "Processing")).Outcome);

        JobSnapshot job = tracker.GetJob(Job)!;
        Assert.Equal(JobState.Finished, job.State);
        Assert.Equal("f", job.StateEvent!.Value.EventId);
    }

    [Fact]
    public void Before_the_final_state_the_later_event_wins_and_progress_never_goes_back()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(JobState("JobProcessing", "p", Start.AddSeconds(5), "Scheduled", "Processing"));
        tracker.Apply(JobState("JobScheduled", "s", Start, "Queued", "Scheduled"));
        tracker.Apply(Progress("b", Start.AddSeconds(60), 70));
        tracker.Apply(Progress("a", Start.AddSeconds(30), 40));

        JobSnapshot job = tracker.GetJob(Job)!;
        Assert.Equal(JobState.Processing, job.State);
        Assert.False(job.IsFinal);
        Assert.Equal(70, job.GetOutput(Label)!.Progress);
        Assert.Null(job.GetOutput(Label)!.State); // progress alone says nothing of the state
    }

    [Fact]
    public void Progress_is_null_until_reported_and_clamped_to_100()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(Progress("a", Start, 140));
        Assert.Equal(100, tracker.GetJob(Job)!.GetOutput(Label)!.Progress);
        Assert.Null(new JobOutputSnapshot { Label = "x" }.Progress);
    }

    [Fact]
    public void An_error_with_a_retry_hint_says_the_job_may_be_retried()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(OutputState("JobOutputErrored", "e", Start, "Processing", Output("Error", 12, error: Error("ServiceError", "MayRetry"))));

        JobOutputSnapshot output = tracker.GetJob(Job)!.GetOutput(Label)!;
        Assert.True(output.Error!.MayRetry);
        Assert.True(output.IsFinal);
    }

    [Fact]
    public void Cloud_events_and_event_grid_events_fold_alike()
    {
        const string Data = """{ "previousState": "Scheduled", "state": "Processing" }""";
        var eventGrid = new MediaStateTracker();
        var cloudEvents = new MediaStateTracker();
        eventGrid.Apply(Read("Microsoft.Media.JobProcessing", "p", Start, "/" + Job, Data));
        cloudEvents.Apply(Read("Microsoft.Media.JobProcessing", "p", Start, Job, Data, cloudEvents: true));

        Assert.Equal(eventGrid.GetJob(Job), cloudEvents.GetJob("/" + Job));
        Assert.Equal(JobState.Processing, cloudEvents.GetJob(Job)!.State);
    }

    [Fact]
    public void An_event_built_in_code_is_read_from_its_typed_data()
    {
        var data = new MediaJobProcessingEventData { PreviousState = MediaJobState.Scheduled, State = MediaJobState.Processing };
        var built = new MediaEvent<MediaJobProcessingEventData>(MediaEventTypes.Catalog.Find(MediaEventTypes.JobProcessing) as MediaEventType<MediaJobProcessingEventData> ?? throw new InvalidOperationException(), data)
        {
            Id = "built",
            Subject = Job,
            Time = Start,
        };

        var tracker = new MediaStateTracker();
        Assert.Equal(TrackingOutcome.Applied, tracker.Apply(built).Outcome);
        Assert.Equal(JobState.Processing, tracker.GetJob(Job)!.State);
    }

    [Fact]
    public void A_state_change_names_its_state_by_its_type_when_the_data_does_not()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(Read("Microsoft.Media.JobCanceled", "c", Start, Job, """{ "outputs": [] }"""));
        Assert.Equal(JobState.Canceled, tracker.GetJob(Job)!.State);
    }

    [Fact]
    public void Every_event_type_of_the_spec_is_tracked()
    {
        var tracker = new MediaStateTracker();
        foreach (MediaEventType type in MediaEventTypes.Catalog.Types)
        {
            var mediaEvent = new MediaEvent(type.Name) { Id = type.Name, Subject = "s/1", Time = Start };
            Assert.NotEqual(TrackingOutcome.NotTracked, tracker.Apply(mediaEvent).Outcome);
        }
    }
}
