namespace MediaEvents.Tracking;

/// <summary>A data chunk the media server dropped (LiveEventIncomingDataChunkDropped); the latest one.</summary>
public sealed record DroppedChunk
{
    /// <summary>The event.</summary>
    public required EventStamp Event { get; init; }

    /// <summary>Why: <c>FragmentDrop_OverlapTimestamp</c> or <c>FragmentDrop_NonIncreasingTimestamp</c>.</summary>
    public string? ResultCode { get; init; }

    /// <summary>The timestamp of the dropped chunk, in <see cref="Timescale"/> units.</summary>
    public long? Timestamp { get; init; }

    /// <summary>Units per second of the timestamp.</summary>
    public long? Timescale { get; init; }
}
