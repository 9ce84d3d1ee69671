using System;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

// The members of both envelopes, by name: which member a JSON property is, and how the envelope spells it.
public sealed partial class MediaEventReader
{
    // The names as the envelopes spell them, in the order of EnvelopeMember: a member's value is its index here and
    // in the name table. Both are declared in this one file, the table after the names, because static fields
    // are initialised in the order of their declaration only within one file of a partial class.
    private static readonly string[] s_envelopeMemberNames =
    [
        "id", "eventType", "type", "subject", "topic", "source", "eventTime", "time", "data",
        "dataVersion", "metadataVersion", "specversion", "datacontenttype", "dataschema", "data_base64",
    ];

    private static readonly MediaJsonPropertyNames s_envelopeNames = new(s_envelopeMemberNames);

    /// <summary>
    /// A member of the Event Grid schema, of CloudEvents 1.0, or of both. Where the two name the same thing
    /// differently (<c>eventType</c> and <c>type</c>), each name is a member of its own, so that the event can be
    /// told which name it used.
    /// </summary>
    private enum EnvelopeMember
    {
        /// <summary>Not a member of either envelope: kept among the event's unknown members.</summary>
        None = -1,

        /// <summary><c>id</c>, in both.</summary>
        Id,

        /// <summary><c>eventType</c>, Event Grid schema.</summary>
        EventType,

        /// <summary><c>type</c>, CloudEvents.</summary>
        Type,

        /// <summary><c>subject</c>, in both.</summary>
        Subject,

        /// <summary><c>topic</c>, Event Grid schema.</summary>
        Topic,

        /// <summary><c>source</c>, CloudEvents.</summary>
        Source,

        /// <summary><c>eventTime</c>, Event Grid schema.</summary>
        EventTime,

        /// <summary><c>time</c>, CloudEvents.</summary>
        Time,

        /// <summary><c>data</c>, in both.</summary>
        Data,

        /// <summary><c>dataVersion</c>, Event Grid schema.</summary>
        DataVersion,

        /// <summary><c>metadataVersion</c>, Event Grid schema.</summary>
        MetadataVersion,

        /// <summary><c>specversion</c>, CloudEvents.</summary>
        SpecVersion,

        /// <summary><c>datacontenttype</c>, CloudEvents.</summary>
        DataContentType,

        /// <summary><c>dataschema</c>, CloudEvents.</summary>
        DataSchema,

        /// <summary><c>data_base64</c>, CloudEvents: data that is bytes, in base64, instead of <c>data</c>.</summary>
        DataBase64,
    }

    /// <summary>The member's name as its envelope spells it.</summary>
    private static string NameOf(EnvelopeMember member) => s_envelopeMemberNames[(int)member];

    /// <summary>The envelope member that a property of this name is read as, as its envelope spells it; null for none.</summary>
    internal static string? EnvelopeMemberNamed(string name)
    {
        int index = s_envelopeNames.Match(System.Text.Encoding.UTF8.GetBytes(name));
        return index < 0 ? null : s_envelopeMemberNames[index];
    }

    // The members of both envelopes, by their exact bytes first (constant comparisons the JIT unrolls), then
    // escaped or in another case through the name table.
    private static EnvelopeMember MatchEnvelopeMember(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            ReadOnlySpan<byte> name = reader.ValueSpan;
            EnvelopeMember exact = name.Length switch
            {
                2 when name.SequenceEqual("id"u8) => EnvelopeMember.Id,
                4 when name.SequenceEqual("type"u8) => EnvelopeMember.Type,
                4 when name.SequenceEqual("time"u8) => EnvelopeMember.Time,
                4 when name.SequenceEqual("data"u8) => EnvelopeMember.Data,
                5 when name.SequenceEqual("topic"u8) => EnvelopeMember.Topic,
                6 when name.SequenceEqual("source"u8) => EnvelopeMember.Source,
                7 when name.SequenceEqual("subject"u8) => EnvelopeMember.Subject,
                9 when name.SequenceEqual("eventType"u8) => EnvelopeMember.EventType,
                9 when name.SequenceEqual("eventTime"u8) => EnvelopeMember.EventTime,
                10 when name.SequenceEqual("dataschema"u8) => EnvelopeMember.DataSchema,
                11 when name.SequenceEqual("dataVersion"u8) => EnvelopeMember.DataVersion,
                11 when name.SequenceEqual("specversion"u8) => EnvelopeMember.SpecVersion,
                11 when name.SequenceEqual("data_base64"u8) => EnvelopeMember.DataBase64,
                15 when name.SequenceEqual("metadataVersion"u8) => EnvelopeMember.MetadataVersion,
                15 when name.SequenceEqual("datacontenttype"u8) => EnvelopeMember.DataContentType,
                _ => EnvelopeMember.None,
            };
            if (exact != EnvelopeMember.None)
            {
                return exact;
            }
        }

        return (EnvelopeMember)s_envelopeNames.Match(ref reader);
    }
}
