using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MediaEvents.Json;

/// <summary>
/// A JSON value the spec leaves free-form, kept as the UTF-8 JSON it arrived as and written back unchanged (in the
/// writer's formatting). Two values are equal when they have the same tokens: whitespace, comments and string
/// escapes do not make them different; numbers are compared by their text (<c>1.0</c> is not <c>1</c>) and members
/// in their order (<c>{"a":1,"b":2}</c> is not <c>{"b":2,"a":1}</c>).
/// JSON null is not a value of this type: a null member is a <see langword="null"/> reference.
/// </summary>
public sealed class RawJsonValue : IEquatable<RawJsonValue>
{
    // As strict as JSON itself; depth is left to the readers that produce values and the writers that take them.
    private static readonly JsonReaderOptions s_strict = new() { MaxDepth = int.MaxValue };

    // Values read through a lenient reader (a serializer that skips comments) may carry comments inside: RawJson
    // skips them, and so does parsing.
    private static readonly JsonReaderOptions s_lenient = new() { MaxDepth = int.MaxValue, CommentHandling = JsonCommentHandling.Skip };

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Bytes known to hold exactly one JSON value of this kind: from a reader that has just read it.
    internal RawJsonValue(ReadOnlyMemory<byte> utf8Json, JsonValueKind valueKind)
    {
        Utf8Json = utf8Json;
        ValueKind = valueKind;
    }

    /// <summary>The value's UTF-8 JSON, as it arrived.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>What the value is: an object, array, string, number, <c>true</c> or <c>false</c>.</summary>
    public JsonValueKind ValueKind { get; }

    /// <summary>
    /// Parses JSON text that holds exactly one JSON value (whitespace around it is allowed and not kept).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The text is not exactly one JSON value (empty, malformed, comments, trailing content), is JSON null, or holds
    /// a lone surrogate.
    /// </exception>
    public static RawJsonValue Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8;
        try
        {
            utf8 = s_utf8.GetBytes(json);
        }
        catch (EncoderFallbackException exception)
        {
            throw new ArgumentException("The JSON text holds a lone surrogate, which has no UTF-8 form.", nameof(json), exception);
        }

        return Validate(utf8, nameof(json), copy: false);
    }

    /// <summary>
    /// Creates a value from UTF-8 JSON that holds exactly one JSON value (whitespace around it is allowed and not
    /// kept). The bytes are copied, so that later changes to <paramref name="utf8Json"/> cannot change the value.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The bytes are not UTF-8, are not exactly one JSON value (empty, malformed, comments, trailing content), or are
    /// JSON null.
    /// </exception>
    public static RawJsonValue FromUtf8(ReadOnlyMemory<byte> utf8Json) => Validate(utf8Json, nameof(utf8Json), copy: true);

    /// <summary>
    /// The JSON value kind a token starts, or <see cref="JsonValueKind.Undefined"/> for a token that starts no value
    /// (an end, a property name, a comment).
    /// </summary>
    internal static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    private static RawJsonValue Validate(ReadOnlyMemory<byte> utf8Json, string parameterName, bool copy)
    {
        ReadOnlySpan<byte> utf8 = utf8Json.Span;
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw new ArgumentException("The JSON is not valid UTF-8.", parameterName);
        }

        var reader = new Utf8JsonReader(utf8, s_strict);
        JsonValueKind kind;
        int start;
        int end;
        try
        {
            reader.Read();
            kind = KindOf(reader.TokenType);
            start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            end = checked((int)reader.BytesConsumed);

            // Anything but whitespace after the value throws.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            throw new ArgumentException(
                $"The JSON is not exactly one JSON value: {MediaEventReader.StjMessage(exception.Message)} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).",
                parameterName,
                exception);
        }

        if (kind == JsonValueKind.Null)
        {
            throw new ArgumentException("The JSON is null, which a RawJsonValue does not hold: a null value is a null reference.", parameterName);
        }

        ReadOnlyMemory<byte> value = utf8Json[start..end];
        return new RawJsonValue(copy ? value.ToArray() : value, kind);
    }

    /// <summary>The value as a <see cref="JsonElement"/> of its own, independent of any document (parsed on each call).</summary>
    public JsonElement ToJsonElement()
    {
        var reader = new Utf8JsonReader(Utf8Json.Span, s_lenient);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Deserializes the value with the serializer's metadata for <typeparamref name="T"/> (trim- and AOT-safe).</summary>
    /// <exception cref="JsonException">The value does not fit <typeparamref name="T"/>.</exception>
    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return JsonSerializer.Deserialize(Utf8Json.Span, typeInfo);
    }

    /// <summary>Writes the value through <paramref name="writer"/>, token by token, in the writer's formatting.</summary>
    public void WriteTo(Utf8JsonWriter writer) => RawJson.Write(writer, Utf8Json.Span);

    /// <summary>Whether both values have the same tokens (whitespace, comments and string escapes aside).</summary>
    public bool Equals(RawJsonValue? other) =>
        other is not null && (ReferenceEquals(this, other) || (ValueKind == other.ValueKind && RawJson.TokensEqual(Utf8Json.Span, other.Utf8Json.Span)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RawJsonValue);

    /// <summary>A hash of the value's tokens, consistent with <see cref="Equals(RawJsonValue)"/>.</summary>
    public override int GetHashCode() => RawJson.GetTokensHashCode(Utf8Json.Span);

    /// <summary>The JSON text, as it arrived.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8Json.Span);
}
