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
        ReadOnlySpan<byte> span = utf8Json.Span;
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
            span = utf8Json.Span;
        }

        // The reader's own depth limit is lifted: our limit applies per event, so one deep event fails alone.
        // Comments are not JSON (and skipping them costs every token a detour): they are a format error.
        if (span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            throw new MediaEventFormatException("The input is empty: expected a JSON array of events or a single event object.");
        }

        var reader = new Utf8JsonReader(span, s_readerOptions);
        bool complete = false;
        try
        {
            reader.Read();

            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    while (MediaJson.Advance(ref reader) != JsonTokenType.EndArray)
                    {
                        receiver.Receive(ReadEvent(ref reader, utf8Json, index++, inArray: true, table));
                    }

                    break;
                case JsonTokenType.StartObject:
                    receiver.Receive(ReadEvent(ref reader, utf8Json, 0, inArray: false, table));
                    break;
                default:
                    throw new MediaEventFormatException(
                        $"Expected a JSON array of events or a single event object, found {Describe(reader.TokenType)}.",
                        span[..checked((int)reader.TokenStartIndex)].Count((byte)'\n'),
                        reader.TokenStartIndex - (span[..checked((int)reader.TokenStartIndex)].LastIndexOf((byte)'\n') + 1));
            }

            complete = true;
            reader.Read();
        }
        catch (InvalidOperationException exception)
        {
            throw new MediaEventFormatException("The input is not valid UTF-8.", null, null, exception);
        }
        catch (JsonException exception) when (exception is not MediaJsonException)
        {
            throw new MediaEventFormatException(
                (complete ? "Unexpected content after the end of the events: " : "The input is not valid JSON: ") + StjMessage(exception.Message),
                exception.LineNumber,
                exception.BytePositionInLine,
                exception);
        }
    }

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
