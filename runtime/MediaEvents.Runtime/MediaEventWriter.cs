using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

/// <summary>
/// Writes whole events, envelope and data, as a delivery: in the Event Grid schema or as CloudEvents 1.0, one event
/// as a JSON object or several as a JSON array. <see cref="MediaEventReader"/> reads what it writes back into equal
/// events, and so does Azure.Messaging.EventGrid (<c>EventGridEvent.ParseMany</c>, <c>CloudEvent.ParseMany</c>): for
/// the fixtures of tests, for replays and for forwarding.
/// </summary>
/// <remarks>
/// <para>
/// A known event's data is written by the generated writer of its type (the spec's names and types, unknown members
/// kept); an unknown event's data is <see cref="MediaEvent.RawData"/>, token for token. The envelope's unknown members
/// (CloudEvents extension attributes among them) are written in either schema, after the members the schema defines.
/// </para>
/// <para>
/// Event Grid schema: <c>id</c>, <c>topic</c> (<see cref="MediaEvent.Source"/>, when set), <c>subject</c>,
/// <c>eventType</c>, <c>eventTime</c>, <c>dataVersion</c>, <c>metadataVersion</c> (when set), then <c>data</c>
/// (<c>null</c> for an unknown event without data). The schema requires a subject, a time and a data version: an
/// event without one of them is refused. CloudEvents 1.0: <c>specversion</c> <c>"1.0"</c>, <c>id</c>, <c>source</c>
/// (required), <c>type</c>, then <c>subject</c>, <c>time</c>, <c>datacontenttype</c>, <c>dataschema</c> when set, then
/// <c>data</c> (left out for an unknown event without data). Members one schema has and the other lacks
/// (<c>dataVersion</c>, <c>datacontenttype</c>, …) are left out when writing the other.
/// </para>
/// <para>
/// A time is written in ISO 8601 with every digit it has, in UTC as <c>Z</c> when its offset is zero. Strings are
/// escaped only where JSON requires it (the output is a delivery, not HTML).
/// </para>
/// </remarks>
public static class MediaEventWriter
{
    private const string CloudEventsSpecVersion = "1.0";

    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Writes one event as a JSON object in <paramref name="schema"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="mediaEvent"/> is null.</exception>
    /// <exception cref="ArgumentException">The event lacks a member the schema requires, or has an unknown member named like an envelope member.</exception>
    public static void Write(Utf8JsonWriter writer, MediaEvent mediaEvent, MediaEventSchema schema)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(mediaEvent);
        WriteEvent(writer, mediaEvent, schema, index: null);
    }

    /// <summary>Writes events as a JSON array in <paramref name="schema"/>, in order: a delivery of a batch.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An event is null, lacks a member the schema requires, or has an unknown member named like an envelope member
    /// (the events before it have been written).
    /// </exception>
    public static void Write(Utf8JsonWriter writer, IEnumerable<MediaEvent> events, MediaEventSchema schema)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        writer.WriteStartArray();
        int index = 0;
        foreach (MediaEvent? mediaEvent in events)
        {
            WriteEvent(writer, mediaEvent ?? throw new ArgumentException($"Event {index} is null.", nameof(events)), schema, index);
            index++;
        }

        writer.WriteEndArray();
    }

    /// <summary>One event as a JSON object in <paramref name="schema"/>, as UTF-8.</summary>
    /// <param name="mediaEvent">The event.</param>
    /// <param name="schema">The envelope to write.</param>
    /// <param name="indented">Whether to indent (for a fixture a person reads), or write one line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mediaEvent"/> is null.</exception>
    /// <exception cref="ArgumentException">The event lacks a member the schema requires, or has an unknown member named like an envelope member.</exception>
    public static byte[] ToUtf8Json(MediaEvent mediaEvent, MediaEventSchema schema, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        return Written(indented, writer => WriteEvent(writer, mediaEvent, schema, index: null));
    }

    /// <summary>Events as a JSON array in <paramref name="schema"/>, in order, as UTF-8.</summary>
    /// <param name="events">The events.</param>
    /// <param name="schema">The envelope to write.</param>
    /// <param name="indented">Whether to indent (for a fixture a person reads), or write one line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">An event is null, lacks a member the schema requires, or has an unknown member named like an envelope member.</exception>
    public static byte[] ToUtf8Json(IEnumerable<MediaEvent> events, MediaEventSchema schema, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Written(indented, writer => Write(writer, events, schema));
    }

    /// <summary>One event as a JSON object in <paramref name="schema"/>.</summary>
    /// <inheritdoc cref="ToUtf8Json(MediaEvent, MediaEventSchema, bool)"/>
    public static string ToJson(MediaEvent mediaEvent, MediaEventSchema schema, bool indented = false) =>
        Encoding.UTF8.GetString(ToUtf8Json(mediaEvent, schema, indented));

    /// <summary>Events as a JSON array in <paramref name="schema"/>, in order.</summary>
    /// <inheritdoc cref="ToUtf8Json(IEnumerable{MediaEvent}, MediaEventSchema, bool)"/>
    public static string ToJson(IEnumerable<MediaEvent> events, MediaEventSchema schema, bool indented = false) =>
        Encoding.UTF8.GetString(ToUtf8Json(events, schema, indented));

    private static byte[] Written(bool indented, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Checked before anything is written: an event is written whole or not at all.
    private static void WriteEvent(Utf8JsonWriter writer, MediaEvent mediaEvent, MediaEventSchema schema, int? index)
    {
        Check(mediaEvent, schema, index);
        writer.WriteStartObject();
        if (schema == MediaEventSchema.CloudEvents)
        {
            writer.WriteString("specversion", CloudEventsSpecVersion);
            writer.WriteString("id", mediaEvent.Id);
            writer.WriteString("source", mediaEvent.Source);
            writer.WriteString("type", mediaEvent.EventType);
            WriteIfPresent(writer, "subject", mediaEvent.Subject);
            if (mediaEvent.Time is { } time)
            {
                WriteTime(writer, "time", time);
            }

            WriteIfPresent(writer, "datacontenttype", mediaEvent.DataContentType);
            WriteIfPresent(writer, "dataschema", mediaEvent.DataSchema);
        }
        else
        {
            writer.WriteString("id", mediaEvent.Id);
            WriteIfPresent(writer, "topic", mediaEvent.Source);
            writer.WriteString("subject", mediaEvent.Subject);
            writer.WriteString("eventType", mediaEvent.EventType);
            WriteTime(writer, "eventTime", mediaEvent.Time!.Value);
            writer.WriteString("dataVersion", mediaEvent.DataVersion);
            WriteIfPresent(writer, "metadataVersion", mediaEvent.MetadataVersion);
        }

        mediaEvent.UnknownMembers?.WriteTo(writer);

        // Data the event does not have: null where the Event Grid schema requires the member, none in CloudEvents.
        if (schema == MediaEventSchema.EventGrid || mediaEvent.IsKnown || !mediaEvent.RawData.IsEmpty)
        {
            writer.WritePropertyName("data");
            mediaEvent.WriteData(writer);
        }

        writer.WriteEndObject();
    }

    private static void Check(MediaEvent mediaEvent, MediaEventSchema schema, int? index)
    {
        switch (schema)
        {
            case MediaEventSchema.EventGrid:
                Require(mediaEvent.Subject, "Subject", "subject");
                Require(mediaEvent.Time, "Time", "eventTime");
                Require(mediaEvent.DataVersion, "DataVersion", "dataVersion");
                break;
            case MediaEventSchema.CloudEvents:
                Require(mediaEvent.Source, "Source", "source");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(schema), schema, "Expected MediaEventSchema.EventGrid or MediaEventSchema.CloudEvents.");
        }

        // A member the reader would take for an envelope member (whatever its case) would not read back as unknown.
        foreach (JsonMember member in mediaEvent.UnknownMembers ?? Enumerable.Empty<JsonMember>())
        {
            if (MediaEventReader.EnvelopeMemberNamed(member.Name) is { } envelopeMember)
            {
                throw new ArgumentException(
                    $"{Describe(mediaEvent, index)} has an unknown member '{member.Name}', which would be read back as the envelope's '{envelopeMember}': set the MediaEvent property instead ({schema} schema).",
                    index is null ? nameof(mediaEvent) : "events");
            }
        }

        void Require(object? value, string property, string member)
        {
            if (value is null)
            {
                throw new ArgumentException(
                    $"{Describe(mediaEvent, index)} has no {property}, which the {(schema == MediaEventSchema.EventGrid ? "Event Grid schema" : "CloudEvents 1.0 schema")} requires ('{member}'): set MediaEvent.{property}.",
                    index is null ? nameof(mediaEvent) : "events");
            }
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    // UTC as the service writes it ("…Z"); another offset as it is. Either way every digit of the time.
    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset time)
    {
        if (time.Offset == TimeSpan.Zero)
        {
            writer.WriteString(name, time.UtcDateTime);
        }
        else
        {
            writer.WriteString(name, time);
        }
    }

    private static string Describe(MediaEvent mediaEvent, int? index) =>
        (index is { } position ? $"Event {position} " : "The event ") + $"(id '{mediaEvent.Id}', type '{mediaEvent.EventType}')";
}
