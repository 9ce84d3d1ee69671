using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents;

// Deliveries of any size from a stream: the JSON array is read in chunks and each event is handed over as soon as
// its last byte has arrived, in an array of its own (events keep slices of their input). What is held at once is
// one event and one chunk, whatever the size of the delivery; the caller decides how long any result lives.
public sealed partial class MediaEventReader
{
    /// <summary>
    /// Reads a delivery of any size from a stream, one event at a time: a JSON array of events is read in chunks,
    /// and each event is yielded as soon as it is complete, owning its bytes; a single event object is one result.
    /// Memory is bounded by the largest event, not by the delivery: a file of gigabytes reads in the memory of its
    /// largest event.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The size of the whole input is not limited here; <see cref="MediaEventReaderOptions.MaxInputBytes"/> limits
    /// each event instead, as that is what is held. A server that must bound a request limits the stream itself
    /// (or reads it with <see cref="ReadAsync"/>). <see cref="MediaEventReaderOptions.MaxEvents"/> applies: reading
    /// stops at the first event past it.
    /// </para>
    /// <para>
    /// An event that cannot be read is a failed result, and the events after it are read. When the input as a whole
    /// stops being a delivery part-way (not JSON, truncated, an event over the limit), the events before that point
    /// have been yielded when <see cref="MediaEventFormatException"/> is thrown. Nothing is kept of a result once it
    /// has been yielded: report a failure and let it go, and memory stays flat however many events fail.
    /// </para>
    /// </remarks>
    /// <param name="utf8Json">The UTF-8 JSON, read from its position to its end; it is not disposed.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="ArgumentException"><paramref name="utf8Json"/> cannot be read.</exception>
    /// <exception cref="MediaEventFormatException">
    /// The input is empty, not JSON, neither an array nor an object, truncated, holds an event larger than
    /// <see cref="MediaEventReaderOptions.MaxInputBytes"/> (an <see cref="InputTooLargeException"/> inside), or holds
    /// more than <see cref="MediaEventReaderOptions.MaxEvents"/> events.
    /// What the stream throws (an <see cref="IOException"/>, say) comes through as it is.
    /// </exception>
    public IAsyncEnumerable<MediaEventReadResult> ReadEventsAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (!utf8Json.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(utf8Json));
        }

        return ReadEventsAsync(new ChunkedInput(utf8Json, MaxEventBytes), cancellationToken);
    }

    // The limit of one event, as one array holds it.
    internal int MaxEventBytes => (int)Math.Min(_options.MaxInputBytes, Array.MaxLength - 1);

    // The pass over a stream, given its input so that tests can read with a small first buffer.
    internal async IAsyncEnumerable<MediaEventReadResult> ReadEventsAsync(ChunkedInput input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (input.Pending.Length < 3 && await input.ReadMoreAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        if (input.Pending.StartsWith(Encoding.UTF8.Preamble))
        {
            input.Discard(Encoding.UTF8.Preamble.Length);
        }

        int first = await NextSignificantByteAsync(input, cancellationToken).ConfigureAwait(false);
        if (first == '{')
        {
            byte[] utf8Event = await ReadValueAsync(input, SingleEvent, cancellationToken).ConfigureAwait(false);
            yield return ReadOwnedEvent(utf8Event, 0, inArray: false);
        }
        else if (first == '[')
        {
            input.Consume(1);
            int next = await NextSignificantByteAsync(input, cancellationToken).ConfigureAwait(false);
            if (next == ']')
            {
                input.Consume(1);
            }
            else
            {
                for (int index = 0; ; index++)
                {
                    if (next < 0)
                    {
                        throw EndsInTheMiddle(input);
                    }

                    if (index == _options.MaxEvents)
                    {
                        throw MediaEventFormatException.TooManyEvents(index);
                    }

                    byte[] utf8Event = await ReadValueAsync(input, index, cancellationToken).ConfigureAwait(false);
                    yield return ReadOwnedEvent(utf8Event, index, inArray: true);

                    next = await NextSignificantByteAsync(input, cancellationToken).ConfigureAwait(false);
                    if (next == ']')
                    {
                        input.Consume(1);
                        break;
                    }

                    if (next != ',')
                    {
                        throw next < 0 ? EndsInTheMiddle(input) : NotJson($"expected ',' or ']' after the event at {ArrayPath(index)}, found {Quote(next)}", input);
                    }

                    input.Consume(1);
                    next = await NextSignificantByteAsync(input, cancellationToken).ConfigureAwait(false);
                    if (next == ']')
                    {
                        throw NotJson("the array of events ends with a comma", input);
                    }
                }
            }
        }
        else
        {
            throw first < 0
                ? new MediaEventFormatException("The input is empty: expected a JSON array of events or a single event object.")
                : NotADelivery(input);
        }

        int rest = await NextSignificantByteAsync(input, cancellationToken).ConfigureAwait(false);
        if (rest >= 0)
        {
            throw new MediaEventFormatException(
                $"Unexpected content after the end of the events: {Quote(rest)} is invalid after a single JSON value. Expected end of data.",
                input.Line,
                input.BytePositionInLine);
        }
    }

    // One event, from an array that is its own: what it keeps of its input keeps nothing else alive.
    private MediaEventReadResult ReadOwnedEvent(byte[] utf8Event, int index, bool inArray)
    {
        var reader = new Utf8JsonReader(utf8Event, s_readerOptions);
        reader.Read();
        return ReadEvent(ref reader, utf8Event, index, inArray, Json.Utf8StringTable.Current, Json.DeferredFailure.Current);
    }

    // The next byte that is not JSON whitespace, the whitespace consumed; -1 at the end of the stream.
    private static async ValueTask<int> NextSignificantByteAsync(ChunkedInput input, CancellationToken cancellationToken)
    {
        int next;
        while ((next = SkipWhitespace(input)) < 0)
        {
            if (!await input.ReadMoreAsync(cancellationToken).ConfigureAwait(false))
            {
                return -1;
            }
        }

        return next;
    }

    private static int SkipWhitespace(ChunkedInput input)
    {
        int significant = input.Pending.IndexOfAnyExcept(" \t\r\n"u8);
        input.Consume(significant < 0 ? input.Pending.Length : significant);
        return significant < 0 ? -1 : input.Pending[0];
    }

    // The index of the one event of a delivery that is a single object, for ReadValueAsync.
    private const int SingleEvent = -1;

    // The bytes of the JSON value that starts the pending input (the event at index, or SingleEvent), read on until
    // its last byte has arrived. The scan goes on where it stopped at each chunk (the reader's state carries over),
    // so a large event is scanned once.
    private static async ValueTask<byte[]> ReadValueAsync(ChunkedInput input, int index, CancellationToken cancellationToken)
    {
        var scan = new ValueScan(new JsonReaderState(s_readerOptions));
        int length;
        while (!TryScanValue(input, ref scan, out length))
        {
            if (input.IsOverLimit)
            {
                throw new MediaEventFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The event at {(index == SingleEvent ? "$" : ArrayPath(index))} is larger than the limit of {input.MaxPending} bytes (MediaEventReaderOptions.MaxInputBytes)."),
                    input.Line,
                    input.BytePositionInLine,
                    new InputTooLargeException(input.MaxPending));
            }

            if (!await input.ReadMoreAsync(cancellationToken).ConfigureAwait(false))
            {
                throw EndsInTheMiddle(input);
            }
        }

        byte[] value = input.Pending[..length].ToArray();
        input.Consume(length);
        return value;
    }

    private static bool TryScanValue(ChunkedInput input, ref ValueScan scan, out int length)
    {
        var reader = new Utf8JsonReader(input.Pending[scan.Scanned..], isFinalBlock: false, scan.State);
        try
        {
            while (reader.Read())
            {
                // A value at depth 0 that opens nothing ends the scan: a primitive, or the last closing bracket.
                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    length = scan.Scanned + checked((int)reader.BytesConsumed);
                    return true;
                }
            }
        }
        catch (JsonException exception)
        {
            // Positions in the exception count from the start of the value (the reader's state carries them over).
            long line = input.Line + (exception.LineNumber ?? 0);
            long byteInLine = (exception.LineNumber ?? 0) == 0 ? input.BytePositionInLine + (exception.BytePositionInLine ?? 0) : exception.BytePositionInLine ?? 0;
            throw new MediaEventFormatException("The input is not valid JSON: " + StjMessage(exception.Message), line, byteInLine, exception);
        }

        scan = new ValueScan(reader.CurrentState, scan.Scanned + checked((int)reader.BytesConsumed));
        length = 0;
        return false;
    }

    private static MediaEventFormatException NotADelivery(ChunkedInput input)
    {
        ReadOnlySpan<byte> pending = input.Pending;
        string? found = pending[0] switch
        {
            (byte)'"' => "a string",
            (byte)'-' or (>= (byte)'0' and <= (byte)'9') => "a number",
            (byte)'t' when pending.StartsWith("true"u8) => "a boolean",
            (byte)'f' when pending.StartsWith("false"u8) => "a boolean",
            (byte)'n' when pending.StartsWith("null"u8) => "null",
            _ => null,
        };
        return found is null
            ? NotJson($"{Quote(pending[0])} is an invalid start of a value", input)
            : new MediaEventFormatException($"Expected a JSON array of events or a single event object, found {found}.", input.Line, input.BytePositionInLine);
    }

    // Said at the end of the input, where the value was cut off.
    private static MediaEventFormatException EndsInTheMiddle(ChunkedInput input)
    {
        (long line, long byteInLine) = input.PositionAfterPending();
        return new("The input is not valid JSON: The JSON ends in the middle of a value.", line, byteInLine);
    }

    private static MediaEventFormatException NotJson(string reason, ChunkedInput input) =>
        new("The input is not valid JSON: " + reason + ".", input.Line, input.BytePositionInLine);

    private static string ArrayPath(int index) => "$[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Quote(int utf8Byte) =>
        utf8Byte is >= 0x20 and < 0x7F ? "'" + (char)utf8Byte + "'" : "0x" + utf8Byte.ToString("X2", CultureInfo.InvariantCulture);

    // How far the scan of one value has got: the bytes scanned from its start and the reader's state there.
    private readonly record struct ValueScan(JsonReaderState State, int Scanned = 0);
}
