using System;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using MediaEvents.Json;

namespace MediaEvents;

/// <summary>
/// The value of a binary-mode CloudEvents header, decoded as the HTTP binding says: surrounding white space goes,
/// a double-quoted string is unquoted (its backslash escapes undone, as older senders quote), then one round of
/// percent-decoding, whose bytes must be UTF-8. Percent-encoding is accepted where it was not needed, and in
/// lower case.
/// </summary>
internal static class CloudEventsHeaderValue
{
    /// <summary>Decodes <paramref name="value"/>, the value of the header <paramref name="name"/>.</summary>
    /// <exception cref="MediaJsonException">The value is not a closed quoted string, not percent-encoded, or not UTF-8 once decoded.</exception>
    public static string Decode(string name, string value)
    {
        ReadOnlySpan<char> text = value.AsSpan().Trim(" \t");
        if (text.Length > 0 && text[0] == '"')
        {
            text = Unquote(name, text);
        }

        return text.Contains('%') ? PercentDecode(name, text) : text.ToString();
    }

    private static ReadOnlySpan<char> Unquote(string name, ReadOnlySpan<char> quoted)
    {
        var text = new StringBuilder(quoted.Length);
        for (int i = 1; i < quoted.Length; i++)
        {
            char c = quoted[i];
            if (c == '\\' && i + 1 < quoted.Length)
            {
                text.Append(quoted[++i]);
            }
            else if (c == '"')
            {
                return i == quoted.Length - 1
                    ? text.ToString().AsSpan()
                    : throw new MediaJsonException($"the value of '{name}' has text after the closing quote of its quoted string");
            }
            else
            {
                text.Append(c);
            }
        }

        throw new MediaJsonException($"the value of '{name}' opens a quoted string that it does not close");
    }

    private static string PercentDecode(string name, ReadOnlySpan<char> text)
    {
        // A character takes at most 3 UTF-8 bytes (4 for a surrogate pair, which is 2 characters); "%xy" takes 1.
        byte[] bytes = new byte[text.Length * 3];
        int length = 0;
        for (int i = 0; i < text.Length;)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    string found = text[i..Math.Min(i + 3, text.Length)].ToString();
                    throw new MediaJsonException(
                        $"the value of '{name}' has '{found}' at character {(i + 1).ToString(CultureInfo.InvariantCulture)}, "
                        + "which is not a percent-encoded byte (a '%' and two hexadecimal digits)");
                }

                bytes[length++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 3;
            }
            else
            {
                // Header values should be ASCII; a sender that put other characters in is read as it meant them.
                if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
                {
                    throw new MediaJsonException($"the value of '{name}' has a lone surrogate at character {(i + 1).ToString(CultureInfo.InvariantCulture)}");
                }

                length += rune.EncodeToUtf8(bytes.AsSpan(length));
                i += consumed;
            }
        }

        ReadOnlySpan<byte> decoded = bytes.AsSpan(0, length);
        return Utf8.IsValid(decoded)
            ? Encoding.UTF8.GetString(decoded)
            : throw new MediaJsonException($"the value of '{name}' percent-decodes to bytes that are not UTF-8");
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
