using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents.ConsoleSample;

/// <summary>Raw JSON as one short line, for the text report of events of unknown types.</summary>
internal static class CompactJson
{
    /// <summary>The value compact (no whitespace or comments), cut to <paramref name="maxChars"/> with "...".</summary>
    public static string ToShortText(ReadOnlySpan<byte> json, int maxChars)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            RawJson.Write(writer, json);
        }

        string text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (text.Length <= maxChars)
        {
            return text;
        }

        int cut = maxChars;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "...");
    }
}
