using System;
using System.Collections.Generic;
using System.Linq;
using MediaEvents.Tracking;

namespace MediaEvents.Webhook.Status;

/// <summary>The current state of one live event, from its <see cref="LiveEventSnapshot"/>.</summary>
public sealed record LiveEventStatus
{
    /// <summary>Whether an encoder stream is connected now.</summary>
    public bool EncoderConnected { get; init; }

    /// <summary>The time of the latest event of the live event.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>The encoder streams (connections), by stream id in ordinal order, each as its latest connection event left it.</summary>
    public required IReadOnlyList<EncoderStatus> Streams { get; init; }

    /// <summary>The tracks, by name.</summary>
    public required IReadOnlyDictionary<string, TrackStatus> Tracks { get; init; }

    /// <summary>
    /// The names of the tracks nothing was heard of for longer than the tracker's <see cref="MediaStateTrackerOptions.StaleAfter"/>
    /// (heartbeats stopped: the live event stopped, or its events stopped arriving).
    /// </summary>
    public required IReadOnlyList<string> StaleTracks { get; init; }

    /// <summary>The latest warning that audio and video were out of sync.</summary>
    public OutOfSyncStatus? StreamsOutOfSync { get; init; }

    /// <summary>The latest warning that two video streams were out of sync.</summary>
    public OutOfSyncStatus? VideoStreamsOutOfSync { get; init; }

    /// <summary>The latest archive heartbeat.</summary>
    public ArchiveStatus? Archive { get; init; }

    /// <summary>The status of <paramref name="liveEvent"/>, with <paramref name="staleTracks"/> (from <see cref="MediaStateTracker.GetStaleTracks(LiveEventSnapshot)"/>).</summary>
    public static LiveEventStatus From(LiveEventSnapshot liveEvent, IEnumerable<LiveTrackSnapshot> staleTracks)
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        ArgumentNullException.ThrowIfNull(staleTracks);
        var tracks = new SortedDictionary<string, TrackStatus>(StringComparer.Ordinal);
        foreach (LiveTrackSnapshot track in liveEvent.Tracks)
        {
            tracks[track.TrackName] = TrackStatus.From(track);
        }

        return new LiveEventStatus
        {
            EncoderConnected = liveEvent.IsEncoderConnected,
            LastEventTime = liveEvent.LastEventTime,
            Streams = liveEvent.Streams.Select(EncoderStatus.From).ToArray(),
            Tracks = tracks,
            StaleTracks = staleTracks.Select(static track => track.TrackName).Order(StringComparer.Ordinal).ToArray(),
            StreamsOutOfSync = liveEvent.StreamsOutOfSync is { } streams
                ? new OutOfSyncStatus(
                    streams.Event.Time,
                    $"{streams.TypeOfStreamWithMinLastTimestamp} at {streams.MinLastTimestamp} (timescale {streams.TimescaleOfMinLastTimestamp}), "
                    + $"{streams.TypeOfStreamWithMaxLastTimestamp} at {streams.MaxLastTimestamp} (timescale {streams.TimescaleOfMaxLastTimestamp})")
                : null,
            VideoStreamsOutOfSync = liveEvent.VideoStreamsOutOfSync is { } video
                ? new OutOfSyncStatus(
                    video.Event.Time,
                    $"first at {video.FirstTimestamp} lasting {video.FirstDuration}, second at {video.SecondTimestamp} lasting {video.SecondDuration}, timescale {video.Timescale}")
                : null,
            Archive = liveEvent.Archive is { } archive ? new ArchiveStatus(archive.ChannelLatencyMs, archive.LatencyResultCode, archive.Event.Time) : null,
        };
    }
}

/// <summary>One encoder stream of a live event, as its latest connection event left it.</summary>
public sealed record EncoderStatus
{
    /// <summary>The stream id the encoder put in the ingest URL.</summary>
    public required string StreamId { get; init; }

    /// <summary><c>Connected</c>, <c>Disconnected</c> or <c>Rejected</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Why the encoder disconnected or was rejected, e.g. <c>S_OK</c>.</summary>
    public string? ResultCode { get; init; }

    /// <summary>Whether a disconnection was graceful (the encoder ended the session) rather than an error.</summary>
    public bool GracefulDisconnect { get; init; }

    /// <summary>The encoder's <c>ip:port</c> (the service masks the address's last part).</summary>
    public string? Encoder { get; init; }

    /// <summary>The ingest URL the encoder used.</summary>
    public string? IngestUrl { get; init; }

    /// <summary>The time of the connection event.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The status of <paramref name="connection"/>.</summary>
    public static EncoderStatus From(EncoderConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new EncoderStatus
        {
            StreamId = connection.StreamId,
            Status = connection.Status.ToString(),
            ResultCode = connection.ResultCode,
            GracefulDisconnect = connection.IsGracefulDisconnect,
            Encoder = connection.EncoderIp is null && connection.EncoderPort is null ? null : $"{connection.EncoderIp}:{connection.EncoderPort}",
            IngestUrl = connection.IngestUrl,
            Time = connection.Event.Time,
        };
    }
}

/// <summary>One track of a live event: its ingest health from the latest heartbeat, and its latest incidents.</summary>
public sealed record TrackStatus
{
    /// <summary>The track's type (<c>video</c>, <c>audio</c>).</summary>
    public string? TrackType { get; init; }

    /// <summary>Whether the latest heartbeat reported healthy ingest; null before any heartbeat.</summary>
    public bool? Healthy { get; init; }

    /// <summary>The live event's state in the latest heartbeat, e.g. <c>Running</c>.</summary>
    public string? State { get; init; }

    /// <summary>The configured bitrate, in bits per second.</summary>
    public long? Bitrate { get; init; }

    /// <summary>The bitrate that arrived over the latest heartbeat's period, in bits per second.</summary>
    public long? IncomingBitrate { get; init; }

    /// <summary>Whether the incoming bitrate was off.</summary>
    public bool? UnexpectedBitrate { get; init; }

    /// <summary>Chunks with overlapping timestamps in the latest heartbeat's period.</summary>
    public long? OverlapCount { get; init; }

    /// <summary>Discontinuities in the latest heartbeat's period.</summary>
    public long? DiscontinuityCount { get; init; }

    /// <summary>Chunks with non-increasing timestamps in the latest heartbeat's period.</summary>
    public long? NonIncreasingCount { get; init; }

    /// <summary>Seconds per minute the data arrived late; null when no data arrived.</summary>
    public double? DriftSecondsPerMinute { get; init; }

    /// <summary>The time of the latest heartbeat.</summary>
    public DateTimeOffset? LastHeartbeat { get; init; }

    /// <summary>The time of the latest heartbeat that reported unhealthy ingest.</summary>
    public DateTimeOffset? LastUnhealthy { get; init; }

    /// <summary>The time of the latest event about the track.</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>The latest timestamp discontinuity.</summary>
    public DiscontinuityStatus? LastDiscontinuity { get; init; }

    /// <summary>The latest dropped data chunk.</summary>
    public DroppedChunkStatus? LastDroppedChunk { get; init; }

    /// <summary>The status of <paramref name="track"/>.</summary>
    public static TrackStatus From(LiveTrackSnapshot track)
    {
        ArgumentNullException.ThrowIfNull(track);
        IngestHeartbeat? heartbeat = track.LastHeartbeat;
        return new TrackStatus
        {
            TrackType = heartbeat?.TrackType ?? track.LastStreamReceived?.TrackType,
            Healthy = track.Healthy,
            State = heartbeat?.State,
            Bitrate = heartbeat?.Bitrate ?? track.LastStreamReceived?.Bitrate,
            IncomingBitrate = heartbeat?.IncomingBitrate,
            UnexpectedBitrate = heartbeat?.UnexpectedBitrate,
            OverlapCount = heartbeat?.OverlapCount,
            DiscontinuityCount = heartbeat?.DiscontinuityCount,
            NonIncreasingCount = heartbeat?.NonIncreasingCount,
            DriftSecondsPerMinute = heartbeat?.DriftSecondsPerMinute,
            LastHeartbeat = heartbeat?.Event.Time,
            LastUnhealthy = track.LastUnhealthyTime,
            LastSeen = track.LastSeen,
            LastDiscontinuity = track.LastDiscontinuity is { } gap
                ? new DiscontinuityStatus(gap.PreviousTimestamp, gap.NewTimestamp, gap.Gap, gap.Timescale, gap.Event.Time)
                : null,
            LastDroppedChunk = track.LastDroppedChunk is { } dropped
                ? new DroppedChunkStatus(dropped.ResultCode, dropped.Timestamp, dropped.Timescale, dropped.Event.Time)
                : null,
        };
    }
}

/// <summary>A timestamp discontinuity on a track.</summary>
/// <param name="PreviousTimestamp">The timestamp before the gap.</param>
/// <param name="NewTimestamp">The timestamp after it.</param>
/// <param name="Gap">The gap, in <paramref name="Timescale"/> units.</param>
/// <param name="Timescale">Units per second.</param>
/// <param name="Time">When it was reported.</param>
public sealed record DiscontinuityStatus(long? PreviousTimestamp, long? NewTimestamp, long? Gap, long? Timescale, DateTimeOffset Time);

/// <summary>A data chunk the media server dropped.</summary>
/// <param name="ResultCode">Why, e.g. <c>FragmentDrop_OverlapTimestamp</c>.</param>
/// <param name="Timestamp">The chunk's timestamp.</param>
/// <param name="Timescale">Units per second.</param>
/// <param name="Time">When it was reported.</param>
public sealed record DroppedChunkStatus(string? ResultCode, long? Timestamp, long? Timescale, DateTimeOffset Time);

/// <summary>A warning that streams were out of sync.</summary>
/// <param name="Time">When it was reported.</param>
/// <param name="Detail">The timestamps the service compared.</param>
public sealed record OutOfSyncStatus(DateTimeOffset Time, string Detail);

/// <summary>The latest archive heartbeat.</summary>
/// <param name="ChannelLatencyMs">How far the archive lags behind ingest, in milliseconds.</param>
/// <param name="LatencyResultCode">The service's result code for the measurement.</param>
/// <param name="Time">When it was reported.</param>
public sealed record ArchiveStatus(long? ChannelLatencyMs, string? LatencyResultCode, DateTimeOffset Time);
