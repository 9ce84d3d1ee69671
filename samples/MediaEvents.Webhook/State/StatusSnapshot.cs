using System;
using System.Collections.Generic;

namespace MediaEvents.Webhook.State;

/// <summary>What <c>GET /status</c> returns: a copy of the state, each job and live event consistent in itself.</summary>
public sealed record StatusSnapshot
{
    /// <summary>Events applied to the state (unknown ones included), since the app started.</summary>
    public required long EventsApplied { get; init; }

    /// <summary>Events of types the catalog does not know.</summary>
    public required long UnknownEvents { get; init; }

    /// <summary>Events of unknown types, by type.</summary>
    public required IReadOnlyDictionary<string, long> UnknownEventTypes { get; init; }

    /// <summary>The jobs, by subject (<c>transforms/T/jobs/J</c>).</summary>
    public required IReadOnlyDictionary<string, JobStatus> Jobs { get; init; }

    /// <summary>The live events, by subject (<c>liveEvent/L</c>).</summary>
    public required IReadOnlyDictionary<string, LiveEventStatus> LiveEvents { get; init; }
}

/// <summary>The latest known state of one job.</summary>
public sealed record JobStatus
{
    /// <summary>The job's state, e.g. <c>Processing</c>; null until a job state event arrived.</summary>
    public string? State { get; init; }

    /// <summary>The state before it.</summary>
    public string? PreviousState { get; init; }

    /// <summary>The time of the newest event of the job.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>The type of the event applied last.</summary>
    public string? LastEventType { get; init; }

    /// <summary>How many events of the job were applied.</summary>
    public long EventCount { get; init; }

    /// <summary>The job's correlation data, as last seen.</summary>
    public IReadOnlyDictionary<string, string>? CorrelationData { get; init; }

    /// <summary>The job's outputs, by label, in the order first seen.</summary>
    public required IReadOnlyList<JobOutputStatus> Outputs { get; init; }

    /// <summary>The newest error reported for the job or one of its outputs.</summary>
    public JobErrorStatus? LastError { get; init; }
}

/// <summary>The latest known state of one job output.</summary>
public sealed record JobOutputStatus
{
    /// <summary>The output's label (or asset name when it has none).</summary>
    public required string Label { get; init; }

    /// <summary>The output asset, if known.</summary>
    public string? AssetName { get; init; }

    /// <summary>The output's state; null when only progress has been reported.</summary>
    public string? State { get; init; }

    /// <summary>The output's progress, 0 to 100.</summary>
    public long? Progress { get; init; }

    /// <summary>The time of the newest event applied to the output.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>The output's error, if it failed.</summary>
    public JobErrorStatus? Error { get; init; }
}

/// <summary>An error of a job output.</summary>
public sealed record JobErrorStatus
{
    /// <summary>The error code, e.g. <c>ContentUnsupported</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The message.</summary>
    public string? Message { get; init; }

    /// <summary>The category, e.g. <c>Content</c>.</summary>
    public string? Category { get; init; }

    /// <summary>Whether a retry may help (<c>DoNotRetry</c>, <c>MayRetry</c>).</summary>
    public string? Retry { get; init; }

    /// <summary>The label of the output that failed.</summary>
    public string? OutputLabel { get; init; }

    /// <summary>When the error was reported.</summary>
    public DateTimeOffset? Time { get; init; }
}

/// <summary>The latest known state of one live event.</summary>
public sealed record LiveEventStatus
{
    /// <summary>Whether an encoder is connected; null until a connect or disconnect event arrived.</summary>
    public bool? EncoderConnected { get; init; }

    /// <summary>The encoder's <c>ip:port</c>, as last connected or disconnected.</summary>
    public string? Encoder { get; init; }

    /// <summary>The stream id of the encoder.</summary>
    public string? StreamId { get; init; }

    /// <summary>The ingest URL.</summary>
    public string? IngestUrl { get; init; }

    /// <summary>When the encoder last connected.</summary>
    public DateTimeOffset? ConnectedAt { get; init; }

    /// <summary>When the encoder last disconnected.</summary>
    public DateTimeOffset? DisconnectedAt { get; init; }

    /// <summary>The result code of the last disconnection, e.g. <c>S_OK</c>.</summary>
    public string? DisconnectResultCode { get; init; }

    /// <summary>The last refused encoder connection.</summary>
    public ConnectionRejectedStatus? LastRejectedConnection { get; init; }

    /// <summary>The tracks, by name, each with its newest heartbeat.</summary>
    public required IReadOnlyDictionary<string, TrackStatus> Tracks { get; init; }

    /// <summary>The newest timestamp discontinuity.</summary>
    public DiscontinuityStatus? LastDiscontinuity { get; init; }

    /// <summary>The newest dropped data chunk.</summary>
    public DroppedChunkStatus? LastDroppedChunk { get; init; }

    /// <summary>The newest report of streams out of sync.</summary>
    public OutOfSyncStatus? LastOutOfSync { get; init; }

    /// <summary>The newest archive heartbeat.</summary>
    public ArchiveStatus? Archive { get; init; }

    /// <summary>Timestamp discontinuities reported.</summary>
    public long DiscontinuityCount { get; init; }

    /// <summary>Dropped data chunks reported.</summary>
    public long DroppedChunkCount { get; init; }

    /// <summary>The time of the newest event of the live event.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>How many events of the live event were applied.</summary>
    public long EventCount { get; init; }
}

/// <summary>One track of a live event, as its newest ingest heartbeat describes it.</summary>
public sealed record TrackStatus
{
    /// <summary>The track's name.</summary>
    public required string TrackName { get; init; }

    /// <summary>The track's type (<c>video</c>, <c>audio</c>, ...).</summary>
    public string? TrackType { get; init; }

    /// <summary>The expected bitrate.</summary>
    public long? Bitrate { get; init; }

    /// <summary>The bitrate measured over the last heartbeat period.</summary>
    public long? IncomingBitrate { get; init; }

    /// <summary>Whether the ingest is healthy.</summary>
    public bool? Healthy { get; init; }

    /// <summary>Whether the incoming bitrate differs from the expected one.</summary>
    public bool? UnexpectedBitrate { get; init; }

    /// <summary>The ingest state, e.g. <c>Running</c>.</summary>
    public string? State { get; init; }

    /// <summary>Fragments with overlapping timestamps in the last period.</summary>
    public long? OverlapCount { get; init; }

    /// <summary>Discontinuities in the last period.</summary>
    public long? DiscontinuityCount { get; init; }

    /// <summary>Fragments with non-increasing timestamps in the last period.</summary>
    public long? NonincreasingCount { get; init; }

    /// <summary>The last timestamp received.</summary>
    public string? LastTimestamp { get; init; }

    /// <summary>The timescale of the timestamps.</summary>
    public string? Timescale { get; init; }

    /// <summary>The time of the newest heartbeat.</summary>
    public DateTimeOffset? LastHeartbeat { get; init; }

    /// <summary>How many heartbeats of the track were applied.</summary>
    public long HeartbeatCount { get; init; }

    /// <summary>When the first fragment of the track was last received.</summary>
    public DateTimeOffset? StreamReceivedAt { get; init; }
}

/// <summary>A refused encoder connection.</summary>
public sealed record ConnectionRejectedStatus(string? Encoder, string? StreamId, string? ResultCode, DateTimeOffset? Time);

/// <summary>A timestamp discontinuity on a track.</summary>
public sealed record DiscontinuityStatus(string? TrackName, string? TrackType, string? PreviousTimestamp, string? NewTimestamp, string? DiscontinuityGap, string? Timescale, DateTimeOffset? Time);

/// <summary>A dropped data chunk on a track.</summary>
public sealed record DroppedChunkStatus(string? TrackName, string? TrackType, string? Timestamp, string? Timescale, string? ResultCode, DateTimeOffset? Time);

/// <summary>Streams found out of sync: <c>Kind</c> is <c>streams</c> (audio against video) or <c>video</c> (two video streams).</summary>
public sealed record OutOfSyncStatus(string Kind, string Detail, DateTimeOffset? Time);

/// <summary>The newest archive heartbeat.</summary>
public sealed record ArchiveStatus(string ChannelLatencyMs, string LatencyResultCode, DateTimeOffset? Time);
