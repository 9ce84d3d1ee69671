using System;
using System.Collections.Generic;
using System.Linq;

namespace MediaEvents;

/// <summary>Some events of a batch could not be read; the others were handled. Carries every failure.</summary>
public sealed class MediaEventBatchException : Exception
{
    /// <summary>Creates the exception from the failures of one batch.</summary>
    public MediaEventBatchException(IReadOnlyList<MediaEventReadFailure> failures)
        : base(Describe(failures))
    {
        Failures = failures;
    }

    /// <summary>Every event that could not be read, in input order.</summary>
    public IReadOnlyList<MediaEventReadFailure> Failures { get; }

    private static string Describe(IReadOnlyList<MediaEventReadFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        string first = string.Join(Environment.NewLine, failures.Take(5).Select(static failure => "  " + failure));
        string more = failures.Count > 5 ? $"{Environment.NewLine}  … and {failures.Count - 5} more" : string.Empty;
        return $"{failures.Count} event(s) of the batch could not be read:{Environment.NewLine}{first}{more}";
    }
}
