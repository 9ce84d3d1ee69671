using System;
using System.Text.Json;

namespace MediaEvents.Json;

public static partial class MediaJson
{
    /// <summary>
    /// Reads a free-form value (one the spec does not type), the reader on its first token, and leaves the reader on
    /// its last token. A slice of the context's buffer when there is one, else a copy; <see langword="null"/> for
    /// JSON null. Fails, like <see cref="ReadRawValue"/>, when the value nests deeper than the context allows.
    /// </summary>
    /// <exception cref="MediaJsonException">The reader is not on a value, or the value nests too deep.</exception>
    public static RawJsonValue? ReadRawJsonValue(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        // The kind comes from the first token, so the bytes need no second pass.
        JsonValueKind kind = RawJsonValue.KindOf(reader.TokenType);
        if (kind == JsonValueKind.Null)
        {
            return null;
        }

        if (kind == JsonValueKind.Undefined)
        {
            throw Unexpected(ref reader, "a JSON value");
        }

        return new RawJsonValue(ReadRawValue(ref reader, context), kind);
    }

    /// <summary>Writes a free-form value back, token by token, in the writer's formatting.</summary>
    public static void WriteRawJsonValue(Utf8JsonWriter writer, RawJsonValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.WriteTo(writer);
    }
}
