using System;

namespace MediaEvents.Tracking.Folding;

/// <summary>What one event says about one resource: the change it makes to that resource's snapshot.</summary>
internal sealed class Observation
{
    private readonly Func<EntitySnapshot, EntitySnapshot> _change;

    public Observation(MediaEntityKey key, EventStamp stamp, Func<EntitySnapshot, EntitySnapshot> change)
    {
        Key = key;
        Stamp = stamp;
        _change = change;
    }

    public MediaEntityKey Key { get; }

    public EventStamp Stamp { get; }

    /// <summary>
    /// The snapshot with this event folded in and remembered, or <see langword="null"/> when the snapshot already
    /// holds the event's id.
    /// </summary>
    public EntitySnapshot? ApplyTo(EntitySnapshot? current, int recentEventCapacity)
    {
        EntitySnapshot snapshot = current ?? Empty(Key);
        if (snapshot.Kind != Key.Kind)
        {
            throw new InvalidOperationException($"The store returned a {snapshot.Kind} snapshot for the {Key.Kind} '{Key.Subject}'.");
        }

        return snapshot.HasApplied(Stamp.EventId) ? null : _change(snapshot).Remember(Stamp, recentEventCapacity);
    }

    private static EntitySnapshot Empty(MediaEntityKey key) => key.Kind == MediaEntityKind.Job
        ? new JobSnapshot { Subject = key.Subject }
        : new LiveEventSnapshot { Subject = key.Subject };
}
