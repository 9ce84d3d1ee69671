using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MediaEvents.Generators.Tests.Documentation;

/// <summary>A fenced code block of a Markdown file, its text unindented as a reader copies it.</summary>
/// <param name="File">The file, relative to the repository root, with <c>/</c> separators.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The first word of the info string, lower case (<c>csharp</c>, <c>xml</c>, …).</param>
/// <param name="Code">The lines between the fences, without the fence's indentation.</param>
/// <param name="Section">The text of the nearest heading above the block.</param>
/// <param name="Marker">The text of a <c>&lt;!-- snippet: … --&gt;</c> comment right above the fence, or null.</param>
internal sealed record CodeBlock(string File, int Line, string Language, string Code, string Section, string? Marker)
{
    /// <summary>The languages read as C#.</summary>
    public bool IsCSharp => Language is "csharp" or "cs" or "c#";

    /// <summary>The 1-based line of the block's first line of code.</summary>
    public int FirstCodeLine => Line + 1;

    /// <summary><c>file:line</c> of the opening fence, as test names and failures show it.</summary>
    public string Id => $"{File}:{Line}";
}

/// <summary>An <c>inline code</c> span of a Markdown file's prose.</summary>
internal sealed record InlineCode(string File, int Line, string Text)
{
    public override string ToString() => $"{File}:{Line}: `{Text}`";
}

/// <summary>
/// The parts of a Markdown file the documentation tests read: fenced code blocks (also those indented in a list
/// item), headings, <c>&lt;!-- snippet: … --&gt;</c> markers and inline code spans outside the blocks. Fences follow
/// CommonMark: three or more backticks or tildes, closed by a run of the same character at least as long.
/// </summary>
internal sealed class MarkdownDocument
{
    private static readonly Regex s_fence = new(@"^(?<indent>[ \t]*)(?<fence>`{3,}|~{3,})(?<info>.*)$");
    private static readonly Regex s_heading = new(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)[ \t#]*$");
    private static readonly Regex s_marker = new(@"^[ \t]*<!--[ \t]*snippet:(?<text>.*?)-->[ \t]*$");
    private static readonly Regex s_inlineCode = new(@"(?<ticks>`+)(?<code>.+?)(?<!`)\k<ticks>(?!`)");

    private MarkdownDocument(string file, IReadOnlyList<CodeBlock> blocks, IReadOnlyList<InlineCode> inlineCode, IReadOnlyList<string> problems)
    {
        File = file;
        Blocks = blocks;
        InlineCode = inlineCode;
        Problems = problems;
    }

    /// <summary>The file, relative to the repository root.</summary>
    public string File { get; }

    /// <summary>Every fenced code block, in order.</summary>
    public IReadOnlyList<CodeBlock> Blocks { get; }

    /// <summary>Every inline code span outside the blocks and HTML comments, in order.</summary>
    public IReadOnlyList<InlineCode> InlineCode { get; }

    /// <summary>What the reader could not make sense of (an unclosed fence, a marker above no block), with file:line.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads the file at <paramref name="relativePath"/> under the repository root.</summary>
    public static MarkdownDocument Read(string relativePath) =>
        Parse(relativePath, System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)));

    /// <summary>Parses Markdown <paramref name="text"/> as the file <paramref name="file"/>.</summary>
    public static MarkdownDocument Parse(string file, string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        var inlineCode = new List<InlineCode>();
        var problems = new List<string>();
        string section = string.Empty;
        (string Text, int Line)? marker = null;
        bool inComment = false;

        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index];
            int lineNumber = index + 1;

            Match fence = s_fence.Match(line);
            if (!inComment && fence.Success)
            {
                int close = FindClosingFence(lines, index + 1, fence.Groups["fence"].Value);
                if (close < 0)
                {
                    problems.Add($"{file}:{lineNumber}: the code fence is never closed.");
                    break;
                }

                int indent = fence.Groups["indent"].Value.Length;
                string code = string.Join("\n", lines[(index + 1)..close].Select(codeLine => Unindent(codeLine, indent)));
                string language = fence.Groups["info"].Value.Trim().Split(' ', '\t', '{')[0].ToLowerInvariant();
                blocks.Add(new CodeBlock(file, lineNumber, language, code.Length == 0 ? code : code + "\n", section, marker?.Text));
                marker = null;
                index = close;
                continue;
            }

            Match markerMatch = s_marker.Match(line);
            if (!inComment && markerMatch.Success)
            {
                if (marker is { } pending)
                {
                    problems.Add($"{file}:{pending.Line}: the snippet marker is not right above a code block.");
                }

                marker = (markerMatch.Groups["text"].Value.Trim(), lineNumber);
                continue;
            }

            if (marker is { } unused && line.Trim().Length > 0)
            {
                problems.Add($"{file}:{unused.Line}: the snippet marker is not right above a code block.");
                marker = null;
            }

            Match heading = s_heading.Match(line);
            if (!inComment && heading.Success)
            {
                section = heading.Groups["text"].Value;
            }

            inComment = ReadProse(line, file, lineNumber, inComment, inlineCode);
        }

        if (marker is { } last)
        {
            problems.Add($"{file}:{last.Line}: the snippet marker is not right above a code block.");
        }

        return new MarkdownDocument(file, blocks, inlineCode, problems);
    }

    private static int FindClosingFence(string[] lines, int start, string fence)
    {
        var closing = new Regex(@"^[ \t]*" + Regex.Escape(fence[..1]) + "{" + fence.Length + @",}[ \t]*$");
        for (int index = start; index < lines.Length; index++)
        {
            if (closing.IsMatch(lines[index]))
            {
                return index;
            }
        }

        return -1;
    }

    // A list item's block is indented as its fence is; code indented less than the fence keeps what it has.
    private static string Unindent(string line, int indent)
    {
        int remove = 0;
        while (remove < indent && remove < line.Length && (line[remove] == ' ' || line[remove] == '\t'))
        {
            remove++;
        }

        return line[remove..];
    }

    // Inline code outside HTML comments (which may span lines); returns whether a comment is still open.
    private static bool ReadProse(string line, string file, int lineNumber, bool inComment, List<InlineCode> inlineCode)
    {
        int position = 0;
        while (position < line.Length)
        {
            if (inComment)
            {
                int end = line.IndexOf("-->", position, StringComparison.Ordinal);
                if (end < 0)
                {
                    return true;
                }

                position = end + 3;
                inComment = false;
                continue;
            }

            int commentStart = line.IndexOf("<!--", position, StringComparison.Ordinal);
            string prose = commentStart < 0 ? line[position..] : line[position..commentStart];
            foreach (Match span in s_inlineCode.Matches(prose))
            {
                inlineCode.Add(new InlineCode(file, lineNumber, span.Groups["code"].Value.Trim()));
            }

            if (commentStart < 0)
            {
                break;
            }

            position = commentStart + 4;
            inComment = true;
        }

        return inComment;
    }
}
