using System;

namespace MediaEvents.Webhook.State;

/// <summary>
/// Event Grid does not promise order: an event older than what a value already reflects must not overwrite it.
/// An event without a time cannot be ordered and is applied as it comes.
/// </summary>
internal static class EventTime
{
    /// <summary>Whether an event at <paramref name="incoming"/> is at least as new as the value last set at <paramref name="current"/>.</summary>
    public static bool IsCurrent(DateTimeOffset? incoming, DateTimeOffset? current) =>
        incoming is null || current is null || incoming.Value >= current.Value;

    /// <summary>The later of two times, ignoring unknown ones.</summary>
    public static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a.Value >= b.Value ? a : b;
}
