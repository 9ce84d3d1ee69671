using System;

namespace MediaEvents.Tracking.AzureTables;

/// <summary>
/// The table service refused a read, write or listing for a reason other than a concurrent writer (a missing table, bad
/// credentials, throttling, a network failure), or an entity did not hold a snapshot. The inner exception is the
/// service's answer.
/// </summary>
public sealed class MediaStateStoreException : Exception
{
    /// <summary>Creates the exception for the resource (<see langword="null"/> when the failure concerns no one resource, as a listing), with what failed and why.</summary>
    public MediaStateStoreException(MediaEntityKey? key, string message, Exception innerException)
        : base(message, innerException)
    {
        Key = key;
    }

    /// <summary>The resource whose snapshot was being read or written; <see langword="null"/> when snapshots were being listed.</summary>
    public MediaEntityKey? Key { get; }
}
