using System;
using System.Collections;
using System.Collections.Generic;

namespace MediaEvents;

/// <summary>Every event of one delivery, in input order, each read or failed on its own.</summary>
public sealed class MediaEventBatch : IReadOnlyList<MediaEventReadResult>
{
    // The reader's own list, handed over: never exposed as mutable.
    private readonly List<MediaEventReadResult> _results;
    private readonly MediaEventReadFailure[] _failures;

    internal MediaEventBatch(List<MediaEventReadResult> results)
    {
        _results = results;

        // Counted first, then copied into an array of their exact number: a delivery that fails every event makes
        // no list of them on the way.
        int failed = 0;
        foreach (MediaEventReadResult result in results)
        {
            failed += result.Failure is null ? 0 : 1;
        }

        _failures = failed == 0 ? Array.Empty<MediaEventReadFailure>() : new MediaEventReadFailure[failed];
        failed = 0;
        for (int i = 0; i < results.Count && failed < _failures.Length; i++)
        {
            if (results[i].Failure is { } failure)
            {
                _failures[failed++] = failure;
            }
        }
    }

    /// <inheritdoc />
    public int Count => _results.Count;

    /// <inheritdoc />
    public MediaEventReadResult this[int index] => _results[index];

    /// <summary>The events that were read, in input order.</summary>
    public IEnumerable<MediaEvent> Events
    {
        get
        {
            foreach (MediaEventReadResult result in _results)
            {
                if (result.Event is not null)
                {
                    yield return result.Event;
                }
            }
        }
    }

    /// <summary>The events that could not be read, in input order.</summary>
    public IReadOnlyList<MediaEventReadFailure> Failures => _failures;

    /// <summary>Whether any event could not be read.</summary>
    public bool HasFailures => _failures.Length > 0;

    /// <summary>Throws one <see cref="MediaEventBatchException"/> carrying every failure, if there is any.</summary>
    public void ThrowIfFailed()
    {
        if (HasFailures)
        {
            throw new MediaEventBatchException(_failures);
        }
    }

    /// <inheritdoc />
    public IEnumerator<MediaEventReadResult> GetEnumerator() => _results.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
