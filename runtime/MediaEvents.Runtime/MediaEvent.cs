using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

/// <summary>
/// One event as it arrived, in either envelope. An event whose type the catalog does not know is a plain
/// <see cref="MediaEvent"/> with its <see cref="RawData"/>; a known one is a <see cref="MediaEvent{TData}"/>.
/// </summary>
public class MediaEvent
{
    /// <summary>Creates an event of the given type (for an unknown type, or for tests).</summary>
    public MediaEvent(string eventType)
    {
        EventType = eventType ?? throw new ArgumentNullException(nameof(eventType));
    }

    // The reader's constructor: the envelope's members are init-only for users, so they are set here. The reader
    // only builds an event that has an id, which goes to one of Id's two backing fields; the compiler, seeing
    // neither assignment to Id itself, would ask for one (CS8618).
#pragma warning disable CS8618
    [SetsRequiredMembers]
    internal MediaEvent(string eventType, in MediaEventEnvelope envelope)
        : this(eventType)
#pragma warning restore CS8618
    {
        _id = envelope.Id;
        _asciiId = envelope.AsciiId;
        Schema = envelope.Schema;
        Subject = envelope.Subject;
        Source = envelope.Source;
        Time = envelope.Time;
        DataVersion = envelope.DataVersion;
        MetadataVersion = envelope.MetadataVersion;
        SpecVersion = envelope.SpecVersion;
        DataContentType = envelope.DataContentType;
        DataSchema = envelope.DataSchema;
        UnknownMembers = envelope.UnknownMembers;
        _data = envelope.RawData;
        _dataIsBinary = envelope.DataIsBinary;
    }

    // The id as read: its ASCII bytes, decoded on first use. Ids are unique, so a handler that never looks at
    // them (or looks at few) should not pay for a string per event.
    private string? _id;
    private ReadOnlyMemory<byte> _asciiId;

    // The data's bytes, JSON (RawData) or not (BinaryData): an event has one or the other, so one field holds them
    // and a flag says which, and an event is no larger for being able to carry bytes.
    private ReadOnlyMemory<byte> _data;
    private bool _dataIsBinary;

    /// <summary>The event's unique identifier (<c>id</c> in both schemas).</summary>
    public required string Id
    {
        get => _id ??= Encoding.ASCII.GetString(_asciiId.Span);
        init
        {
            _id = value ?? throw new ArgumentNullException(nameof(value));
            _asciiId = default;
        }
    }

    /// <summary>The event type, e.g. <c>Microsoft.Media.JobStateChange</c> (<c>eventType</c> or <c>type</c>).</summary>
    public string EventType { get; }

    /// <summary>The envelope the event arrived in.</summary>
    public MediaEventSchema Schema { get; init; }

    /// <summary>The publisher-defined path to the event's subject, e.g. <c>transforms/T/jobs/J</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>Where the event comes from: <c>topic</c> in the Event Grid schema, <c>source</c> in CloudEvents.</summary>
    public string? Source { get; init; }

    /// <summary>When the event was generated (<c>eventTime</c> or <c>time</c>); a time without offset is UTC.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The schema version of <c>data</c> (Event Grid schema).</summary>
    public string? DataVersion { get; init; }

    /// <summary>The schema version of the envelope (Event Grid schema).</summary>
    public string? MetadataVersion { get; init; }

    /// <summary>The CloudEvents specification version (CloudEvents).</summary>
    public string? SpecVersion { get; init; }

    /// <summary>The content type of <c>data</c> (CloudEvents <c>datacontenttype</c>).</summary>
    public string? DataContentType { get; init; }

    /// <summary>The schema of <c>data</c> (CloudEvents <c>dataschema</c>).</summary>
    public string? DataSchema { get; init; }

    /// <summary>Envelope members neither schema defines (CloudEvents extension attributes among them), as they arrived.</summary>
    public JsonMembers? UnknownMembers { get; init; }

    /// <summary>
    /// The raw UTF-8 JSON of <c>data</c> as it arrived; empty when the event had none, or data that is not JSON
    /// (<see cref="BinaryData"/>). Data that arrived as bytes of its own, a CloudEvent's <c>data_base64</c> or a
    /// binary-mode body, is here when its <c>datacontenttype</c> is JSON. Setting it clears <see cref="BinaryData"/>.
    /// </summary>
    public ReadOnlyMemory<byte> RawData
    {
        get => _dataIsBinary ? default : _data;
        init
        {
            _data = value;
            _dataIsBinary = false;
        }
    }

    /// <summary>
    /// A CloudEvent's data that is not JSON, as bytes: <c>data_base64</c> decoded, or the body of a binary-mode
    /// request, when the <c>datacontenttype</c> is not JSON (or, for a type the catalog does not know, absent).
    /// Empty otherwise. Setting it clears <see cref="RawData"/>.
    /// </summary>
    public ReadOnlyMemory<byte> BinaryData
    {
        get => _dataIsBinary ? _data : default;
        init
        {
            _data = value;
            _dataIsBinary = true;
        }
    }

    /// <summary>The catalog entry of this event's type, or <see langword="null"/> for a type the catalog does not know.</summary>
    public virtual MediaEventType? KnownType => null;

    /// <summary>The typed data of a known event, else <see langword="null"/>.</summary>
    public virtual object? TypedData => null;

    /// <summary>Whether the catalog knows this event's type.</summary>
    public bool IsKnown => KnownType is not null;

    /// <summary>Parses <see cref="RawData"/> into a <see cref="JsonElement"/> (undefined when there was no data).</summary>
    public JsonElement GetRawDataElement()
    {
        if (RawData.IsEmpty)
        {
            return default;
        }

        using JsonDocument document = JsonDocument.Parse(RawData, new JsonDocumentOptions { MaxDepth = int.MaxValue });
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Writes <c>data</c>: a known event's typed data through the generated writer (spec property names, spec
    /// types, unknown members kept), an unknown event's data with the tokens it arrived with (in the writer's
    /// formatting), and <c>null</c> when there was none or it is not JSON (<see cref="BinaryData"/>, which a
    /// CloudEvent carries as <c>data_base64</c>).
    /// </summary>
    public virtual void WriteData(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (RawData.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else
        {
            RawJson.Write(writer, RawData.Span);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{EventType} {Id} ({Subject})";
}

/// <summary>An event of a type the catalog knows, with its data read into <typeparamref name="TData"/>.</summary>
/// <typeparam name="TData">The generated data type of the event type.</typeparam>
public sealed class MediaEvent<TData> : MediaEvent
    where TData : class
{
    /// <summary>
    /// Creates a typed event (the reader does this; so can tests of a visitor), its envelope set by an object
    /// initializer: <c>new MediaEvent&lt;MediaJobFinishedEventData&gt;(MediaEventTypes.JobFinishedType, data) { Id = "1", Subject = "…" }</c>.
    /// <see cref="MediaEventType{TData}.CreateEvent(TData, string, DateTimeOffset?, string, string)"/> fills the envelope as the service does.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> or <paramref name="data"/> is null.</exception>
    public MediaEvent(MediaEventType<TData> type, TData data)
        : base((type ?? throw new ArgumentNullException(nameof(type))).Name)
    {
        Type = type;
        Data = data ?? throw new ArgumentNullException(nameof(data));
    }

    [SetsRequiredMembers]
    internal MediaEvent(MediaEventType<TData> type, TData data, in MediaEventEnvelope envelope)
        : base(type.Name, envelope)
    {
        Type = type;
        Data = data;
    }

    /// <summary>The catalog entry of this event's type.</summary>
    public MediaEventType<TData> Type { get; }

    /// <summary>The event's data, read as the spec describes it.</summary>
    public TData Data { get; }

    /// <inheritdoc />
    public override MediaEventType? KnownType => Type;

    /// <inheritdoc />
    public override object? TypedData => Data;

    /// <inheritdoc />
    public override void WriteData(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Type.WriteData(writer, Data);
    }
}
