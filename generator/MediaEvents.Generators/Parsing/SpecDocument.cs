using System;
using System.Collections.Generic;
using MediaEvents.Generators.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// The spec's JSON tree with line information: what NJsonSchema does not keep (positions for diagnostics,
/// x-ms-* extensions, member order) is read from here.
/// </summary>
internal sealed class SpecDocument
{
    private readonly string _path;
    private readonly List<int> _lineStarts;

    private SpecDocument(string path, string text, JObject root)
    {
        _path = path;
        Root = root;
        _lineStarts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public JObject Root { get; }

    /// <summary>Parses the text; on invalid JSON returns null and the MEG0001 diagnostic.</summary>
    public static SpecDocument? TryLoad(string path, string text, out DiagnosticInfo? diagnostic, out JToken? root)
    {
        diagnostic = null;
        root = null;
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException("Additional text after the end of the JSON document.", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }
        }
        catch (JsonReaderException exception)
        {
            return Invalid(path, text, exception.LineNumber, exception.LinePosition, TrimPosition(exception.Message), out diagnostic);
        }

        // Newtonsoft accepts a comma before '}' or ']'; JSON does not, and neither do the other readers of the spec.
        if (FindTrailingComma(text) is int comma)
        {
            var located = new SpecDocument(path, text, new JObject());
            LocationInfo at = located.AtOffset(comma);
            return Invalid(path, text, at.Line + 1, at.Column + 1, "A trailing comma before the end of an object or array", out diagnostic);
        }

        return root is JObject rootObject ? new SpecDocument(path, text, rootObject) : null;
    }

    private static SpecDocument? Invalid(string path, string text, int line, int position, string message, out DiagnosticInfo? diagnostic)
    {
        var document = new SpecDocument(path, text, new JObject());
        diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, document.At(line, position, 1), path, message);
        return null;
    }

    private LocationInfo AtOffset(int offset)
    {
        int line = _lineStarts.BinarySearch(offset);
        line = line >= 0 ? line : ~line - 1;
        return new LocationInfo(_path, offset, 1, line, offset - _lineStarts[line]);
    }

    // The offset of the first comma followed (after whitespace or comments) by '}' or ']', outside strings.
    private static int? FindTrailingComma(string text)
    {
        int lastComma = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }
                }

                lastComma = -1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                int end = text[i + 1] == '/' ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : (text[i + 1] == '/' ? end : end + 1);
            }
            else if (c == ',')
            {
                lastComma = i;
            }
            else if (c is '}' or ']' && lastComma >= 0)
            {
                return lastComma;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lastComma = -1;
            }
        }

        return null;
    }

    /// <summary>A location from a 1-based line and position as Newtonsoft reports them.</summary>
    public LocationInfo At(int line, int position, int length)
    {
        int lineIndex = System.Math.Max(0, System.Math.Min(line - 1, _lineStarts.Count - 1));
        int column = System.Math.Max(0, position - 1);
        return new LocationInfo(_path, _lineStarts[lineIndex] + column, length, lineIndex, column);
    }

    /// <summary>The location of a token (for a property, its name).</summary>
    public LocationInfo? Locate(JToken? token)
    {
        if (token is null)
        {
            return null;
        }

        JToken located = token.Parent is JProperty property ? property : token;
        if (located is IJsonLineInfo info && info.HasLineInfo())
        {
            // Newtonsoft reports the position after a property's name and colon; point at the name itself.
            if (located is JProperty named)
            {
                int length = named.Name.Length + 2;
                return At(info.LineNumber, System.Math.Max(1, info.LinePosition - length), length);
            }

            return At(info.LineNumber, info.LinePosition, 1);
        }

        return null;
    }

    private static string TrimPosition(string message)
    {
        int index = message.IndexOf(" Path '", System.StringComparison.Ordinal);
        if (index < 0)
        {
            index = message.IndexOf(", line ", System.StringComparison.Ordinal);
        }

        return (index > 0 ? message.Substring(0, index) : message).TrimEnd('.', ',');
    }
}
