using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace MediaEvents.Generators.Emitting;

/// <summary>
/// A StringBuilder with an indent level: lines and raw blocks, nothing clever. Text goes straight into the
/// builder (an interpolated line part by part, a block line by line) rather than through a string per line:
/// a large spec emits megabytes, and the garbage would cost more than the writing.
/// </summary>
internal sealed class SourceWriter
{
    /// <summary>The width that <see cref="Wrapped"/> keeps lines within.</summary>
    public const int Width = 120;

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        Append(text, 0, text.Length, _builder.Length);
        _builder.Append('\n');
        return this;
    }

    /// <summary>Ends an interpolated line, whose parts the handler has already appended as they were evaluated.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] LineHandler line)
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes a multi-line block, each line at the current indent.</summary>
    public SourceWriter Block(string text)
    {
        for (int start = 0; start <= text.Length;)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            int length = end > start && text[end - 1] == '\r' ? end - start - 1 : end - start;
            Append(text, start, length, _builder.Length);
            _builder.Append('\n');
            start = end + 1;
        }

        return this;
    }

    /// <summary>
    /// Writes <paramref name="first"/> and the items separated by <paramref name="separator"/>, then
    /// <paramref name="end"/>, continuing on an indented line wherever a line would pass <see cref="Width"/> columns.
    /// </summary>
    public SourceWriter Wrapped(string first, System.Collections.Generic.IEnumerable<string> items, string separator, string end)
    {
        var line = new StringBuilder(first);
        bool empty = true;
        foreach (string item in items)
        {
            if (!empty && (_indent * 4) + line.Length + separator.Length + item.Length > Width)
            {
                Line(line.Append(separator.TrimEnd()).ToString());
                line.Clear().Append("    ");
                empty = true;
            }

            line.Append(empty ? string.Empty : separator).Append(item);
            empty = false;
        }

        return Line(line.Append(end).ToString());
    }

    public SourceWriter Open(string text = "{")
    {
        Line(text);
        _indent++;
        return this;
    }

    /// <summary>Indents what follows a block whose opening brace was written as text.</summary>
    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Close(string text = "}")
    {
        _indent = Math.Max(0, _indent - 1);
        return Line(text);
    }

    /// <summary>
    /// An XML doc summary from spec text (escaped, one doc line per line of text), or the fallback, which is
    /// already XML (its callers escape what they put in it). A summary of one line takes one line.
    /// </summary>
    public SourceWriter Summary(string? text, string fallbackXml)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Line($"/// <summary>{fallbackXml}</summary>");
        }

        string[] lines = text!.Trim().Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 1)
        {
            return Line($"/// <summary>{CSharpNames.XmlText(lines[0].Trim())}</summary>");
        }

        Line("/// <summary>");
        foreach (string line in lines)
        {
            Line($"/// {CSharpNames.XmlText(line.Trim())}");
        }

        return Line("/// </summary>");
    }

    public override string ToString() => _builder.ToString();

    // Text of the line that starts at lineStart; the indent goes before the line's first text, and a line with
    // no text gets none.
    private void Append(string text, int start, int length, int lineStart)
    {
        if (length == 0)
        {
            return;
        }

        if (_builder.Length == lineStart)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text, start, length);
    }

    /// <summary>Appends the parts of an interpolated line to its writer as the line is evaluated.</summary>
    [InterpolatedStringHandler]
    public readonly struct LineHandler
    {
        private readonly SourceWriter _writer;
        private readonly int _lineStart;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            _lineStart = writer._builder.Length;
        }

        public void AppendLiteral(string text) => _writer.Append(text, 0, text.Length, _lineStart);

        public void AppendFormatted(string? text)
        {
            if (text is not null)
            {
                _writer.Append(text, 0, text.Length, _lineStart);
            }
        }
    }
}

/// <summary>The pieces every generated file shares.</summary>
internal static class GeneratedCode
{
    public static string Version { get; } = typeof(GeneratedCode).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    public static string Attribute { get; } = $"[global::System.CodeDom.Compiler.GeneratedCode(\"MediaEvents.Generators\", \"{Version}\")]";

    public static SourceWriter StartFile(string @namespace, string specPath)
    {
        var writer = new SourceWriter();
        writer.Line("// <auto-generated/>");
        writer.Line($"// Generated by MediaEvents.Generators from {System.IO.Path.GetFileName(specPath)}. Edit the spec, not this file.");
        // Annotations for the users of the code; no flow analysis of it, which costs a build more than anything
        // else in it and finds nothing (tests compile the output with nullable warnings on).
        writer.Line("#nullable enable annotations");
        writer.Line("#nullable disable warnings");
        writer.Line();
        writer.Line($"namespace {@namespace}");
        writer.Open();
        return writer;
    }

    public static string EndFile(SourceWriter writer) => writer.Close().ToString();

    public static string HintName(string @namespace, string name) =>
        Sanitize(@namespace) + "." + Sanitize(name) + ".g.cs";

    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' ? c : '_');
        }

        return builder.ToString();
    }
}
