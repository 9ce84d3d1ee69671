using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MediaEvents.Generators.Tests.Documentation;

/// <summary>
/// The documents users read: README.md, each package's page (<c>packaging/*.md</c>, what the gallery shows) and the
/// samples' READMEs; their C# snippets, read once per test run.
/// </summary>
internal static class DocumentationSet
{
    private static readonly Lazy<(IReadOnlyList<MarkdownDocument> Documents, IReadOnlyList<Snippet> Snippets, IReadOnlyList<string> Problems)> s_read = new(Read);

    /// <summary>The documents' paths relative to the repository root, <c>/</c>-separated, in a stable order.</summary>
    public static IReadOnlyList<string> Files { get; } = FindFiles();

    /// <summary>The documents.</summary>
    public static IReadOnlyList<MarkdownDocument> Documents => s_read.Value.Documents;

    /// <summary>Every C# snippet of every document.</summary>
    public static IReadOnlyList<Snippet> Snippets => s_read.Value.Snippets;

    /// <summary>What keeps a document from being read as the snippet convention says, with file:line.</summary>
    public static IReadOnlyList<string> Problems => s_read.Value.Problems;

    /// <summary>The snippet whose opening fence is at <paramref name="id"/> (<c>file:line</c>).</summary>
    public static Snippet Find(string id) =>
        Snippets.SingleOrDefault(snippet => snippet.Id == id)
        ?? throw new InvalidOperationException($"No C# block opens at {id}; the blocks are at: {string.Join(", ", Snippets.Select(static snippet => snippet.Id))}");

    /// <summary>
    /// A diagnostic as <c>file:line:column: error CSnnnn: message</c>, located in the Markdown file, followed by the
    /// line of the document it points at.
    /// </summary>
    public static string Format(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
        string severity = diagnostic.Severity.ToString().ToLowerInvariant();
        if (!span.IsValid)
        {
            return $"{severity} {diagnostic.Id}: {diagnostic.GetMessage()}";
        }

        int line = span.StartLinePosition.Line + 1;
        string text = $"{span.Path}:{line}:{span.StartLinePosition.Character + 1}: {severity} {diagnostic.Id}: {diagnostic.GetMessage()}";
        string file = Path.Combine(RepositoryPaths.Root, span.Path);
        if (span.HasMappedPath && File.Exists(file) && File.ReadLines(file).Skip(line - 1).FirstOrDefault() is { } source)
        {
            text += $"{Environment.NewLine}    | {source.Trim()}";
        }

        return text;
    }

    private static (IReadOnlyList<MarkdownDocument>, IReadOnlyList<Snippet>, IReadOnlyList<string>) Read()
    {
        var problems = new List<string>();
        var documents = Files.Select(MarkdownDocument.Read).ToList();
        var snippets = new List<Snippet>();
        foreach (MarkdownDocument document in documents)
        {
            problems.AddRange(document.Problems);
            snippets.AddRange(Snippet.FromDocument(document, problems));
        }

        return (documents, snippets, problems);
    }

    private static IReadOnlyList<string> FindFiles()
    {
        string root = RepositoryPaths.Root;
        IEnumerable<string> packagePages = Directory.GetFiles(Path.Combine(root, "packaging"), "*.md");
        IEnumerable<string> sampleReadmes = Directory.GetDirectories(Path.Combine(root, "samples"))
            .Select(static directory => Path.Combine(directory, "README.md"))
            .Where(File.Exists);
        return new[] { Path.Combine(root, "README.md") }
            .Concat(packagePages.Order(StringComparer.Ordinal))
            .Concat(sampleReadmes.Order(StringComparer.Ordinal))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .ToList();
    }
}
