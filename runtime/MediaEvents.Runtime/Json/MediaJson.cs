using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// The tolerant value readers and the writers that generated code stands on. Reading follows how the service
/// really behaves rather than the letter of the spec: a JSON number where the spec says string is read as its
/// text, a string holding a number where the spec says integer is read as the number. Anything else that does not
/// fit throws a <see cref="MediaJsonException"/> that says what was expected and what was found.
/// </summary>
/// <remarks>
/// While <see cref="MediaEventReader"/> reads an event of a delivery, a value that does not fit fails the event
/// without an exception: the failure is recorded for the event, the value is read as absent and the reader goes on
/// to the event's end. A delivery of bad values then costs about what a delivery of good ones does.
/// </remarks>
public static partial class MediaJson
{
    private const int StackBufferSize = 256;

    // Numbers as JSON writes them: sign, fraction, exponent. For integers this takes an integral value written with a
    // fraction or exponent (86.0, 1e3): the value is what counts, and 2.5 still fails.
    private const NumberStyles JsonNumberStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>
    /// Reads a string; a number, boolean, object or array is read as its JSON text (the service sends some members
    /// the spec calls strings as objects, such as the <c>authorization</c> of resource events).
    /// <see langword="null"/> for JSON null.
    /// </summary>
    public static string? ReadString(ref Utf8JsonReader reader) => ReadString(ref reader, MediaJsonReadContext.Unlimited);

    /// <summary>
    /// Reads a string like <see cref="ReadString(ref Utf8JsonReader)"/>; when reading a delivery, a short value
    /// that repeats across events is the same string instance rather than a new one.
    /// </summary>
    public static string? ReadString(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        if (context.Strings is { } strings && reader.TokenType is JsonTokenType.String or JsonTokenType.Number && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return strings.GetString(reader.ValueSpan);
        }

        return reader.TokenType switch
        {
            JsonTokenType.String => GetString(ref reader),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            JsonTokenType.StartObject or JsonTokenType.StartArray => Encoding.UTF8.GetString(ReadRawValue(ref reader, context).Span),
            _ => throw Unexpected(ref reader, "a string"),
        };
    }

    /// <summary>
    /// Reads a 64-bit integer from a number or from a string holding one (no spaces). An integral value written with
    /// a fraction or exponent (<c>86.0</c>, <c>1e3</c>) is read as that integer; a fraction (<c>2.5</c>) or a value
    /// beyond the range of <see cref="long"/> fails. <see langword="null"/> for JSON null.
    /// </summary>
    /// <exception cref="MediaJsonException">The value is not an integer in the range of <see cref="long"/>.</exception>
    public static long? ReadInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) ? value : ReadNumber<long>(ref reader, "an integer (int64)");

    /// <summary>
    /// Reads a 32-bit integer from a number or from a string holding one (no spaces). An integral value written with
    /// a fraction or exponent (<c>86.0</c>, <c>1e3</c>) is read as that integer; a fraction (<c>2.5</c>) or a value
    /// beyond the range of <see cref="int"/> (<c>2147483648</c>) fails. <see langword="null"/> for JSON null.
    /// </summary>
    /// <exception cref="MediaJsonException">The value is not an integer in the range of <see cref="int"/>.</exception>
    public static int? ReadInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value) ? value : ReadNumber<int>(ref reader, "an integer (int32)");

    /// <summary>
    /// Reads a double from a number or from a string holding one (no spaces). <see langword="null"/> for JSON null.
    /// JSON has no NaN or infinities, and every value read must write back: the strings <c>"NaN"</c>,
    /// <c>"Infinity"</c> and <c>"-Infinity"</c> (in any case) fail, and so does a number beyond the range of a double
    /// (<c>1e400</c>) rather than becoming an infinity. A number too small to tell from zero (<c>1e-400</c>) reads as 0.
    /// </summary>
    /// <exception cref="MediaJsonException">The value is not a finite number.</exception>
    public static double? ReadDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value) && double.IsFinite(value) ? value : ReadNumber<double>(ref reader, "a number");

    // A number token or a string holding exactly a finite number (no spaces), parsed from its UTF-8 text.
    private static T? ReadNumber<T>(ref Utf8JsonReader reader, string expected)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String
            && TryParseText(ref reader, 0, static (ReadOnlySpan<byte> text, int _, out T value) => T.TryParse(text, JsonNumberStyles, CultureInfo.InvariantCulture, out value), out T parsed)
            && T.IsFinite(parsed))
        {
            return parsed;
        }

        string reason = UnexpectedReason(ref reader, expected);
        Reject(ref reader, reader.TokenType is JsonTokenType.Number or JsonTokenType.String && IsOutOfRange<T>(ref reader) ? reason + " (out of range)" : reason);
        return null;
    }

    // Whether the number (or the string holding one) that failed to read as T is too large for T rather than not a
    // number at all or not an integer: said in the failure, where "found the number 1e400" alone would puzzle.
    private static bool IsOutOfRange<T>(ref Utf8JsonReader reader)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        TryParseText(ref reader, 0, static (ReadOnlySpan<byte> text, int _, out bool outOfRange) =>
        {
            // Digits only: the literal "Infinity" is not a number, however double.TryParse reads it.
            ReadOnlySpan<byte> unsigned = text.Length > 0 && text[0] is (byte)'-' or (byte)'+' ? text[1..] : text;
            double max = double.CreateTruncating(T.MaxValue) + 1;
            double min = double.CreateTruncating(T.MinValue) - 1;
            outOfRange = unsigned.Length > 0 && char.IsAsciiDigit((char)unsigned[0])
                && double.TryParse(text, JsonNumberStyles, CultureInfo.InvariantCulture, out double number)
                && (number >= max || number <= min);
            return true;
        }, out bool outOfRange);
        return outOfRange;
    }

    /// <summary>Reads a boolean from <c>true</c>/<c>false</c> or a string holding one. <see langword="null"/> for JSON null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                if (TryParseText(ref reader, 0, static (ReadOnlySpan<byte> text, int _, out bool value) =>
                    {
                        value = Ascii.EqualsIgnoreCase(text, "true"u8);
                        return value || Ascii.EqualsIgnoreCase(text, "false"u8);
                    }, out bool parsed))
                {
                    return parsed;
                }

                break;
            case JsonTokenType.Null:
                return null;
        }

        RejectUnexpected(ref reader, "a boolean");
        return null;
    }

    /// <summary>
    /// Reads an ISO 8601 date and time. A value without an offset is taken as UTC, as both Event Grid and
    /// CloudEvents define their times; so is a date alone (<c>2018-04-20</c>, midnight UTC). An explicit offset is
    /// kept. Fractional seconds beyond the seven digits of a tick are cut, not rounded. <see langword="null"/> for
    /// JSON null.
    /// </summary>
    /// <exception cref="MediaJsonException">The value is not a string holding a date and time.</exception>
    public static DateTimeOffset? ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && TryReadTimestamp(ref reader, out DateTimeOffset value))
        {
            return value;
        }

        RejectUnexpected(ref reader, "an ISO 8601 date and time");
        return null;
    }

    /// <summary>Reads the string token the reader is on as a timestamp; no offset means UTC.</summary>
    internal static bool TryReadTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && IsoTimestamp.TryParse(reader.ValueSpan, out value))
        {
            return true;
        }

        // One parse for the usual forms: no offset (UTC by definition) and 'Z'. Only an explicit offset
        // needs the second parse that keeps it.
        if (reader.TryGetDateTime(out DateTime parsed) && parsed.Kind != DateTimeKind.Local)
        {
            value = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified), TimeSpan.Zero);
            return true;
        }

        if (reader.TryGetDateTimeOffset(out value))
        {
            return true;
        }

        // Not the strict ISO 8601 profile System.Text.Json reads (e.g. a space instead of 'T'): try the general parser.
        return DateTimeOffset.TryParse(
            reader.GetString(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);
    }

    /// <summary>
    /// Reads a JSON array into a <see cref="ValueList{T}"/>; <see langword="null"/> for JSON null. Fails, like
    /// <see cref="SkipValue"/>, when the array starts deeper than the context allows.
    /// </summary>
    public static ValueList<T>? ReadList<T>(ref Utf8JsonReader reader, MediaJsonReadContext context, MediaJsonValueReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        return ReadList<T, ItemReader<T>>(ref reader, context, new ItemReader<T>(readItem));
    }

    /// <summary>
    /// Reads a JSON object of values into a <see cref="ValueMap{TValue}"/>; <see langword="null"/> for JSON null.
    /// Fails, like <see cref="SkipValue"/>, when the object starts deeper than the context allows.
    /// </summary>
    public static ValueMap<TValue>? ReadMap<TValue>(ref Utf8JsonReader reader, MediaJsonReadContext context, MediaJsonValueReader<TValue> readValue)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        return ReadMap<TValue, ItemReader<TValue>>(ref reader, context, new ItemReader<TValue>(readValue));
    }

    /// <summary>
    /// Reads a member the spec does not define, the reader on its name, into <paramref name="members"/>, keeping the
    /// value's raw JSON. Fails when the value nests deeper than the context allows, and when a member of the same
    /// name was read before, unless <see cref="MediaJsonReadContext.AllowDuplicateMembers"/> lets the last value
    /// replace the earlier one (in the earlier one's place). Pass <see langword="null"/> for a new object: the list
    /// made then finds a repeated name without searching every member.
    /// </summary>
    /// <exception cref="MediaJsonException">The value nests too deep, or the name repeats.</exception>
    public static void ReadUnknownMember(ref Utf8JsonReader reader, MediaJsonReadContext context, ref List<JsonMember>? members)
    {
        string name = GetString(ref reader);
        members ??= new UnknownMemberList();
        int earlier = members is UnknownMemberList list ? list.IndexOfOrAdd(name) : UnknownMemberList.IndexOf(members, name);
        if (earlier >= 0 && !context.AllowDuplicateMembers)
        {
            RejectDuplicateMember(ref reader, name);
        }

        Advance(ref reader);
        ReadOnlyMemory<byte> raw;
        try
        {
            raw = ReadRawValue(ref reader, context);
        }
        catch (MediaJsonException exception)
        {
            throw exception.InProperty(name);
        }

        if (earlier >= 0)
        {
            members[earlier] = new JsonMember(name, raw);
        }
        else
        {
            members.Add(new JsonMember(name, raw));
        }
    }

    /// <summary>
    /// Returns the raw JSON of the value the reader is on and leaves the reader on its last token. A slice of the
    /// context's buffer when there is one, else a copy.
    /// </summary>
    public static ReadOnlyMemory<byte> ReadRawValue(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        if (context.Buffer.IsEmpty)
        {
            Utf8JsonReader scout = reader;
            SkipValue(ref scout, context);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            return Encoding.UTF8.GetBytes(document.RootElement.GetRawText());
        }

        int start = checked((int)reader.TokenStartIndex);
        SkipValue(ref reader, context);
        int end = checked((int)reader.BytesConsumed);
        return context.Buffer[start..end];
    }

    /// <summary>Skips the value the reader is on, failing when it nests deeper than the context allows.</summary>
    public static void SkipValue(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        int depth = reader.CurrentDepth;
        CheckDepth(ref reader, context);
        while (true)
        {
            JsonTokenType token = Advance(ref reader);
            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                CheckDepth(ref reader, context);
            }
            else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == depth)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Fails unless the reader is on the start of an object. (While an event of a delivery is read, the failure is
    /// the event's, and the value is skipped: the reader is on its last token, which is not the start of an object.)
    /// </summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            RejectUnexpected(ref reader, "an object");
        }
    }

    /// <summary>
    /// Fails unless the reader is on the start of an object that starts no deeper than the context allows: a type
    /// that holds itself is read by recursion, and the limit keeps a deep event from exhausting the stack.
    /// </summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        ExpectStartObject(ref reader);
        CheckDepth(ref reader, context);
    }

    /// <summary>Moves to the next token; the input is known to be complete, so running out of it is malformed JSON.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static JsonTokenType Advance(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            ThrowEndOfInput();
        }

        return reader.TokenType;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowEndOfInput() => throw new JsonException("The JSON ends in the middle of a value.");

    // The string or property name at the reader; text that is not UTF-8 fails where it is, like any other bad value.
    private static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException) when (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            throw NotUtf8();
        }
    }

    /// <summary>
    /// Decodes the UTF-8 text of a string value. Bytes that are not UTF-8 fail, where decoding would turn them
    /// into U+FFFD and change the value without a word.
    /// </summary>
    /// <exception cref="MediaJsonException">The bytes are not UTF-8.</exception>
    public static string DecodeUtf8(ReadOnlySpan<byte> utf8) =>
        System.Text.Unicode.Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : throw NotUtf8();

    // The failure for string bytes that are not UTF-8 (the caller adds the path).
    private static MediaJsonException NotUtf8() => new MediaJsonException("the string is not valid UTF-8");

    /// <summary>
    /// Fails for a required property that is absent from the object being made; while an event of a delivery is
    /// read, the failure is the event's and the property is read as its default. For the generated
    /// <c>Create</c>: <c>Name = name ?? MediaJson.MissingRequired&lt;string&gt;("name")</c>.
    /// </summary>
    /// <exception cref="MediaJsonException">The property is missing (outside the reading of a delivery).</exception>
    public static T MissingRequired<T>(string propertyName)
    {
        string reason = $"the required property '{propertyName}' is missing";
        if (DeferredFailure.Armed is not { } failure)
        {
            throw new MediaJsonException(reason);
        }

        failure.RecordAtObject(reason);
        return default!;
    }

    /// <summary>
    /// Fails for a value that is null where the spec requires one, the reader on it; while an event of a delivery
    /// is read, the failure is the event's and the value is read as its default. For generated readers:
    /// <c>weight = MediaJson.ReadDouble(ref reader) ?? MediaJson.NullNotAllowed&lt;double&gt;(ref reader)</c>.
    /// </summary>
    /// <exception cref="MediaJsonException">The value is null (outside the reading of a delivery).</exception>
    public static T NullNotAllowed<T>(ref Utf8JsonReader reader)
    {
        Reject(ref reader, NullNotAllowedReason);
        return default!;
    }

    private const string NullNotAllowedReason = "expected a value, found null";

    /// <summary>The failure for a member that appears more than once in its object (the caller adds the path).</summary>
    internal static MediaJsonException DuplicateMember(string name) => new MediaJsonException(DuplicateMemberReason(name));

    private static string DuplicateMemberReason(string name) =>
        $"the member '{name}' appears more than once (MediaEventReaderOptions.AllowDuplicateMembers accepts the last)";

    /// <summary>
    /// Fails for a member name met again in its object, the reader on the name; while an event of a delivery is
    /// read, the failure is the event's and reading goes on (the last value is read).
    /// </summary>
    internal static void RejectDuplicateMember(ref Utf8JsonReader reader, string name)
    {
        if (DeferredFailure.Armed is not { } failure)
        {
            throw DuplicateMember(name).InProperty(name);
        }

        if (!failure.IsSet)
        {
            failure.Record(DuplicateMemberReason(name), ref reader);
        }
    }

    /// <summary>
    /// Fails for the value at the reader: while an event of a delivery is read, records the failure for the event
    /// (unless it failed before) and leaves the reader on the value's last token, for the caller to read the value as
    /// absent; otherwise throws.
    /// </summary>
    /// <exception cref="MediaJsonException">Always, outside the reading of a delivery.</exception>
    internal static void Reject(ref Utf8JsonReader reader, string reason)
    {
        if (DeferredFailure.Armed is not { } failure)
        {
            throw new MediaJsonException(reason);
        }

        failure.Record(reason, ref reader);
        SkipRejected(ref reader);
    }

    /// <summary>Fails like <see cref="Reject"/> for a value of the wrong kind: names what was expected and what was found.</summary>
    internal static void RejectUnexpected(ref Utf8JsonReader reader, string expected)
    {
        if (DeferredFailure.Armed is not { } failure)
        {
            throw Unexpected(ref reader, expected);
        }

        // The reason is built for the event's first failure only: a later one is read past, not reported.
        if (!failure.IsSet)
        {
            failure.Record(UnexpectedReason(ref reader, expected), ref reader);
        }

        SkipRejected(ref reader);
    }

    // A rejected object or array is read past as a whole: the reader ends on its last token, as a read would.
    private static void SkipRejected(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    /// <summary>
    /// The value of the discriminator member of the object the reader is on, wherever it sits in the object, or
    /// <see langword="null"/> when absent or not a string (when reading a delivery, from the table of repeated
    /// strings). The reader itself does not move. When the member repeats, the first is taken, as the object fails
    /// for it anyway; where the context accepts duplicates, the last, as the object's member then holds the last.
    /// </summary>
    public static string? PeekDiscriminator(ref Utf8JsonReader reader, MediaJsonPropertyNames discriminator, MediaJsonReadContext context)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        Utf8JsonReader scout = reader;
        int depth = scout.CurrentDepth;
        string? found = null;
        while (scout.Read() && scout.CurrentDepth > depth)
        {
            bool match = discriminator.Match(ref scout) == 0;
            if (!scout.Read())
            {
                break;
            }

            if (match)
            {
                found = scout.TokenType == JsonTokenType.String ? ReadString(ref scout, context) : null;
                if (!context.AllowDuplicateMembers)
                {
                    return found;
                }
            }

            if (!scout.TrySkip())
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The failure for a value of the wrong kind: names what was expected and what was found.</summary>
    public static MediaJsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new MediaJsonException(UnexpectedReason(ref reader, expected));

    private static string UnexpectedReason(ref Utf8JsonReader reader, string expected) => $"expected {expected}, found {Describe(ref reader)}";

    /// <summary>
    /// Writes a double as a JSON number. JSON has no NaN or infinities: such a value fails here with a message that
    /// says so. (<see cref="Utf8JsonWriter.WriteNumberValue(double)"/> throws an <see cref="ArgumentException"/> for
    /// them too, but advises a <c>JsonNumberHandling</c> option that converters writing through a
    /// <see cref="Utf8JsonWriter"/> do not consult.) <see cref="ReadDouble"/> never returns such a value.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or an infinity.</exception>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(
                $"{value.ToString(CultureInfo.InvariantCulture)} cannot be written as JSON: a JSON number is finite (JSON has no NaN or Infinity).",
                nameof(value));
        }

        writer.WriteNumberValue(value);
    }

    /// <summary>Writes a list with the item writer; nothing for null.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> list, MediaJsonValueWriter<T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(writeItem);
        writer.WriteStartArray();
        foreach (T item in list)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map as a JSON object with the value writer.</summary>
    public static void WriteMap<TValue>(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue> map, MediaJsonValueWriter<TValue> writeValue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(writeValue);
        writer.WriteStartObject();
        foreach (KeyValuePair<string, TValue> entry in map)
        {
            writer.WritePropertyName(entry.Key);
            writeValue(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    private static void CheckDepth(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth > context.MaxReaderDepth)
        {
            throw new MediaJsonException("the value nests deeper than the maximum depth allowed for an event (MediaEventReaderOptions.MaxDepth)");
        }
    }

    private delegate bool Utf8TextParser<TState, T>(ReadOnlySpan<byte> text, TState state, out T value);

    // The token's text, unescaped when it has to be, handed to the parser.
    private static bool TryParseText<TState, T>(ref Utf8JsonReader reader, TState state, Utf8TextParser<TState, T> parse, out T value)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return parse(reader.ValueSpan, state, out value);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return parse(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan, state, out value);
        }

        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        Span<byte> buffer = length <= StackBufferSize ? stackalloc byte[StackBufferSize] : new byte[length];
        int written = reader.CopyString(buffer);
        return parse(buffer[..written], state, out value);
    }

    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "an array";
            case JsonTokenType.String:
                string text = reader.GetString()!;
                return "the string \"" + (text.Length > 40 ? text[..40] + "…" : text) + "\"";
            case JsonTokenType.Number:
                ReadOnlySpan<byte> number = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                return "the number " + Encoding.UTF8.GetString(number[..Math.Min(number.Length, 40)]);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            default:
                return reader.TokenType.ToString();
        }
    }
}
