using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// Finds the JSON path of the token at a position in a JSON value, in the form <see cref="MediaJsonException"/>
/// gives (<c>.data.output.progress</c>, <c>['odd name']</c>, <c>[2]</c>): a property name's path is its member's, and
/// the end of an object or array is the path of the object or array itself. For a <see cref="DeferredFailure"/>,
/// whose path is built only when asked for.
/// </summary>
internal static class JsonPathLocator
{
    /// <summary>
    /// The path, below the value, of the token that starts at <paramref name="position"/>; empty when that is the
    /// value's own start or end, or when no token starts there.
    /// </summary>
    public static string PathTo(ReadOnlySpan<byte> utf8Value, long position)
    {
        // One frame per open container, holding the segment of the member or item being read inside it.
        var frames = new List<Frame>();
        try
        {
            var reader = new Utf8JsonReader(utf8Value, new JsonReaderOptions { MaxDepth = int.MaxValue });
            while (reader.Read())
            {
                bool here = reader.TokenStartIndex == position;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Segment = MediaJsonException.PropertySegment(NameAt(ref reader)) };
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            int index = frames[^1].Index + 1;
                            frames[^1] = new Frame(true, index, "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                        }

                        if (!here && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        }

                        break;
                }

                if (here)
                {
                    return Join(frames);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Malformed after the value at fault: no path beyond the event's own.
        }

        return string.Empty;
    }

    private static string NameAt(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Not UTF-8: the name as the bytes decode, U+FFFD where they do not.
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private static string Join(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (Frame frame in frames)
        {
            path.Append(frame.Segment);
        }

        return path.ToString();
    }

    // An open object or array, and the segment of its member or item at hand (null before the first).
    private readonly record struct Frame(bool IsArray, int Index, string? Segment);
}
