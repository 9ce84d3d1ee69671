using System;
using System.Collections.Generic;

namespace MediaEvents;

/// <summary>What dispatching one delivery came to: how many events it held, and those that could not be read.</summary>
public sealed class MediaEventDispatchResult
{
    /// <summary>Creates the result of a delivery of <paramref name="count"/> events, of which <paramref name="failures"/> could not be read.</summary>
    public MediaEventDispatchResult(int count, IReadOnlyList<MediaEventReadFailure>? failures)
    {
        Count = count;
        Failures = failures ?? Array.Empty<MediaEventReadFailure>();
    }

    /// <summary>The number of events in the delivery, read or not.</summary>
    public int Count { get; }

    /// <summary>The number of events that were read and dispatched.</summary>
    public int DispatchedCount => Count - Failures.Count;

    /// <summary>The events that could not be read, in input order.</summary>
    public IReadOnlyList<MediaEventReadFailure> Failures { get; }

    /// <summary>Whether any event could not be read.</summary>
    public bool HasFailures => Failures.Count > 0;

    /// <summary>Throws one <see cref="MediaEventBatchException"/> carrying every failure, if there is any.</summary>
    public void ThrowIfFailed()
    {
        if (HasFailures)
        {
            throw new MediaEventBatchException(Failures);
        }
    }
}
