using System;

namespace MediaEvents.Tracking.AzureTables;

/// <summary>
/// A snapshot's JSON is larger than one table entity holds (<see cref="TableMediaStateStore.MaxStateLength"/>
/// characters); nothing was written. Lower <see cref="MediaStateTrackerOptions.RecentEventCapacity"/>, or keep such
/// resources in a store without that limit.
/// </summary>
public sealed class MediaStateTooLargeException : Exception
{
    /// <summary>Creates the exception for the resource and the length of its JSON.</summary>
    public MediaStateTooLargeException(MediaEntityKey key, int length)
        : base($"The snapshot of {key} is {length} characters of JSON; a table entity holds at most {TableMediaStateStore.MaxStateLength}. Nothing was written.")
    {
        Key = key;
        Length = length;
    }

    /// <summary>The resource whose snapshot was refused.</summary>
    public MediaEntityKey Key { get; }

    /// <summary>The length of the snapshot's JSON, in characters.</summary>
    public int Length { get; }
}
