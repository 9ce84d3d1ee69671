using System;

namespace MediaEvents.Tracking.Folding;

/// <summary>
/// The merges state is built from. Each is commutative, associative and idempotent, so state folded from any
/// permutation of a set of events, with any of them repeated, is the state the events give in time order.
/// </summary>
internal static class Registers
{
    /// <summary>Last writer wins: the value from the later event (see <see cref="EventStamp"/>'s order).</summary>
    public static bool Supersedes(EventStamp candidate, EventStamp? current) => current is not EventStamp stamp || candidate > stamp;

    /// <summary>The later of two times (an absent one loses).</summary>
    public static DateTimeOffset? Latest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is DateTimeOffset time && time >= candidate ? time : candidate;

    /// <summary>The earlier of two times (an absent one loses).</summary>
    public static DateTimeOffset? Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is DateTimeOffset time && time <= candidate ? time : candidate;

    /// <summary>
    /// For a value that does not change but may be missing from some events (an output's asset name): any value
    /// beats none, and of two values the ordinally greater one is kept, so the choice is the same in any order.
    /// </summary>
    public static string? Present(string? current, string? candidate) =>
        candidate is null || (current is not null && string.CompareOrdinal(current, candidate) >= 0) ? current : candidate;
}
