using System;
using System.Globalization;
using System.IO;

namespace MediaEvents;

/// <summary>
/// A stream held more than the limit it was read with (see <see cref="BoundedStreamReader"/>). Reading stopped
/// at the first byte past the limit: the rest of the stream was not read.
/// </summary>
public sealed class InputTooLargeException : IOException
{
    /// <summary>Creates the exception for the limit that was exceeded.</summary>
    /// <param name="maxBytes">The limit, in bytes.</param>
    public InputTooLargeException(long maxBytes)
        : base(string.Create(CultureInfo.InvariantCulture, $"The input is larger than the limit of {maxBytes} bytes."))
    {
        MaxBytes = maxBytes;
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long MaxBytes { get; }
}
