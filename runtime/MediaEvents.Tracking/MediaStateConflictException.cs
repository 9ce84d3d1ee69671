using System;

namespace MediaEvents.Tracking;

/// <summary>
/// The store refused every write of a snapshot because other writers kept changing it first
/// (<see cref="MediaStateTrackerOptions.MaxWriteAttempts"/> attempts). Applying the event again later is safe.
/// </summary>
public sealed class MediaStateConflictException : Exception
{
    /// <summary>Creates the exception for the resource and the number of attempts made.</summary>
    public MediaStateConflictException(MediaEntityKey key, int attempts)
        : base($"The snapshot of {key} changed under each of {attempts} attempts to write it; other writers are updating it. Applying the event again is safe.")
    {
        Key = key;
        Attempts = attempts;
    }

    /// <summary>The resource whose snapshot could not be written.</summary>
    public MediaEntityKey Key { get; }

    /// <summary>How many writes were attempted.</summary>
    public int Attempts { get; }
}
