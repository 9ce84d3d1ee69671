using System;

namespace MediaEvents;

/// <summary>
/// Media type expressions (RFC 2046, as in <c>Content-Type</c> and <c>datacontenttype</c>): the type itself without
/// its parameters, whether it is JSON, and its charset.
/// </summary>
internal static class MediaTypes
{
    /// <summary>The type and subtype, without parameters or surrounding white space, e.g. <c>application/json</c>.</summary>
    public static ReadOnlySpan<char> Essence(string mediaType)
    {
        ReadOnlySpan<char> essence = mediaType.AsSpan();
        int parameters = essence.IndexOf(';');
        return (parameters >= 0 ? essence[..parameters] : essence).Trim();
    }

    /// <summary>
    /// Whether the media type says JSON: <c>application/json</c>, <c>text/json</c>, or any <c>*/*+json</c> (the
    /// structured syntax suffix of RFC 6839), whatever its parameters, ignoring case.
    /// </summary>
    public static bool IsJson(string mediaType) => IsJsonEssence(Essence(mediaType));

    /// <summary>Whether a type and subtype without parameters say JSON, as <see cref="IsJson"/> does.</summary>
    public static bool IsJsonEssence(ReadOnlySpan<char> essence) =>
        essence.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || essence.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || (essence.EndsWith("+json", StringComparison.OrdinalIgnoreCase) && essence.IndexOf('/') > 0);

    /// <summary>
    /// The value of the <c>charset</c> parameter (unquoted), or <see langword="null"/> when the media type has none.
    /// </summary>
    public static string? Charset(string mediaType)
    {
        ReadOnlySpan<char> rest = mediaType.AsSpan();
        int next = rest.IndexOf(';');
        while (next >= 0)
        {
            rest = rest[(next + 1)..];
            next = rest.IndexOf(';');
            ReadOnlySpan<char> parameter = (next >= 0 ? rest[..next] : rest).Trim();
            int equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].TrimEnd().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                ReadOnlySpan<char> value = parameter[(equals + 1)..].Trim();
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                {
                    value = value[1..^1];
                }

                return value.ToString();
            }
        }

        return null;
    }

    /// <summary>Whether a charset is one whose text is UTF-8 (<c>utf-8</c>, <c>utf8</c>, or ASCII, a subset of it).</summary>
    public static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
}
