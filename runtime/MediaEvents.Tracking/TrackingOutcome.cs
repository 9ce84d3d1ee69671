namespace MediaEvents.Tracking;

/// <summary>What applying one event did.</summary>
public enum TrackingOutcome
{
    /// <summary>The event was folded into its resource's state (which may be unchanged: a late event changes nothing).</summary>
    Applied,

    /// <summary>An event with the same id was already applied to the resource; it was not applied again.</summary>
    Duplicate,

    /// <summary>The event's type is not one the tracker follows (another publisher's, or one the spec does not define).</summary>
    NotTracked,

    /// <summary>The event could not be applied: it has no subject, or its data is missing or cannot be read. <see cref="TrackingResult.Reason"/> says which.</summary>
    Invalid,
}
