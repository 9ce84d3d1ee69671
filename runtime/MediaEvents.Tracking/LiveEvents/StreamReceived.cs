using System;

namespace MediaEvents.Tracking;

/// <summary>The first data chunk of a track on a connection (LiveEventIncomingStreamReceived); the latest such event.</summary>
public sealed record StreamReceived
{
    /// <summary>The event.</summary>
    public required EventStamp Event { get; init; }

    /// <summary>Audio or video.</summary>
    public string? TrackType { get; init; }

    /// <summary>The track's bitrate, in bits per second.</summary>
    public long? Bitrate { get; init; }

    /// <summary>The ingest URL of the stream.</summary>
    public string? IngestUrl { get; init; }

    /// <summary>The timestamp of the first chunk, in <see cref="Timescale"/> units.</summary>
    public long? Timestamp { get; init; }

    /// <summary>The duration of the first chunk, in <see cref="Timescale"/> units.</summary>
    public long? Duration { get; init; }

    /// <summary>Units per second of the timestamp and duration.</summary>
    public long? Timescale { get; init; }
}
