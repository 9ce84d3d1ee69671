using System;

namespace MediaEvents.Tracking;

/// <summary>Settings of a <see cref="MediaStateTracker"/>.</summary>
public sealed class MediaStateTrackerOptions
{
    private int _recentEventCapacity = 128;
    private int _maxWriteAttempts = 16;
    private TimeSpan _staleAfter = TimeSpan.FromSeconds(60);

    /// <summary>The shared default options.</summary>
    public static MediaStateTrackerOptions Default { get; } = new();

    /// <summary>
    /// How many event ids each snapshot remembers, to skip a redelivered event (default 128; the latest by event time
    /// are kept). A job's whole life fits; for a live event with four tracks it covers about eight minutes of
    /// heartbeats. A redelivery older than that is applied again and changes nothing, since applying is
    /// idempotent; the bound keeps a snapshot small (about 80 bytes of JSON per id).
    /// </summary>
    public int RecentEventCapacity
    {
        get => _recentEventCapacity;
        init => _recentEventCapacity = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(RecentEventCapacity), value, "A snapshot must remember at least one event.");
    }

    /// <summary>How many times a write that lost to another writer is retried before <see cref="MediaStateConflictException"/> (default 16).</summary>
    public int MaxWriteAttempts
    {
        get => _maxWriteAttempts;
        init => _maxWriteAttempts = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxWriteAttempts), value, "At least one write must be attempted.");
    }

    /// <summary>
    /// How long a live-event track may go unheard before it counts as stale (default 60 seconds: three missed
    /// heartbeats, which come every 20 seconds per track).
    /// </summary>
    public TimeSpan StaleAfter
    {
        get => _staleAfter;
        init => _staleAfter = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(StaleAfter), value, "The stale threshold must be positive.");
    }
}
