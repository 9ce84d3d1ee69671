using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MediaEvents.Json;

// What every generated object reader and writer shares: the member loop, and writing a member that may be absent.
public static partial class MediaJson
{
    /// <summary>
    /// Reads the object at the reader: each member the spec defines (matched exactly, then ignoring ASCII case) by its
    /// own reader in <typeparamref name="TMembers"/>, every other member kept as it arrived; then makes the object.
    /// A member that fails names its path; so does a member that appears more than once, unless
    /// <see cref="MediaJsonReadContext.AllowDuplicateMembers"/> lets the last value win. <see langword="null"/> for JSON null.
    /// </summary>
    /// <exception cref="MediaJsonException">The value is not an object, a member's value cannot be read, a member appears more than once, or a required member is missing.</exception>
    /// <remarks>
    /// Generic over the members alone, not the object's type: a method generic over a class is shared by every
    /// class, and shared code gets no profile for the JIT's optimizations; the caller casts the result.
    /// </remarks>
    public static object? ReadObject<TMembers>(ref Utf8JsonReader reader, MediaJsonReadContext context)
        where TMembers : struct, IMediaJsonObject
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                RejectUnexpected(ref reader, "an object");
            }

            return null;
        }

        CheckDepth(ref reader, context);

        // A local of this method, not a reference to one: the values read are stored without write barriers.
        TMembers members = default;
        List<JsonMember>? unknown = null;

        // A member named twice fails (unless the context accepts the last value): a validator that reads the first
        // and a handler that reads the last would otherwise see two different objects. Names that differ only in
        // escapes or ASCII case are one member, as they match one index.
        SeenMembers seen = default;

        // The member being read, for the path of a failure; -1 while an unknown member is read (it names its own).
        int member = -1;
        try
        {
            while (Advance(ref reader) != JsonTokenType.EndObject)
            {
                member = !reader.ValueIsEscaped && !reader.HasValueSequence ? TMembers.MatchExact(reader.ValueSpan) : -1;
                if (member < 0)
                {
                    member = TMembers.Names.Match(ref reader);
                }

                if (member < 0)
                {
                    ReadUnknownMember(ref reader, context, ref unknown);
                    continue;
                }

                if (!seen.Add(member))
                {
                    OnRepeatedMember<TMembers>(member, ref reader, context);
                }

                Advance(ref reader);
                members.ReadMember(member, ref reader, context);
            }
        }
        catch (MediaJsonException exception) when (member >= 0)
        {
            throw exception.InProperty(TMembers.Names.NameAt(member));
        }

        object created = members.Create(JsonMembers.From(unknown));

        // A required member found missing by Create fails at the object, whose end the reader is on.
        if (DeferredFailure.Armed is { NeedsPosition: true } failure)
        {
            failure.LocateAt(ref reader);
        }

        return created;
    }

    // A member met again, the reader on its name: fails unless the context lets the last value win. Out of the loop,
    // which stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OnRepeatedMember<TMembers>(int member, ref Utf8JsonReader reader, MediaJsonReadContext context)
        where TMembers : struct, IMediaJsonObject
    {
        if (context.AllowDuplicateMembers)
        {
            return;
        }

        if (DeferredFailure.Armed is not { } failure)
        {
            throw DuplicateMember(TMembers.Names.NameAt(member));
        }

        if (!failure.IsSet)
        {
            failure.Record(DuplicateMemberReason(TMembers.Names.NameAt(member)), ref reader);
        }
    }

    /// <summary>Reads an extensible enum: a string, or a number's text; <see langword="null"/> for JSON null.</summary>
    /// <exception cref="MediaJsonException">The value is not a string or a number, or not UTF-8.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? ReadEnum<T>(ref Utf8JsonReader reader)
        where T : struct, IMediaJsonEnum<T>
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence:
                return T.FromUtf8(reader.ValueSpan);
            case JsonTokenType.String:
            case JsonTokenType.Number:
                return T.FromString(ReadString(ref reader)!);
            default:
                RejectUnexpected(ref reader, "a string");
                return null;
        }
    }

    /// <summary>
    /// Writes a generated object: the members the spec defines, by <paramref name="writeMembers"/>, then the unknown
    /// members as they arrived.
    /// </summary>
    public static void WriteObject<T>(Utf8JsonWriter writer, T value, JsonMembers? unknownMembers, MediaJsonValueWriter<T> writeMembers)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writeMembers(writer, value);
        unknownMembers?.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes a string member; nothing when it is absent.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes an integer member; nothing when it is absent.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes an integer member; nothing when it is absent.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a number member (as <see cref="WriteDouble"/> does); nothing when it is absent.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            writer.WritePropertyName(name);
            WriteDouble(writer, number);
        }
    }

    /// <summary>Writes a boolean member; nothing when it is absent.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    /// <summary>Writes a date and time member; nothing when it is absent.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time);
        }
    }

    /// <summary>Writes a free-form member back, token by token; nothing when it is absent.</summary>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, RawJsonValue? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            WriteRawJsonValue(writer, value);
        }
    }

    /// <summary>Writes an extensible enum member as it arrived; nothing when it is absent.</summary>
    public static void WriteMember<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value)
        where T : struct, IMediaJsonEnum<T>
    {
        if (value is { } known)
        {
            writer.WriteString(name, known.Value);
        }
    }

    /// <summary>Writes an object member with its writer; nothing when it is absent.</summary>
    public static void WriteMember<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, MediaJsonValueWriter<T> write)
        where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value);
        }
    }

    /// <summary>Writes a list member with the item writer; nothing when it is absent.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? list, MediaJsonValueWriter<T> writeItem)
    {
        if (list is not null)
        {
            writer.WritePropertyName(name);
            WriteList(writer, list, writeItem);
        }
    }

    /// <summary>Writes a map member with the value writer; nothing when it is absent.</summary>
    public static void WriteMap<TValue>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, TValue>? map, MediaJsonValueWriter<TValue> writeValue)
    {
        if (map is not null)
        {
            writer.WritePropertyName(name);
            WriteMap(writer, map, writeValue);
        }
    }
}
