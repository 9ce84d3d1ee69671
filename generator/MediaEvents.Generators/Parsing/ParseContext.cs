using System.Collections.Generic;
using System.Threading;
using MediaEvents.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// What every step of reading one spec shares: the spec's JSON tree, the diagnostics found so far, and the
/// cancellation token. Definitions imported from another AdditionalFiles item are located in their own file.
/// </summary>
internal sealed class ParseContext
{
    private readonly Dictionary<JToken, SpecDocument> _importedFrom = new();

    public ParseContext(string path, SpecDocument document, CancellationToken cancellationToken)
    {
        Path = path;
        Document = document;
        CancellationToken = cancellationToken;
    }

    /// <summary>The spec's path.</summary>
    public string Path { get; }

    /// <summary>The spec's JSON tree, with line information.</summary>
    public SpecDocument Document { get; }

    public CancellationToken CancellationToken { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>The root's <c>definitions</c> object, once the document's shape is checked.</summary>
    public JObject Definitions { get; set; } = new();

    /// <summary>Records that a definition's schema came from another file, so that its tokens are located there.</summary>
    public void MarkImported(JToken definition, SpecDocument source) => _importedFrom[definition] = source;

    /// <summary>Whether a definition's schema came from another file.</summary>
    public bool IsImported(JToken definition) => _importedFrom.ContainsKey(definition);

    /// <summary>The location of a token, in the file it was read from.</summary>
    public LocationInfo? Locate(JToken? token)
    {
        if (token is null)
        {
            return null;
        }

        if (_importedFrom.Count > 0)
        {
            for (JToken? current = token; current is not null; current = current.Parent)
            {
                if (_importedFrom.TryGetValue(current, out SpecDocument? source))
                {
                    return source.Locate(token);
                }
            }
        }

        return Document.Locate(token);
    }

    /// <summary>Adds a diagnostic at a token (the top of the file when the token has no position).</summary>
    public void Report(DiagnosticDescriptor descriptor, JToken? at, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(at) ?? Document.At(1, 1, 1), arguments));
}
