using System;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static MediaEvents.Tracking.Tests.DocEvents;

namespace MediaEvents.Tracking.Tests;

public sealed class LiveEventTrackingTests
{
    [Fact]
    public void A_session_folds_into_connections_track_health_warnings_and_archive_latency()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(Scenarios.LiveEventSession());
        LiveEventSnapshot live = tracker.GetLiveEvent(Live)!;

        EncoderConnection encoder = live.GetStream("15864-stream0")!;
        Assert.Equal(EncoderConnectionStatus.Disconnected, encoder.Status);
        Assert.Equal("MPE_CLIENT_DISCONNECTED", encoder.ResultCode);
        Assert.True(encoder.IsGracefulDisconnect);
        EncoderConnection rejected = live.GetStream("Mystream1")!;
        Assert.Equal(EncoderConnectionStatus.Rejected, rejected.Status);
        Assert.Equal("MPE_INGEST_CODEC_NOT_SUPPORTED", rejected.ResultCode);
        Assert.False(live.IsEncoderConnected);

        // Heartbeats kept coming after the disconnection: the latest says no data, unhealthy.
        LiveTrackSnapshot video = live.GetTrack("video")!;
        Assert.False(video.Healthy);
        Assert.Equal(0, video.LastHeartbeat!.IncomingBitrate);
        Assert.Null(video.LastHeartbeat.DriftSecondsPerMinute); // "n/a"
        Assert.Equal(Start.AddSeconds(80), video.LastUnhealthyTime);
        Assert.Equal(new DateTimeOffset(2018, 10, 12, 16, 13, 33, 123, TimeSpan.Zero), video.LastHeartbeat.LastFragmentArrivalTime);
        Assert.Equal(TimeSpan.FromMilliseconds(5_000 - 123), video.LastHeartbeat.FragmentLatency);
        Assert.Equal(575284, video.LastDiscontinuity!.Gap);
        Assert.Equal("FragmentDrop_OverlapTimestamp", video.LastDroppedChunk!.ResultCode);
        Assert.Equal(15336831655032322, video.LastStreamReceived!.Timestamp);

        Assert.Equal("Audio", live.StreamsOutOfSync!.TypeOfStreamWithMinLastTimestamp);
        Assert.Equal(2162057216, live.VideoStreamsOutOfSync!.SecondTimestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), live.Archive!.ChannelLatency);
    }

    [Fact]
    public void A_heartbeat_reports_drift_counts_and_latency()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(Heartbeat("h", Start.AddSeconds(20), drift: "2", arrival: Start.AddSeconds(19.5).UtcDateTime.ToString("O")));

        IngestHeartbeat heartbeat = tracker.GetLiveEvent(Live)!.GetTrack("video")!.LastHeartbeat!;
        Assert.Equal(2, heartbeat.DriftSecondsPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(0.5), heartbeat.FragmentLatency);
        Assert.Equal(106999, heartbeat.LastTimestamp);
        Assert.Equal(1000, heartbeat.Timescale);
        Assert.Equal(0, heartbeat.OverlapCount);
        Assert.False(heartbeat.UnexpectedBitrate);
        Assert.True(heartbeat.Healthy);
    }

    [Fact]
    public void A_reconnection_after_a_disconnection_is_connected_whatever_the_arrival_order()
    {
        var tracker = new MediaStateTracker();
        tracker.Apply(Connected("c2", Start.AddMinutes(2)));
        tracker.Apply(Disconnected("d1", Start.AddMinutes(1), "MPE_INGEST_DISCONNECTED"));
        tracker.Apply(Connected("c1", Start));

        LiveEventSnapshot live = tracker.GetLiveEvent(Live)!;
        Assert.True(live.IsEncoderConnected);
        Assert.Equal("c2", Assert.Single(live.Streams).Event.EventId);
        Assert.False(new EncoderConnection { StreamId = "s", Status = EncoderConnectionStatus.Disconnected, ResultCode = "MPE_INGEST_DISCONNECTED", Event = new(Start, "d") }.IsGracefulDisconnect);
    }

    [Fact]
    public void A_track_goes_stale_when_heartbeats_stop()
    {
        var clock = new FakeTimeProvider(Start);
        var tracker = new MediaStateTracker(new InMemoryMediaStateStore(), new MediaStateTrackerOptions { StaleAfter = TimeSpan.FromSeconds(60) }, clock);
        tracker.Apply(Heartbeat("v1", Start, "video"));
        tracker.Apply(Heartbeat("a1", Start, "audio"));

        clock.Advance(TimeSpan.FromSeconds(40));
        tracker.Apply(Heartbeat("v2", Start.AddSeconds(40), "video"));
        Assert.Empty(tracker.GetStaleTracks(Live));

        clock.Advance(TimeSpan.FromSeconds(21)); // 61 s after the last audio heartbeat, 21 s after the video one
        Assert.Equal("audio", Assert.Single(tracker.GetStaleTracks(Live)).TrackName);

        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(2, tracker.GetStaleTracks(Live).Count);
        Assert.Empty(tracker.GetStaleTracks("liveEvent/unknown"));
    }
}
