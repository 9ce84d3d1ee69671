using System;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

// A delivery as a whole: a byte order mark perhaps, then a JSON array of events or a single event object. What is
// wrong with the whole (empty, not JSON, neither an array nor an object) is a MediaEventFormatException with a
// position; what is wrong inside one event is that event's failure (MediaEventReader.Failures.cs).
public sealed partial class MediaEventReader
{
    // The one pass over a delivery: each event's result goes to the receiver in input order as soon as it is known.
    private void ReadEach<TReceiver>(ReadOnlyMemory<byte> utf8Json, ref TReceiver receiver)
        where TReceiver : struct, IResultReceiver
    {
        int index = 0;
        Utf8StringTable table = Utf8StringTable.Current;
        DeferredFailure failure = DeferredFailure.Current;
        utf8Json = Open(utf8Json);
        ReadOnlySpan<byte> span = utf8Json.Span;
        var reader = new Utf8JsonReader(span, s_readerOptions);
        bool complete = false;

        // The catches below are for what reading throws; what the receiver (a dispatch's handler) throws is its own.
        bool receiving = false;
        try
        {
            reader.Read();

            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    int maxEvents = _options.MaxEvents;
                    while (MediaJson.Advance(ref reader) != JsonTokenType.EndArray)
                    {
                        if (index == maxEvents)
                        {
                            throw MediaEventFormatException.TooManyEvents(maxEvents);
                        }

                        MediaEventReadResult result = ReadEvent(ref reader, utf8Json, index++, inArray: true, table, failure);
                        receiving = true;
                        receiver.Receive(result);
                        receiving = false;
                    }

                    break;
                case JsonTokenType.StartObject:
                    MediaEventReadResult single = ReadEvent(ref reader, utf8Json, 0, inArray: false, table, failure);
                    receiving = true;
                    receiver.Receive(single);
                    receiving = false;
                    break;
                default:
                    throw NotEvents(span, ref reader);
            }

            complete = true;
            reader.Read();
        }
        catch (Exception exception) when (!receiving && IsReaderFailure(exception))
        {
            throw NotJson(exception, complete);
        }
    }

    // A delivery without its byte order mark; one of nothing but whitespace is a format error.
    private static ReadOnlyMemory<byte> Open(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        }

        // Comments are not JSON (and skipping them costs every token a detour): they are a format error too.
        if (utf8Json.Span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            throw new MediaEventFormatException("The input is empty: expected a JSON array of events or a single event object.");
        }

        return utf8Json;
    }

    // The first token of a delivery that starts neither an array nor an object, with its position.
    private static MediaEventFormatException NotEvents(ReadOnlySpan<byte> delivery, ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> before = delivery[..checked((int)reader.TokenStartIndex)];
        return new MediaEventFormatException(
            $"Expected a JSON array of events or a single event object, found {Describe(reader.TokenType)}.",
            before.Count((byte)'\n'),
            before.Length - (before.LastIndexOf((byte)'\n') + 1));
    }

    // What Utf8JsonReader throws when the input is not JSON (or a string of it not UTF-8); MediaJsonException is one
    // event's failure, which the event's reading has already turned into its result.
    private static bool IsReaderFailure(Exception exception) =>
        exception is InvalidOperationException or JsonException and not MediaJsonException;

    // The format error for what the reader threw, with the position it gives.
    private static MediaEventFormatException NotJson(Exception exception, bool complete) => exception is JsonException json
        ? new MediaEventFormatException(
            (complete ? "Unexpected content after the end of the events: " : "The input is not valid JSON: ") + StjMessage(json.Message),
            json.LineNumber,
            json.BytePositionInLine,
            json)
        : new MediaEventFormatException("The input is not valid UTF-8.", null, null, exception);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // System.Text.Json appends its own zero-based position (ours follows, one-based, in the exception's message), and
    // about a trailing comma it advises changing reader options that this reader does not offer: both are cut.
    internal static string StjMessage(string message)
    {
        foreach (string marker in new[] { " Path:", " LineNumber:" })
        {
            int end = message.IndexOf(marker, StringComparison.Ordinal);
            if (end > 0)
            {
                message = message[..end];
            }
        }

        return message
            .Replace(" which is not supported in this mode", string.Empty, StringComparison.Ordinal)
            .Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal)
            .TrimEnd();
    }
}
