using System;
using System.Text.Json.Serialization;
using MediaEvents.Tracking.Folding;

namespace MediaEvents.Tracking;

/// <summary>The ingest state of one track of a live event, from the track-level events.</summary>
public sealed record LiveTrackSnapshot
{
    /// <summary>The track's name (the empty string when the service sent none).</summary>
    public required string TrackName { get; init; }

    /// <summary>The latest ingest heartbeat.</summary>
    public IngestHeartbeat? LastHeartbeat { get; init; }

    /// <summary>The time of the latest heartbeat that reported unhealthy ingest.</summary>
    public DateTimeOffset? LastUnhealthyTime { get; init; }

    /// <summary>The latest first chunk received (the track started, or started again after a reconnection).</summary>
    public StreamReceived? LastStreamReceived { get; init; }

    /// <summary>The latest discontinuity detected.</summary>
    public TrackDiscontinuity? LastDiscontinuity { get; init; }

    /// <summary>The latest chunk dropped.</summary>
    public DroppedChunk? LastDroppedChunk { get; init; }

    /// <summary>Whether the latest heartbeat reported healthy ingest (<see langword="null"/> before any heartbeat).</summary>
    [JsonIgnore]
    public bool? Healthy => LastHeartbeat?.Healthy;

    /// <summary>The time of the latest event about this track.</summary>
    [JsonIgnore]
    public DateTimeOffset LastSeen
    {
        get
        {
            DateTimeOffset latest = DateTimeOffset.MinValue;
            foreach (DateTimeOffset? time in new[] { LastHeartbeat?.Event.Time, LastStreamReceived?.Event.Time, LastDiscontinuity?.Event.Time, LastDroppedChunk?.Event.Time })
            {
                if (time > latest)
                {
                    latest = time.Value;
                }
            }

            return latest;
        }
    }

    /// <summary>
    /// Whether nothing was heard of the track for longer than <paramref name="staleAfter"/> before
    /// <paramref name="now"/>. Heartbeats come every 20 seconds while the live event runs, even without an encoder, so
    /// a stale track means the live event stopped or its events stopped arriving.
    /// </summary>
    public bool IsStale(DateTimeOffset now, TimeSpan staleAfter) => now - LastSeen > staleAfter;

    internal LiveTrackSnapshot WithHeartbeat(IngestHeartbeat heartbeat) => this with
    {
        LastHeartbeat = Registers.Supersedes(heartbeat.Event, LastHeartbeat?.Event) ? heartbeat : LastHeartbeat,
        LastUnhealthyTime = heartbeat.Healthy == false ? Registers.Latest(LastUnhealthyTime, heartbeat.Event.Time) : LastUnhealthyTime,
    };

    internal LiveTrackSnapshot WithStreamReceived(StreamReceived received) =>
        Registers.Supersedes(received.Event, LastStreamReceived?.Event) ? this with { LastStreamReceived = received } : this;

    internal LiveTrackSnapshot WithDiscontinuity(TrackDiscontinuity discontinuity) =>
        Registers.Supersedes(discontinuity.Event, LastDiscontinuity?.Event) ? this with { LastDiscontinuity = discontinuity } : this;

    internal LiveTrackSnapshot WithDroppedChunk(DroppedChunk dropped) =>
        Registers.Supersedes(dropped.Event, LastDroppedChunk?.Event) ? this with { LastDroppedChunk = dropped } : this;
}
