namespace MediaEvents.Tracking;

/// <summary>A gap in a track's timestamps (LiveEventTrackDiscontinuityDetected); the latest one.</summary>
public sealed record TrackDiscontinuity
{
    /// <summary>The event.</summary>
    public required EventStamp Event { get; init; }

    /// <summary>The timestamp of the fragment before the gap, in <see cref="Timescale"/> units.</summary>
    public long? PreviousTimestamp { get; init; }

    /// <summary>The timestamp of the fragment after the gap, in <see cref="Timescale"/> units.</summary>
    public long? NewTimestamp { get; init; }

    /// <summary>The gap, in <see cref="Timescale"/> units.</summary>
    public long? Gap { get; init; }

    /// <summary>Units per second of the timestamps and gap.</summary>
    public long? Timescale { get; init; }
}
