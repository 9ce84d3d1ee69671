using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using MediaEvents.Json;

namespace MediaEvents.Tracking;

/// <summary>
/// The state of one tracked resource: an immutable value, compared by content, that a store keeps as JSON
/// (<see cref="MediaStateJson"/>). Applying an event gives a new snapshot.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(JobSnapshot), "job")]
[JsonDerivedType(typeof(LiveEventSnapshot), "liveEvent")]
public abstract record EntitySnapshot
{
    private static readonly ValueList<EventStamp> s_noEvents = new([]);

    /// <summary>The subject that names the resource, without a leading <c>/</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>The time of the latest event applied.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>
    /// The latest events applied (by time, then id), at most <see cref="MediaStateTrackerOptions.RecentEventCapacity"/>:
    /// an event whose id is here is not applied again. An older redelivery, past that window, is applied again and
    /// changes nothing, since applying is idempotent; the window only saves the work.
    /// </summary>
    public ValueList<EventStamp> RecentEvents { get; init; } = s_noEvents;

    /// <summary>The kind of resource.</summary>
    [JsonIgnore]
    public abstract MediaEntityKind Kind { get; }

    /// <summary>The key of the resource.</summary>
    [JsonIgnore]
    public MediaEntityKey Key => new(Kind, Subject);

    /// <summary>Whether the event with <paramref name="eventId"/> is among <see cref="RecentEvents"/>.</summary>
    public bool HasApplied(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        foreach (EventStamp stamp in RecentEvents)
        {
            if (string.Equals(stamp.EventId, eventId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records that the event was applied: keeps the <paramref name="capacity"/> latest stamps.</summary>
    internal EntitySnapshot Remember(EventStamp stamp, int capacity)
    {
        var stamps = new List<EventStamp>(RecentEvents.Count + 1);
        stamps.AddRange(RecentEvents);
        int at = stamps.FindIndex(kept => kept > stamp);
        stamps.Insert(at < 0 ? stamps.Count : at, stamp);
        if (stamps.Count > capacity)
        {
            stamps.RemoveRange(0, stamps.Count - capacity);
        }

        return this with { RecentEvents = new ValueList<EventStamp>(stamps), LastEventTime = Folding.Registers.Latest(LastEventTime, stamp.Time) };
    }
}
