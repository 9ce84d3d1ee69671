using System;
using System.Globalization;
using System.Text.Json.Serialization;

namespace MediaEvents.Tracking;

/// <summary>
/// A track's ingest health as its latest LiveEventIngestHeartbeat reported it. Heartbeats come every 20 seconds per
/// track while the live event runs, and keep coming after the encoder disconnects: the connection state comes from
/// <see cref="LiveEventSnapshot.Streams"/>, not from here. Counts cover the 20 seconds before the heartbeat.
/// </summary>
public sealed record IngestHeartbeat
{
    /// <summary>The heartbeat event.</summary>
    public required EventStamp Event { get; init; }

    /// <summary>Audio or video.</summary>
    public string? TrackType { get; init; }

    /// <summary>The bitrate the track is configured with, in bits per second.</summary>
    public long? Bitrate { get; init; }

    /// <summary>The bitrate measured from the chunks that arrived, in bits per second.</summary>
    public long? IncomingBitrate { get; init; }

    /// <summary>The latest timestamp received for the track, in <see cref="Timescale"/> units.</summary>
    public long? LastTimestamp { get; init; }

    /// <summary>Units per second of the timestamps.</summary>
    public long? Timescale { get; init; }

    /// <summary>Chunks with overlapping timestamps.</summary>
    public long? OverlapCount { get; init; }

    /// <summary>Discontinuities seen.</summary>
    public long? DiscontinuityCount { get; init; }

    /// <summary>Chunks whose timestamps were not after the previous chunk's.</summary>
    public long? NonIncreasingCount { get; init; }

    /// <summary>Whether the incoming bitrate was off (at least twice, at most half the configured bitrate, or zero).</summary>
    public bool? UnexpectedBitrate { get; init; }

    /// <summary>The live event's state, e.g. <c>Running</c>.</summary>
    public string? State { get; init; }

    /// <summary>Whether ingest was healthy: no overlaps, discontinuities or non-increasing timestamps, and the expected bitrate.</summary>
    public bool? Healthy { get; init; }

    /// <summary>When the latest fragment arrived at the ingest endpoint (UTC), when the service said and it could be read.</summary>
    public DateTimeOffset? LastFragmentArrivalTime { get; init; }

    /// <summary>The ingest drift as sent: seconds of delay per minute, or <c>n/a</c> when no data arrived.</summary>
    public string? IngestDrift { get; init; }

    /// <summary>Whether live transcription is on (<c>On</c>; audio tracks only).</summary>
    public string? TranscriptionState { get; init; }

    /// <summary>The transcription language (BCP-47), when transcription is on.</summary>
    public string? TranscriptionLanguage { get; init; }

    /// <summary>
    /// <see cref="IngestDrift"/> as a number: how many seconds per minute the data arrived late (0 when on time),
    /// or <see langword="null"/> when no data arrived (<c>n/a</c>) or the value was not a number.
    /// </summary>
    [JsonIgnore]
    public double? DriftSecondsPerMinute =>
        double.TryParse(IngestDrift, NumberStyles.Float, CultureInfo.InvariantCulture, out double drift) ? drift : null;

    /// <summary>
    /// The ingest latency at the heartbeat: how long before it the latest fragment arrived, or
    /// <see langword="null"/> when the arrival time is unknown.
    /// </summary>
    [JsonIgnore]
    public TimeSpan? FragmentLatency => LastFragmentArrivalTime is DateTimeOffset arrival ? Event.Time - arrival : null;
}
