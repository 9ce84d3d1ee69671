using System.Collections.Generic;
using MediaEvents.AzureTests.Generated;

namespace MediaEvents.AzureTests;

/// <summary>A handler as users write one: a few typed methods, everything else recorded as "other".</summary>
internal sealed class RecordingVisitor : NonExhaustiveMediaEventVisitor
{
    public List<string> Calls { get; } = new();

    public List<MediaEvent<MediaJobFinishedEventData>> JobsFinished { get; } = new();

    public List<MediaEvent<MediaLiveEventIngestHeartbeatEventData>> Heartbeats { get; } = new();

    public List<MediaEvent<MediaLiveEventConnectionRejectedEventData>> ConnectionsRejected { get; } = new();

    public List<MediaEvent<MediaJobOutputProgressEventData>> Progress { get; } = new();

    public List<MediaEvent> Unknown { get; } = new();

    public override void VisitJobFinished(MediaEvent<MediaJobFinishedEventData> mediaEvent)
    {
        Calls.Add(nameof(VisitJobFinished));
        JobsFinished.Add(mediaEvent);
    }

    public override void VisitLiveEventIngestHeartbeat(MediaEvent<MediaLiveEventIngestHeartbeatEventData> mediaEvent)
    {
        Calls.Add(nameof(VisitLiveEventIngestHeartbeat));
        Heartbeats.Add(mediaEvent);
    }

    public override void VisitLiveEventConnectionRejected(MediaEvent<MediaLiveEventConnectionRejectedEventData> mediaEvent)
    {
        Calls.Add(nameof(VisitLiveEventConnectionRejected));
        ConnectionsRejected.Add(mediaEvent);
    }

    public override void VisitJobOutputProgress(MediaEvent<MediaJobOutputProgressEventData> mediaEvent)
    {
        Calls.Add(nameof(VisitJobOutputProgress));
        Progress.Add(mediaEvent);
    }

    public override void VisitUnknown(MediaEvent mediaEvent)
    {
        Calls.Add(nameof(VisitUnknown));
        Unknown.Add(mediaEvent);
    }

    protected override void VisitOther(MediaEvent mediaEvent) => Calls.Add("VisitOther " + mediaEvent.EventType);
}
