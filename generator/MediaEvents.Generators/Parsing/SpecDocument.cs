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
            var document = new SpecDocument(path, text, new JObject());
            diagnostic = DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidJson,
                document.At(exception.LineNumber, exception.LinePosition, 1),
                path,
                TrimPosition(exception.Message));
            return null;
        }

        return root is JObject rootObject ? new SpecDocument(path, text, rootObject) : null;
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
