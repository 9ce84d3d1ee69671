namespace MediaEvents;

/// <summary>The outcome for one event of a batch: the event, or why it could not be read.</summary>
public readonly struct MediaEventReadResult
{
    internal MediaEventReadResult(int index, MediaEvent? mediaEvent, MediaEventReadFailure? failure)
    {
        Index = index;
        Event = mediaEvent;
        Failure = failure;
    }

    /// <summary>The event's position in its batch.</summary>
    public int Index { get; }

    /// <summary>The event, when it was read.</summary>
    public MediaEvent? Event { get; }

    /// <summary>Why the event could not be read, when it could not.</summary>
    public MediaEventReadFailure? Failure { get; }

    /// <summary>Whether the event was read.</summary>
    public bool Succeeded => Event is not null;
}
