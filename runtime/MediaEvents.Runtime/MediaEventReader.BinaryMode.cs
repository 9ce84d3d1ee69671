using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;
using MediaEvents.Webhooks;

namespace MediaEvents;

// A CloudEvent in the binary content mode of the HTTP binding: its attributes in ce-* headers (names in any case,
// values percent-encoded), its data as the body, whose Content-Type is its datacontenttype. It is read into the same
// event as its structured form; what is wrong is the event's failure, with the header at fault as the path (or the
// place in the data, from "$", the body).
public sealed partial class MediaEventReader
{
    private const string IdHeaderName = "ce-id";
    private const string SourceHeaderName = "ce-source";
    private const string TypeHeaderName = "ce-type";

    private MediaEventReadResult ReadBinaryEvent(IEnumerable<KeyValuePair<string, string>> headers, string? contentType, ReadOnlyMemory<byte> body)
    {
        var envelope = new MediaEventEnvelope
        {
            DataContentType = string.IsNullOrWhiteSpace(contentType) ? null : contentType.Trim(),
        };

        // The header being read, for a failure's path; none while the body is.
        string? header = null;
        try
        {
            List<JsonMember>? extensions = null;
            HashSet<string>? seen = null;
            foreach (KeyValuePair<string, string> pair in headers)
            {
                if (pair.Key is { } name && name.StartsWith(DeliveryContentTypes.CloudEventsHeaderPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    header = name;
                    ReadAttributeHeader(name, pair.Value ?? string.Empty, ref envelope, ref extensions, ref seen);
                }
            }

            header = DeliveryContentTypes.SpecVersionHeaderName;
            if (envelope.SpecVersion is null)
            {
                throw new MediaJsonException($"the request has no '{header}' header: it is not a binary-mode CloudEvent");
            }

            if (envelope.SpecVersion != "1.0")
            {
                throw new MediaJsonException($"the CloudEvents specification version is '{envelope.SpecVersion}': only 1.0 is read");
            }

            header = !envelope.HasId ? IdHeaderName : envelope.Source is null ? SourceHeaderName : envelope.EventType is null ? TypeHeaderName : null;
            if (header is not null)
            {
                throw new MediaJsonException($"the required header '{header}' is missing");
            }

            envelope.UnknownMembers = JsonMembers.From(extensions);
            return new MediaEventReadResult(0, ReadSeparateData(ref envelope, body, "the body", _options.MaxDepth - 2, Utf8StringTable.Current), null);
        }
        catch (MediaJsonException exception)
        {
            return BinaryFailure(headers, header ?? "$" + exception.RelativePath, exception.Reason, body);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString refuses text that is not UTF-8; the JSON structure itself is intact.
            return BinaryFailure(headers, "$", "a string of the data is not valid UTF-8", body);
        }
    }

    private void ReadAttributeHeader(string name, string value, ref MediaEventEnvelope envelope, ref List<JsonMember>? extensions, ref HashSet<string>? seen)
    {
        // Attribute names are lower case; header names are in any case.
        string attribute = name[DeliveryContentTypes.CloudEventsHeaderPrefix.Length..].ToLowerInvariant();
        if (attribute.Length == 0)
        {
            throw new MediaJsonException($"the header '{name}' names no attribute");
        }

        if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(attribute))
        {
            throw new MediaJsonException($"the header '{name}' appears more than once");
        }

        string text = CloudEventsHeaderValue.Decode(name, value);
        switch (attribute)
        {
            case "specversion":
                envelope.SpecVersion = text == "1.0" ? "1.0" : text;
                break;
            case "id":
                envelope.Id = text.Length > 0 ? text : throw new MediaJsonException($"the header '{name}' is empty: an event's id is a non-empty string");
                break;
            case "type":
                if (text.Length == 0)
                {
                    throw new MediaJsonException($"the header '{name}' is empty: an event's type is a non-empty string");
                }

                // As in the structured form, a known type reuses the catalogue's string.
                MediaEventType? known = _catalog.Find(text);
                envelope.KnownType = known;
                envelope.EventType = known is not null && string.Equals(text, known.Name, StringComparison.Ordinal) ? known.Name : text;
                envelope.EventTypeMember = "type";
                break;
            case "source":
                envelope.Source = text.Length > 0 ? text : throw new MediaJsonException($"the header '{name}' is empty: an event's source is a non-empty URI-reference");
                break;
            case "subject":
                envelope.Subject = text;
                break;
            case "time":
                envelope.Time = ParseHeaderTime(text);
                break;
            case "dataschema":
                envelope.DataSchema = text;
                break;
            case "datacontenttype":
                throw new MediaJsonException($"the header '{name}' must not be present: in binary mode the Content-Type is the datacontenttype");
            default:
                (extensions ??= new List<JsonMember>()).Add(new JsonMember(attribute, JsonString(text)));
                break;
        }
    }

    // The rules of a structured event's "time", applied to the header's text.
    private static DateTimeOffset ParseHeaderTime(string text)
    {
        ReadOnlyMemory<byte> json = JsonString(text);
        var reader = new Utf8JsonReader(json.Span);
        reader.Read();
        return MediaJson.TryReadTimestamp(ref reader, out DateTimeOffset time)
            ? time
            : throw MediaJson.Unexpected(ref reader, "an RFC 3339 date and time such as \"2018-04-05T17:31:00Z\"");
    }

    // An extension attribute is kept as the JSON string its structured form would have.
    private static ReadOnlyMemory<byte> JsonString(string text)
    {
        var buffer = new ArrayBufferWriter<byte>(text.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(text);
        }

        return buffer.WrittenMemory;
    }

    // A failure names the event by its id and type even when another header stopped the reading before them.
    private static MediaEventReadResult BinaryFailure(IEnumerable<KeyValuePair<string, string>> headers, string path, string reason, ReadOnlyMemory<byte> body)
    {
        string? id = null;
        string? eventType = null;
        foreach (KeyValuePair<string, string> pair in headers)
        {
            if (string.Equals(pair.Key, IdHeaderName, StringComparison.OrdinalIgnoreCase))
            {
                id ??= TryDecode(pair.Key, pair.Value);
            }
            else if (string.Equals(pair.Key, TypeHeaderName, StringComparison.OrdinalIgnoreCase))
            {
                eventType ??= TryDecode(pair.Key, pair.Value);
            }
        }

        return Fail(0, id, eventType, path, reason, body);

        static string? TryDecode(string name, string? value)
        {
            try
            {
                return value is null ? null : CloudEventsHeaderValue.Decode(name, value);
            }
            catch (MediaJsonException)
            {
                return null;
            }
        }
    }
}
