using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

// An event's envelope, in the Event Grid schema or CloudEvents 1.0 (told apart by their members, in one pass), and
// its data, read as the catalogue's type for its event type.
public sealed partial class MediaEventReader
{
    // The event, or null when a value failed (recorded in failure) or the envelope lacks what its schema requires
    // (then fault says what): the reader is at the event's end either way. What the value readers cannot read past
    // (nesting too deep, text that is not UTF-8, malformed JSON) throws, MediaJsonException with its path.
    private MediaEvent? ReadEnvelopeAndData(ref Utf8JsonReader reader, MediaJsonReadContext context, DeferredFailure failure, out EnvelopeFault fault)
    {
        fault = default;
        var envelope = default(MediaEventEnvelope);
        bool hasData = false;
        bool dataIsNull = false;
        int dataStart = 0;
        object? data = null;
        byte[]? dataBase64 = null;
        List<JsonMember>? unknown = null;
        SeenMembers seen = default;
        string? member = null;
        try
        {
            while (MediaJson.Advance(ref reader) != JsonTokenType.EndObject)
            {
                EnvelopeMember property = MatchEnvelopeMember(ref reader);
                if (property == EnvelopeMember.None)
                {
                    member = null;
                    MediaJson.ReadUnknownMember(ref reader, context, ref unknown);
                    continue;
                }

                member = NameOf(property);
                if (!seen.Add((int)property) && !context.AllowDuplicateMembers)
                {
                    // The event fails; its first id and type are the ones it is reported with.
                    MediaJson.RejectDuplicateMember(ref reader, member);
                    MediaJson.Advance(ref reader);
                    MediaJson.SkipValue(ref reader, context);
                    continue;
                }

                MediaJson.Advance(ref reader);
                switch (property)
                {
                    case EnvelopeMember.Id:
                        ReadId(ref reader, context, ref envelope);
                        break;
                    case EnvelopeMember.EventType:
                    case EnvelopeMember.Type:
                        // Data read as the type of an earlier, repeated one is read again as the last one's.
                        data = ReadEventType(ref reader, ref envelope, member) ? data : null;
                        break;
                    case EnvelopeMember.Subject:
                        envelope.Subject = ReadEnvelopeString(ref reader, context);
                        break;
                    case EnvelopeMember.Topic:
                    case EnvelopeMember.Source:
                        envelope.Source = ReadEnvelopeString(ref reader, context);
                        break;
                    case EnvelopeMember.EventTime:
                    case EnvelopeMember.Time:
                        envelope.Time = ReadTime(ref reader);
                        break;
                    case EnvelopeMember.Data:
                        hasData = true;
                        dataIsNull = reader.TokenType == JsonTokenType.Null;
                        dataStart = checked((int)reader.TokenStartIndex);

                        // Usually the type precedes the data, and the data is read in the same pass.
                        if (envelope.KnownType is not null && !dataIsNull)
                        {
                            data = envelope.KnownType.ReadDataObject(ref reader, context);
                        }
                        else
                        {
                            MediaJson.SkipValue(ref reader, context);
                        }

                        envelope.RawData = context.Buffer[dataStart..checked((int)reader.BytesConsumed)];
                        break;
                    case EnvelopeMember.DataVersion:
                        envelope.DataVersion = Intern(ref reader, "1.0"u8, "1.0");
                        break;
                    case EnvelopeMember.MetadataVersion:
                        envelope.MetadataVersion = Intern(ref reader, "1"u8, "1");
                        break;
                    case EnvelopeMember.SpecVersion:
                        envelope.SpecVersion = Intern(ref reader, "1.0"u8, "1.0");
                        break;
                    case EnvelopeMember.DataContentType:
                        envelope.DataContentType = Intern(ref reader, "application/json"u8, "application/json");
                        break;
                    case EnvelopeMember.DataSchema:
                        envelope.DataSchema = ReadEnvelopeString(ref reader);
                        break;
                    case EnvelopeMember.DataBase64:
                        dataBase64 = ReadDataBase64(ref reader);
                        break;
                }
            }

            member = null;
            if (failure.IsSet)
            {
                fault = EnvelopeFault.Identity(envelope);
                return null;
            }

            if (envelope.EventType is null || !envelope.HasId)
            {
                fault = EnvelopeFault.Incomplete(envelope);
                return null;
            }

            envelope.UnknownMembers = JsonMembers.From(unknown);
            if (dataBase64 is not null)
            {
                member = NameOf(EnvelopeMember.DataBase64);
                return ReadDataBase64(ref envelope, dataBase64, hasData && !dataIsNull, context.MaxReaderDepth - reader.CurrentDepth - 1, context.Strings);
            }

            if (envelope.KnownType is null)
            {
                return new MediaEvent(envelope.EventType, envelope);
            }

            if (!hasData || dataIsNull)
            {
                fault = EnvelopeFault.WithoutData(envelope, hasData);
                return null;
            }

            if (data is null)
            {
                // The data came before the type: read it now from its slice.
                member = "data";
                var dataReader = new Utf8JsonReader(envelope.RawData.Span, s_readerOptions);
                dataReader.Read();
                var dataContext = new MediaJsonReadContext(context.MaxReaderDepth - reader.CurrentDepth - 1, envelope.RawData, context.Strings, context.AllowDuplicateMembers);
                failure.SetSliceOffset(dataStart);
                data = envelope.KnownType.ReadDataObject(ref dataReader, dataContext);
                if (failure.IsSet)
                {
                    fault = EnvelopeFault.Identity(envelope);
                    return null;
                }
            }

            return envelope.KnownType.CreateEvent(data, envelope);
        }
        catch (MediaJsonException exception) when (member is not null)
        {
            throw exception.InProperty(member);
        }
    }

    // False when the event type replaces an earlier one of the same member (where duplicates are accepted).
    private bool ReadEventType(ref Utf8JsonReader reader, ref MediaEventEnvelope envelope, string member)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            MediaJson.RejectUnexpected(ref reader, "the event type as a string");
            return true;
        }

        // Both names at once is no duplicate: the event is in neither schema, whatever the options.
        bool first = envelope.EventTypeMember is null;
        if (!first && !ReferenceEquals(envelope.EventTypeMember, member))
        {
            MediaJson.Reject(ref reader, $"the event has both '{envelope.EventTypeMember}' and '{member}'");
            return true;
        }

        envelope.EventTypeMember = member;
        MediaEventType? known = reader.ValueIsEscaped ? _catalog.Find(reader.GetString()!) : _catalog.Find(reader.ValueSpan);
        envelope.KnownType = known;

        // A known type reuses the catalogue's string: dispatch allocates nothing for the type name.
        envelope.EventType = known is not null && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(known.Utf8Name) ? known.Name : reader.GetString();
        return first;
    }

    // Ids are unique: caching them would only push out strings that repeat. An ASCII id (a GUID, always, from the
    // service) is kept as its bytes and decoded when first asked for; anything else is decoded now, which also
    // checks that it is UTF-8.
    private static void ReadId(ref Utf8JsonReader reader, MediaJsonReadContext context, ref MediaEventEnvelope envelope)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0 && !context.Buffer.IsEmpty && Ascii.IsValid(reader.ValueSpan))
        {
            envelope.Id = null;
            envelope.AsciiId = context.Buffer.Slice(checked((int)reader.TokenStartIndex) + 1, reader.ValueSpan.Length);
        }
        else
        {
            envelope.Id = ReadEnvelopeString(ref reader);
            envelope.AsciiId = default;
        }
    }

    // Tolerant like the data: a number or boolean where the envelope has a string (e.g. "dataVersion": 1) is its text.
    // The envelope's strings are strings: unlike a data member, an object there is not read as its JSON text.
    private static string? ReadEnvelopeString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            MediaJson.RejectUnexpected(ref reader, "a string");
            return null;
        }

        return MediaJson.ReadString(ref reader);
    }

    // Topic, source and subject repeat across events: the string table keeps them.
    private static string? ReadEnvelopeString(ref Utf8JsonReader reader, MediaJsonReadContext context) =>
        reader.TokenType == JsonTokenType.String ? MediaJson.ReadString(ref reader, context) : ReadEnvelopeString(ref reader);

    private static string? Intern(ref Utf8JsonReader reader, ReadOnlySpan<byte> commonUtf8, string common) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(commonUtf8)
            ? common
            : ReadEnvelopeString(ref reader);

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && MediaJson.TryReadTimestamp(ref reader, out DateTimeOffset time))
        {
            return time;
        }

        MediaJson.RejectUnexpected(ref reader, "an ISO 8601 date and time such as \"2018-04-20T21:26:13.8978772Z\"");
        return null;
    }
}
