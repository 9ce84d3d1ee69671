namespace MediaEvents.Tracking;

/// <summary>
/// The audio and video streams were out of sync (LiveEventIncomingStreamsOutOfSync); the latest warning. A warning:
/// viewers may not notice.
/// </summary>
public sealed record StreamsOutOfSyncWarning
{
    /// <summary>The event.</summary>
    public required EventStamp Event { get; init; }

    /// <summary>The smallest last timestamp among the tracks, in <see cref="TimescaleOfMinLastTimestamp"/> units.</summary>
    public long? MinLastTimestamp { get; init; }

    /// <summary>The type of the stream with the smallest last timestamp.</summary>
    public string? TypeOfStreamWithMinLastTimestamp { get; init; }

    /// <summary>The largest last timestamp among the tracks, in <see cref="TimescaleOfMaxLastTimestamp"/> units.</summary>
    public long? MaxLastTimestamp { get; init; }

    /// <summary>The type of the stream with the largest last timestamp.</summary>
    public string? TypeOfStreamWithMaxLastTimestamp { get; init; }

    /// <summary>Units per second of <see cref="MinLastTimestamp"/>.</summary>
    public long? TimescaleOfMinLastTimestamp { get; init; }

    /// <summary>Units per second of <see cref="MaxLastTimestamp"/>.</summary>
    public long? TimescaleOfMaxLastTimestamp { get; init; }
}
