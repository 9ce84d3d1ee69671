using System;

namespace MediaEvents.Tracking;

/// <summary>
/// Which event a piece of state comes from: its time and its id. Stamps are totally ordered (time, then id in
/// ordinal order), so that of two observations the later one wins whatever order they arrived in, and two events
/// with the same time still give every reader the same answer.
/// </summary>
/// <param name="Time">The event's time (<c>eventTime</c> or <c>time</c>); <see cref="DateTimeOffset.MinValue"/> when it had none.</param>
/// <param name="EventId">The event's id.</param>
public readonly record struct EventStamp(DateTimeOffset Time, string EventId) : IComparable<EventStamp>
{
    /// <summary>The event's time, in UTC.</summary>
    public DateTimeOffset Time { get; init; } = Time.ToUniversalTime();

    /// <summary>The event's id.</summary>
    public string EventId { get; init; } = EventId ?? throw new ArgumentNullException(nameof(EventId));

    /// <inheritdoc />
    public int CompareTo(EventStamp other)
    {
        int byTime = Time.UtcDateTime.CompareTo(other.Time.UtcDateTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(EventId, other.EventId);
    }

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(EventStamp left, EventStamp right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(EventStamp left, EventStamp right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after or is <paramref name="right"/>.</summary>
    public static bool operator >=(EventStamp left, EventStamp right) => left.CompareTo(right) >= 0;

    /// <summary>Whether <paramref name="left"/> comes before or is <paramref name="right"/>.</summary>
    public static bool operator <=(EventStamp left, EventStamp right) => left.CompareTo(right) <= 0;

    /// <inheritdoc />
    public override string ToString() => $"{EventId} at {Time:O}";
}
