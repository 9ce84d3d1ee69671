using System;

namespace MediaEvents;

/// <summary>
/// The input as a whole is not a delivery of events: not JSON, truncated, empty, or neither an array nor an
/// object. Says where the input went wrong.
/// </summary>
public sealed class MediaEventFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public MediaEventFormatException(string message, long? lineNumber = null, long? bytePositionInLine = null, Exception? innerException = null)
        : base(Locate(message, lineNumber, bytePositionInLine), innerException)
    {
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>
    /// The limit of events (<see cref="MediaEventReaderOptions.MaxEvents"/>) the delivery held more of, when that is
    /// what was wrong; otherwise <see langword="null"/>.
    /// </summary>
    public int? MaxEvents { get; private init; }

    /// <summary>The zero-based line of the fault, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>The zero-based byte position within that line, when known.</summary>
    public long? BytePositionInLine { get; }

    // The delivery holds more events than the reader's limit: a format error a caller can tell apart (e.g. 413).
    internal static MediaEventFormatException TooManyEvents(int maxEvents) =>
        new($"The input holds more than the limit of {maxEvents} events (MediaEventReaderOptions.MaxEvents).") { MaxEvents = maxEvents };

    private static string Locate(string message, long? line, long? position) =>
        line is null ? message : $"{message} (line {line + 1}, byte {position + 1})";
}
