using System;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// Raw JSON values kept as they arrived (unknown members, the data of unknown events), compared and written by
/// their tokens: whitespace, comments and string escapes do not make two values different, and writing follows
/// the writer's own formatting, so a kept value never breaks one-object-per-line output.
/// </summary>
public static class RawJson
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = int.MaxValue };

    /// <summary>Writes a raw JSON value token by token through <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var reader = new Utf8JsonReader(json, s_options);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName when reader.ValueIsEscaped:
                    writer.WritePropertyName(reader.GetString()!);
                    break;
                case JsonTokenType.PropertyName:
                    writer.WritePropertyName(reader.ValueSpan);
                    break;
                case JsonTokenType.String when reader.ValueIsEscaped:
                    writer.WriteStringValue(reader.GetString());
                    break;
                case JsonTokenType.String:
                    writer.WriteStringValue(reader.ValueSpan);
                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                    writer.WriteBooleanValue(true);
                    break;
                case JsonTokenType.False:
                    writer.WriteBooleanValue(false);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
            }
        }
    }

    /// <summary>Whether two raw JSON values have the same tokens (numbers compared by their text).</summary>
    public static bool TokensEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.SequenceEqual(right))
        {
            return true;
        }

        var a = new Utf8JsonReader(left, s_options);
        var b = new Utf8JsonReader(right, s_options);
        while (true)
        {
            bool moreA = a.Read();
            bool moreB = b.Read();
            if (moreA != moreB)
            {
                return false;
            }

            if (!moreA)
            {
                return true;
            }

            if (a.TokenType != b.TokenType)
            {
                return false;
            }

            switch (a.TokenType)
            {
                case JsonTokenType.PropertyName or JsonTokenType.String when a.ValueIsEscaped || b.ValueIsEscaped:
                    if (a.GetString() != b.GetString())
                    {
                        return false;
                    }

                    break;
                case JsonTokenType.PropertyName or JsonTokenType.String or JsonTokenType.Number:
                    if (!a.ValueSpan.SequenceEqual(b.ValueSpan))
                    {
                        return false;
                    }

                    break;
            }
        }
    }

    /// <summary>A hash consistent with <see cref="TokensEqual"/>.</summary>
    public static int GetTokensHashCode(ReadOnlySpan<byte> json)
    {
        var hash = new HashCode();
        var reader = new Utf8JsonReader(json, s_options);
        while (reader.Read())
        {
            hash.Add(reader.TokenType);
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
            {
                hash.Add(reader.GetString());
            }
            else if (reader.TokenType == JsonTokenType.Number)
            {
                hash.AddBytes(reader.ValueSpan);
            }
        }

        return hash.ToHashCode();
    }
}
