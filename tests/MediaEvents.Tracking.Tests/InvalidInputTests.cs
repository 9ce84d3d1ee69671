using System.Text;
using System.Text.Json;
using Xunit;
using static MediaEvents.Tracking.Tests.DocEvents;

namespace MediaEvents.Tracking.Tests;

/// <summary>Bad input gets a result that says what is wrong, never an exception, and changes no state.</summary>
public sealed class InvalidInputTests
{
    private readonly MediaStateTracker _tracker = new();

    [Fact]
    public void An_event_type_of_another_publisher_is_not_tracked()
    {
        TrackingResult result = _tracker.Apply(new MediaEvent("Microsoft.Storage.BlobCreated") { Id = "1", Subject = "blobs/a" });
        Assert.Equal(TrackingOutcome.NotTracked, result.Outcome);
        Assert.Contains("Microsoft.Storage.BlobCreated", result.Reason);
    }

    [Fact]
    public void An_event_without_a_subject_is_invalid()
    {
        TrackingResult result = _tracker.Apply(Read("Microsoft.Media.JobProcessing", "p", Start, "/", """{ "state": "Processing" }"""));
        Assert.Equal(TrackingOutcome.Invalid, result.Outcome);
        Assert.Contains("no subject", result.Reason);
    }

    [Fact]
    public void An_event_without_data_is_invalid()
    {
        TrackingResult result = _tracker.Apply(new MediaEvent("Microsoft.Media.JobProcessing") { Id = "p", Subject = Job });
        Assert.Equal(TrackingOutcome.Invalid, result.Outcome);
        Assert.Equal(MediaEntityKey.Job(Job), result.Key);
        Assert.Contains("no data", result.Reason);
        Assert.Null(_tracker.GetJob(Job));
    }

    [Fact]
    public void Data_that_is_not_the_spec_type_is_invalid_with_the_reason()
    {
        var mediaEvent = new MediaEvent("Microsoft.Media.JobOutputProgress")
        {
            Id = "p",
            Subject = Job,
            RawData = Encoding.UTF8.GetBytes("""{ "label": "x", "progress": { "not": "a number" } }"""),
        };

        TrackingResult result = _tracker.Apply(mediaEvent);
        Assert.Equal(TrackingOutcome.Invalid, result.Outcome);
        Assert.StartsWith("The event's data cannot be read: ", result.Reason);
        Assert.Null(_tracker.GetJob(Job));
    }

    [Fact]
    public void A_state_change_without_a_state_is_invalid()
    {
        TrackingResult result = _tracker.Apply(Read("Microsoft.Media.JobStateChange", "c", Start, Job, """{ "previousState": "Processing" }"""));
        Assert.Equal(TrackingOutcome.Invalid, result.Outcome);
        Assert.Contains("no state", result.Reason);
    }

    [Fact]
    public void Json_that_is_not_a_snapshot_fails_with_a_json_exception()
    {
        Assert.Throws<JsonException>(() => MediaStateJson.Deserialize("""{ "kind": "job" }"""));
        Assert.Throws<JsonException>(() => MediaStateJson.Deserialize("""{ "kind": "plane", "subject": "x" }"""));
        Assert.Throws<JsonException>(() => MediaStateJson.Deserialize("null"));
    }
}
