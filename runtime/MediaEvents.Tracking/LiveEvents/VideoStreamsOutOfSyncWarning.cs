namespace MediaEvents.Tracking;

/// <summary>
/// Two video streams from the encoder were out of sync (LiveEventIncomingVideoStreamsOutOfSync); the latest warning.
/// A warning: viewers may not notice.
/// </summary>
public sealed record VideoStreamsOutOfSyncWarning
{
    /// <summary>The event.</summary>
    public required EventStamp Event { get; init; }

    /// <summary>The timestamp received on one video track, in <see cref="Timescale"/> units.</summary>
    public long? FirstTimestamp { get; init; }

    /// <summary>The duration of the chunk at <see cref="FirstTimestamp"/>.</summary>
    public long? FirstDuration { get; init; }

    /// <summary>The timestamp received on another video track.</summary>
    public long? SecondTimestamp { get; init; }

    /// <summary>The duration of the chunk at <see cref="SecondTimestamp"/>.</summary>
    public long? SecondDuration { get; init; }

    /// <summary>Units per second of the timestamps and durations.</summary>
    public long? Timescale { get; init; }
}
