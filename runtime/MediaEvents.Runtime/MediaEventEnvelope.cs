using System;
using System.Text;
using MediaEvents.Json;

namespace MediaEvents;

/// <summary>The envelope members of one event while it is being read, before its data is.</summary>
internal struct MediaEventEnvelope
{
    public string? Id;

    // The id's bytes when it was read as ASCII and is decoded on first use (then Id is null).
    public ReadOnlyMemory<byte> AsciiId;
    public string? EventType;
    public string? EventTypeMember;
    public MediaEventType? KnownType;
    public string? Subject;
    public string? Source;
    public DateTimeOffset? Time;
    public string? DataVersion;
    public string? MetadataVersion;
    public string? SpecVersion;
    public string? DataContentType;
    public string? DataSchema;
    public JsonMembers? UnknownMembers;
    public ReadOnlyMemory<byte> RawData;

    // RawData holds bytes that are not JSON (MediaEvent.BinaryData): data_base64 or a binary-mode body of another type.
    public bool DataIsBinary;

    public readonly bool HasId => Id is not null || !AsciiId.IsEmpty;

    public readonly string? GetId() => Id ?? (AsciiId.IsEmpty ? null : Encoding.ASCII.GetString(AsciiId.Span));

    public readonly MediaEventSchema Schema => SpecVersion is not null ? MediaEventSchema.CloudEvents : MediaEventSchema.EventGrid;
}
