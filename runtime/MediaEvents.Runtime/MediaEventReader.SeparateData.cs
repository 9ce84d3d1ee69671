using System;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

// Data that arrives as bytes of its own instead of as the event's "data" member: a CloudEvent's "data_base64",
// decoded, or the body of a binary-mode request. Its datacontenttype says what the bytes are: JSON is read as the
// event's data (RawData, typed for a known type); anything else is kept as bytes (BinaryData), and a known type,
// whose data is JSON, fails. Without a datacontenttype a known type's data is read as JSON and an unknown type's
// bytes are kept as they are, since nothing says they are JSON.
public sealed partial class MediaEventReader
{
    // Decoded as it is read; what the bytes are is decided once the whole envelope, datacontenttype among it, is.
    private static byte[]? ReadDataBase64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out byte[]? bytes))
        {
            return bytes;
        }

        MediaJson.RejectUnexpected(ref reader, "a string of base64 (RFC 4648) with its padding");
        return null;
    }

    // The data of an event that has "data_base64", once the envelope is read.
    private MediaEvent ReadDataBase64(ref MediaEventEnvelope envelope, byte[] bytes, bool hasData, int maxReaderDepth, Utf8StringTable? strings) =>
        hasData
            ? throw new MediaJsonException("the event has both 'data' and 'data_base64': a CloudEvent carries its data in one of them")
            : ReadSeparateData(ref envelope, bytes, "the decoded 'data_base64'", maxReaderDepth, strings);

    /// <summary>Reads the event's data from <paramref name="bytes"/>, which <paramref name="origin"/> names in failures.</summary>
    /// <param name="envelope">The event's envelope, complete but for its data.</param>
    /// <param name="bytes">The data's bytes; events keep slices of them.</param>
    /// <param name="origin">Where the bytes come from, e.g. "the body", for the reasons of failures.</param>
    /// <param name="maxReaderDepth">The deepest reader depth at which the data may open a container.</param>
    /// <param name="strings">The table of repeated strings of the reading thread.</param>
    private MediaEvent ReadSeparateData(ref MediaEventEnvelope envelope, ReadOnlyMemory<byte> bytes, string origin, int maxReaderDepth, Utf8StringTable? strings)
    {
        MediaEventType? known = envelope.KnownType;
        string? contentType = envelope.DataContentType;
        bool isJson = contentType is null ? known is not null : MediaTypes.IsJson(contentType);
        if (!isJson)
        {
            if (known is not null)
            {
                throw new MediaJsonException($"a {envelope.EventType} event carries its data as JSON, and the datacontenttype '{contentType}' is not JSON");
            }

            envelope.RawData = bytes;
            envelope.DataIsBinary = true;
            return new MediaEvent(envelope.EventType!, envelope);
        }

        envelope.DataIsBinary = false;
        envelope.RawData = default;
        ReadOnlyMemory<byte> utf8 = bytes.Span.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        if (utf8.Span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return known is null
                ? new MediaEvent(envelope.EventType!, envelope)
                : throw new MediaJsonException($"a {envelope.EventType} event carries its data as a JSON object, found {origin} empty");
        }

        var reader = new Utf8JsonReader(utf8.Span, s_readerOptions);
        var context = new MediaJsonReadContext(maxReaderDepth, utf8, strings, _options.AllowDuplicateMembers);

        // Positions in these bytes are not positions in the event: what fails in them throws, with its path.
        DeferredFailure? armed = DeferredFailure.Suspend();
        try
        {
            reader.Read();
            int start = checked((int)reader.TokenStartIndex);
            object? data = null;
            if (known is null)
            {
                MediaJson.SkipValue(ref reader, context);
            }
            else
            {
                data = known.ReadDataObject(ref reader, context);
            }

            // RawData is the value itself, as a slice of "data" is: white space around it is left out.
            envelope.RawData = utf8[start..checked((int)reader.BytesConsumed)];
            if (reader.Read())
            {
                throw new MediaJsonException($"{origin} has more after its JSON value");
            }

            return data is null ? new MediaEvent(envelope.EventType!, envelope) : known!.CreateEvent(data, envelope);
        }
        catch (JsonException exception) when (exception is not MediaJsonException)
        {
            string declared = contentType is null ? string.Empty : $" (datacontenttype '{contentType}')";
            throw new MediaJsonException(
                $"{origin} is not valid JSON{declared}: {StjMessage(exception.Message)} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})");
        }
        finally
        {
            DeferredFailure.Resume(armed);
        }
    }
}
