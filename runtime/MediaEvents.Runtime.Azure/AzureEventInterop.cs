using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using MediaEvents.Webhooks;

namespace MediaEvents.AzureInterop;

/// <summary>
/// Reads the events of the Azure SDK (<see cref="EventGridEvent"/> from <c>Azure.Messaging.EventGrid</c>,
/// <see cref="CloudEvent"/> from <c>Azure.Core</c>) with a <see cref="MediaEventReader"/>, so that code that already
/// receives them through the SDK gets typed Azure Media Services events without re-reading payloads itself.
/// </summary>
/// <remarks>
/// <para>
/// Each event's envelope is written back as one JSON object, in the envelope it came in (Event Grid schema or
/// CloudEvents 1.0), with its data as the SDK holds it; the objects are collected in one JSON array and read by
/// <see cref="MediaEventReader.Read(ReadOnlyMemory{byte})"/>. So every behaviour of the reader applies exactly as to a
/// delivery read from the wire: an event that cannot be read fails alone, with the JSON path of the value at fault
/// (<c>$[1].data.progress</c> in a list, <c>$.data.progress</c> for a single event); tolerated variations stay
/// tolerated; a type the catalog does not know arrives as an untyped <see cref="MediaEvent"/> with its
/// <see cref="MediaEvent.RawData"/>.
/// </para>
/// <para>
/// A <see langword="null"/> element of a list is written as JSON <c>null</c>: it fails alone ("expected an event
/// object"), like a <c>null</c> in a delivery.
/// </para>
/// </remarks>
public static class AzureEventInterop
{
    private const string EventGridMetadataVersion = "1";
    private const string CloudEventsSpecVersion = "1.0";

    // Per event, beyond its data: the envelope members are a few hundred bytes.
    private const int EnvelopeSizeEstimate = 512;

    // The JSON is read by MediaEventReader only, never embedded in HTML: relaxed escaping keeps strings as they were
    // (no \u002B for '+' in times, no escapes for non-ASCII text), which the reader reads without unescaping.
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads one Event Grid schema event of the Azure SDK.</summary>
    /// <param name="reader">The reader, with the catalog of the event types to read as typed events.</param>
    /// <param name="eventGridEvent">The event, e.g. one of <see cref="EventGridEvent.ParseMany(BinaryData)"/>.</param>
    /// <returns>The event, typed when the catalog knows its type; or why it could not be read (path from <c>$</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="eventGridEvent"/> is null.</exception>
    /// <remarks>
    /// The envelope is written as <c>id</c>, <c>topic</c> (read as <see cref="MediaEvent.Source"/>), <c>subject</c>,
    /// <c>eventType</c>, <c>eventTime</c> (ISO 8601, round-trip), <c>dataVersion</c>, <c>metadataVersion</c> <c>"1"</c>
    /// and <c>data</c>, the bytes of <see cref="EventGridEvent.Data"/> as they are (<c>null</c> when there are none).
    /// Data that is not JSON, which the SDK's own parser never produces, is written as a JSON string of its text, so
    /// that a known event type fails alone at <c>data</c> rather than the whole read.
    /// </remarks>
    public static MediaEventReadResult Read(this MediaEventReader reader, EventGridEvent eventGridEvent)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(eventGridEvent);
        var buffer = new ArrayBufferWriter<byte>(EnvelopeSizeEstimate + DataLength(eventGridEvent.Data));
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            WriteEvent(writer, eventGridEvent);
        }

        return reader.Read(buffer.WrittenMemory)[0];
    }

    /// <summary>Reads a list of Event Grid schema events of the Azure SDK as one batch, in order.</summary>
    /// <param name="reader">The reader, with the catalog of the event types to read as typed events.</param>
    /// <param name="events">The events, e.g. <see cref="EventGridEvent.ParseMany(BinaryData)"/>.</param>
    /// <returns>One result per event, in order: the event, or why it could not be read (path from <c>$[index]</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="events"/> is null.</exception>
    /// <remarks>Each event is written as <see cref="Read(MediaEventReader, EventGridEvent)"/> describes.</remarks>
    public static MediaEventBatch Read(this MediaEventReader reader, IEnumerable<EventGridEvent> events)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(events);
        var buffer = new ArrayBufferWriter<byte>(EstimateSize(events));
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartArray();
            foreach (EventGridEvent? eventGridEvent in events)
            {
                if (eventGridEvent is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    WriteEvent(writer, eventGridEvent);
                }
            }

            writer.WriteEndArray();
        }

        return reader.Read(buffer.WrittenMemory);
    }

    /// <summary>Reads one CloudEvents 1.0 event of the Azure SDK.</summary>
    /// <param name="reader">The reader, with the catalog of the event types to read as typed events.</param>
    /// <param name="cloudEvent">The event, e.g. one of <see cref="CloudEvent.ParseMany(BinaryData, bool)"/>.</param>
    /// <returns>The event, typed when the catalog knows its type; or why it could not be read (path from <c>$</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="cloudEvent"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// The envelope is written as <c>specversion</c> <c>"1.0"</c>, <c>id</c>, <c>source</c> (read as
    /// <see cref="MediaEvent.Source"/>), <c>type</c>, <c>subject</c>, <c>time</c> (ISO 8601, round-trip),
    /// <c>datacontenttype</c>, <c>dataschema</c>, the extension attributes (read as
    /// <see cref="MediaEvent.UnknownMembers"/>), and the data; members the event does not have are left out.
    /// </para>
    /// <para>
    /// The data is written as <c>data</c>, its bytes as they are, when <see cref="CloudEvent.DataContentType"/> is
    /// absent or JSON (<c>application/json</c>, <c>text/json</c>, <c>*/*+json</c>) and the bytes are JSON; and also,
    /// whatever the content type, when they are a JSON string, the form in which the SDK keeps a <c>data</c> string
    /// it parsed. Any other data is binary: it is written as <c>data_base64</c>, a string of its bytes in base64,
    /// which the reader keeps as <see cref="MediaEvent.BinaryData"/> (a known event type, whose data is JSON, then
    /// fails alone). No data (<see langword="null"/>) is written as <c>"data": null</c>.
    /// </para>
    /// </remarks>
    public static MediaEventReadResult Read(this MediaEventReader reader, CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var buffer = new ArrayBufferWriter<byte>(EnvelopeSizeEstimate + DataLength(cloudEvent.Data));
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            WriteEvent(writer, cloudEvent);
        }

        return reader.Read(buffer.WrittenMemory)[0];
    }

    /// <summary>Reads a list of CloudEvents 1.0 events of the Azure SDK as one batch, in order.</summary>
    /// <param name="reader">The reader, with the catalog of the event types to read as typed events.</param>
    /// <param name="events">The events, e.g. <see cref="CloudEvent.ParseMany(BinaryData, bool)"/>.</param>
    /// <returns>One result per event, in order: the event, or why it could not be read (path from <c>$[index]</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="events"/> is null.</exception>
    /// <remarks>Each event is written as <see cref="Read(MediaEventReader, CloudEvent)"/> describes.</remarks>
    public static MediaEventBatch Read(this MediaEventReader reader, IEnumerable<CloudEvent> events)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(events);
        var buffer = new ArrayBufferWriter<byte>(EstimateSize(events));
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartArray();
            foreach (CloudEvent? cloudEvent in events)
            {
                if (cloudEvent is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    WriteEvent(writer, cloudEvent);
                }
            }

            writer.WriteEndArray();
        }

        return reader.Read(buffer.WrittenMemory);
    }

    private static void WriteEvent(Utf8JsonWriter writer, EventGridEvent eventGridEvent)
    {
        writer.WriteStartObject();
        WriteOptionalString(writer, "id", eventGridEvent.Id);
        WriteOptionalString(writer, "topic", eventGridEvent.Topic);
        WriteOptionalString(writer, "subject", eventGridEvent.Subject);

        // The type before the data: the reader then reads the data in the same pass.
        WriteOptionalString(writer, "eventType", eventGridEvent.EventType);
        writer.WriteString("eventTime", eventGridEvent.EventTime.ToString("O", CultureInfo.InvariantCulture));
        WriteOptionalString(writer, "dataVersion", eventGridEvent.DataVersion);
        writer.WriteString("metadataVersion", EventGridMetadataVersion);

        writer.WritePropertyName("data");
        BinaryData? data = eventGridEvent.Data;
        if (data is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            ReadOnlySpan<byte> bytes = data.ToMemory().Span;
            if (IsJsonValue(bytes, out _))
            {
                writer.WriteRawValue(bytes, skipInputValidation: true);
            }
            else
            {
                writer.WriteStringValue(data.ToString());
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter writer, CloudEvent cloudEvent)
    {
        writer.WriteStartObject();
        writer.WriteString("specversion", CloudEventsSpecVersion);
        WriteOptionalString(writer, "id", cloudEvent.Id);
        WriteOptionalString(writer, "source", cloudEvent.Source);
        WriteOptionalString(writer, "type", cloudEvent.Type);
        WriteOptionalString(writer, "subject", cloudEvent.Subject);
        if (cloudEvent.Time is { } time)
        {
            writer.WriteString("time", time.ToString("O", CultureInfo.InvariantCulture));
        }

        WriteOptionalString(writer, "datacontenttype", cloudEvent.DataContentType);
        WriteOptionalString(writer, "dataschema", cloudEvent.DataSchema);

        // The SDK refuses the reserved names (id, data, ...) as extension attributes: these cannot clash.
        foreach (KeyValuePair<string, object> attribute in cloudEvent.ExtensionAttributes)
        {
            writer.WritePropertyName(attribute.Key);
            WriteAttributeValue(writer, attribute.Value);
        }

        BinaryData? data = cloudEvent.Data;
        if (data is null)
        {
            writer.WriteNull("data");
        }
        else
        {
            ReadOnlySpan<byte> bytes = data.ToMemory().Span;
            if (IsJsonValue(bytes, out JsonTokenType token) && (token == JsonTokenType.String || IsJsonContentType(cloudEvent.DataContentType)))
            {
                writer.WritePropertyName("data");
                writer.WriteRawValue(bytes, skipInputValidation: true);
            }
            else
            {
                writer.WriteBase64String("data_base64", bytes);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteOptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes an extension attribute as the SDK's own serializer does for the types it allows.</summary>
    private static void WriteAttributeValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case ReadOnlyMemory<byte> bytes:
                writer.WriteBase64StringValue(bytes.Span);
                break;
            case BinaryData bytes:
                writer.WriteBase64StringValue(bytes.ToMemory().Span);
                break;
            case Uri uri:
                writer.WriteStringValue(uri.OriginalString);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    /// <summary>
    /// Whether the bytes are exactly one JSON value (whitespace around it allowed), at any depth: the reader's own
    /// depth limit applies per event later, so that a too deep event fails alone instead of the whole read.
    /// </summary>
    private static bool IsJsonValue(ReadOnlySpan<byte> utf8, out JsonTokenType token)
    {
        token = JsonTokenType.None;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            token = reader.TokenType;
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether a CloudEvents <c>datacontenttype</c> says JSON; an absent one does (JSON event format).</summary>
    // No datacontenttype: CloudEvents' own default, JSON.
    private static bool IsJsonContentType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) || DeliveryContentTypes.IsJson(contentType);

    private static int DataLength(BinaryData? data) => data is null ? 0 : data.ToMemory().Length;

    private static int EstimateSize<T>(IEnumerable<T> events)
    {
        // Only a list that knows its count is sized up front; a lazy sequence is enumerated once, while writing.
        return events is IReadOnlyCollection<T> collection
            ? (int)Math.Min((long)collection.Count * EnvelopeSizeEstimate + 2, 1024 * 1024)
            : 4 * 1024;
    }
}
