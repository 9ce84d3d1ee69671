using System;
using System.Text.Json.Serialization;

namespace MediaEvents.Tracking;

/// <summary>The live event's archive latency, from its latest LiveEventChannelArchiveHeartbeat.</summary>
public sealed record ArchiveHeartbeat
{
    /// <summary>The heartbeat event.</summary>
    public required EventStamp Event { get; init; }

    /// <summary>How far the archive lags behind ingest, in milliseconds, when the service could tell.</summary>
    public long? ChannelLatencyMs { get; init; }

    /// <summary>The service's result code for the latency measurement, e.g. <c>S_OK</c>.</summary>
    public string? LatencyResultCode { get; init; }

    /// <summary><see cref="ChannelLatencyMs"/> as a time span.</summary>
    [JsonIgnore]
    public TimeSpan? ChannelLatency => ChannelLatencyMs is long ms ? TimeSpan.FromMilliseconds(ms) : null;
}
