using System;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

// One event of a delivery, read so that it fails alone: what goes wrong inside it becomes its failure (with the
// path to the value at fault and the event's id and type, wherever they are), and the reader goes on after it.
public sealed partial class MediaEventReader
{
    private MediaEventReadResult ReadEvent(ref Utf8JsonReader reader, ReadOnlyMemory<byte> buffer, int index, bool inArray, Utf8StringTable table, DeferredFailure failure)
    {
        int start = checked((int)reader.TokenStartIndex);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            string notAnObject = NotAnEventObject(reader.TokenType);
            reader.Skip();
            return Fail(index, inArray, null, null, string.Empty, notAnObject, buffer[start..checked((int)reader.BytesConsumed)]);
        }

        // Nothing is kept for the failure path: it costs about what reading the event does. A value that does not
        // fit is recorded rather than thrown, and the event is read to its end all the same.
        int depth = reader.CurrentDepth;
        var context = new MediaJsonReadContext(depth + _options.MaxDepth - 1, buffer, table, _options.AllowDuplicateMembers);
        failure.Arm();
        string reason;
        string relativePath = string.Empty;
        try
        {
            if (ReadEnvelopeAndData(ref reader, context, failure, out EnvelopeFault fault) is { } mediaEvent)
            {
                return new MediaEventReadResult(index, mediaEvent, null);
            }

            // The reader is at the event's end, and the envelope knows the event's id and type.
            ReadOnlyMemory<byte> read = buffer[start..checked((int)reader.BytesConsumed)];
            return failure.IsSet
                ? Fail(index, inArray, fault.Id, fault.EventType, failure.Reason!, read, failure.Position - start)
                : Fail(index, inArray, fault.Id, fault.EventType, fault.RelativePath, fault.Reason, read);
        }
        catch (MediaJsonException exception)
        {
            reason = exception.Reason;
            relativePath = exception.RelativePath;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString refuses text that is not UTF-8; the JSON structure itself is intact.
            reason = "a string of the event is not valid UTF-8";
        }
        finally
        {
            failure.Disarm();
        }

        // Only this event is lost: the reader goes on to the event's end, and the event's id and type are read from
        // its bytes, wherever in the event they are. A value that failed before what threw is the failure reported.
        while (!(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            MediaJson.Advance(ref reader);
        }

        ReadOnlyMemory<byte> raw = buffer[start..checked((int)reader.BytesConsumed)];
        (string? id, string? eventType) = ScanIdentity(raw.Span);
        return failure.IsSet
            ? Fail(index, inArray, id, eventType, failure.Reason!, raw, failure.Position - start)
            : Fail(index, inArray, id, eventType, relativePath, reason, raw);
    }

    // One constant text per kind of value, so that a delivery of a million numbers builds no reason.
    private static string NotAnEventObject(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "expected an event object, found an array",
        JsonTokenType.String => "expected an event object, found a string",
        JsonTokenType.Number => "expected an event object, found a number",
        JsonTokenType.True or JsonTokenType.False => "expected an event object, found a boolean",
        JsonTokenType.Null => "expected an event object, found null",
        _ => "expected an event object, found " + Describe(token),
    };

    // A failure names the event even when its id or type comes after the value at fault.
    private static (string? Id, string? EventType) ScanIdentity(ReadOnlySpan<byte> utf8Event)
    {
        string? id = null;
        string? eventType = null;
        try
        {
            var scout = new Utf8JsonReader(utf8Event, s_readerOptions);
            scout.Read();
            while (scout.Read() && scout.TokenType == JsonTokenType.PropertyName)
            {
                var property = (EnvelopeMember)s_envelopeNames.Match(ref scout);
                scout.Read();
                if (scout.TokenType == JsonTokenType.String && property == EnvelopeMember.Id)
                {
                    id ??= TryGetString(ref scout);
                }
                else if (scout.TokenType == JsonTokenType.String && property is EnvelopeMember.EventType or EnvelopeMember.Type)
                {
                    eventType ??= TryGetString(ref scout);
                }

                scout.Skip();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Best effort only: the failure is reported with what could be read.
        }

        return (id, eventType);

        // An id that is not UTF-8 is not reported, but the type after it still is.
        static string? TryGetString(ref Utf8JsonReader scout)
        {
            try
            {
                return scout.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    private static MediaEventReadResult Fail(int index, string? id, string? eventType, string path, string reason, ReadOnlyMemory<byte> raw) =>
        new(index, null, new MediaEventReadFailure(index, id, eventType, path, reason, raw));

    // A value's failure, at a position in the event: its path is found from the position when first asked for.
    private static MediaEventReadResult Fail(int index, bool inArray, string? id, string? eventType, string reason, ReadOnlyMemory<byte> raw, long position) =>
        new(index, null, new MediaEventReadFailure(index, inArray, id, eventType, reason, raw, position));

    // The reader's failures: the path ($[index] or $, then the relative path) is built only when asked for.
    private static MediaEventReadResult Fail(int index, bool inArray, string? id, string? eventType, string relativePath, string reason, ReadOnlyMemory<byte> raw) =>
        new(index, null, new MediaEventReadFailure(index, inArray, id, eventType, relativePath, reason, raw));
}
