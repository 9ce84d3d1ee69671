using System;
using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Model;
using Newtonsoft.Json.Linq;

namespace MediaEvents.Generators.Parsing;

/// <summary>
/// Resolves every schema <c>$ref</c> before NJsonSchema sees the definitions, so that it never reads a file or the
/// network: a reference into this file's definitions stays; one into another file (<c>./common.json#/definitions/X</c>)
/// is looked up among the project's AdditionalFiles by its path relative to the referring file, and the definition
/// it names is imported (with what it references in turn); anything else is removed with a warning, and the schema
/// that held it is read as raw JSON.
/// </summary>
internal sealed class ReferenceResolver
{
    private const string DefinitionsPointer = "#/definitions/";

    private readonly ParseContext _context;
    private readonly EquatableArray<SourceDocument> _documents;
    private readonly Dictionary<string, (SpecDocument? Document, string? Problem)> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<(string File, string Definition), string> _imported = new();

    private ReferenceResolver(ParseContext context, EquatableArray<SourceDocument> documents)
    {
        _context = context;
        _documents = documents;
    }

    /// <summary>Resolves the references the cleaner collected, importing definitions from other files as needed.</summary>
    public static void Resolve(ParseContext context, List<JProperty> references, EquatableArray<SourceDocument> documents)
    {
        var resolver = new ReferenceResolver(context, documents);
        var pending = new Queue<(JProperty Reference, string File)>(references.Select(reference => (reference, context.Path)));
        while (pending.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            (JProperty reference, string file) = pending.Dequeue();
            resolver.ResolveOne(reference, file, pending);
        }
    }

    // Resolves one reference; the references of a definition it imports join the queue, with that definition's file.
    private void ResolveOne(JProperty reference, string referringFile, Queue<(JProperty Reference, string File)> pending)
    {
        string target = reference.Value.Value<string>()!;
        string consequence = Consequence(reference);
        int hash = target.IndexOf('#');
        string filePart = hash < 0 ? target : target.Substring(0, hash);
        string pointer = hash < 0 ? string.Empty : target.Substring(hash);
        if (target.Contains("://"))
        {
            Drop(reference, target, "it points at a URL, and the generator reads nothing from the network", consequence);
            return;
        }

        if (!pointer.StartsWith(DefinitionsPointer, StringComparison.Ordinal) || pointer.Length == DefinitionsPointer.Length || pointer.IndexOf('/', DefinitionsPointer.Length) >= 0)
        {
            Drop(reference, target, "only references to '#/definitions/<name>' (of this file or of another AdditionalFiles item) are read", consequence);
            return;
        }

        string name = Unescape(pointer.Substring(DefinitionsPointer.Length));
        string file = filePart.Length == 0 ? Normalize(referringFile) : Combine(referringFile, filePart);
        if (PathsEqual(file, _context.Path))
        {
            ResolveLocal(reference, target, name, consequence);
            return;
        }

        if (_imported.TryGetValue((file, name), out string? importedName))
        {
            reference.Value = DefinitionsPointer + importedName;
            return;
        }

        SpecDocument? source = Load(file, out string? problem);
        if (source is null)
        {
            if (problem is null)
            {
                _context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingReferencedFile, _context.Locate(reference.Value) ?? _context.Document.At(1, 1, 1), target, file, consequence, file));
                reference.Remove();
            }
            else
            {
                Drop(reference, target, problem, consequence);
            }

            return;
        }

        if (source.Root["definitions"]?[name] is not JObject definition)
        {
            Drop(reference, target, $"'{file}' has no definition named '{name}'", consequence);
            return;
        }

        string localName = UniqueName(name, definition);
        _imported[(file, name)] = localName;
        reference.Value = DefinitionsPointer + localName;
        if (_context.Definitions[localName] is not null)
        {
            return;
        }

        // The definition is copied into ours (a token has one parent); the copy keeps the positions in its own file.
        var property = new JProperty(localName, definition);
        _context.Definitions.Add(property);
        _context.MarkImported(property.Value, source);
        var found = new List<JProperty>();
        SchemaCleaner.CleanDefinition(_context, property, found);
        foreach (JProperty next in found)
        {
            pending.Enqueue((next, file));
        }
    }

    private void ResolveLocal(JProperty reference, string target, string name, string consequence)
    {
        if (_context.Definitions[name] is null)
        {
            Drop(reference, target, $"there is no definition named '{name}'", consequence);
        }
        else
        {
            reference.Value = DefinitionsPointer + name;
        }
    }

    // The name an imported definition takes among ours: its own, unless this file has a different definition of that name.
    private string UniqueName(string name, JObject definition)
    {
        string candidate = name;
        for (int i = 2; _context.Definitions[candidate] is JToken existing && !JToken.DeepEquals(existing, definition); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    // A file's document, or null with the reason (null too when no AdditionalFiles item has that path).
    private SpecDocument? Load(string file, out string? problem)
    {
        if (!_loaded.TryGetValue(file, out (SpecDocument? Document, string? Problem) loaded))
        {
            _loaded[file] = loaded = LoadUncached(file);
        }

        problem = loaded.Problem;
        return loaded.Document;
    }

    private (SpecDocument? Document, string? Problem) LoadUncached(string file)
    {
        SourceDocument? document = Find(file);
        if (document is null)
        {
            return (null, null);
        }

        if (document.Text is null)
        {
            return (null, $"'{file}' does not exist or cannot be read");
        }

        SpecDocument? loaded = SpecDocument.TryLoad(document.Path, document.Text, out DiagnosticInfo? invalid, out _);
        return loaded is not null ? (loaded, null) : (null, invalid is null ? $"'{file}' is not a JSON object" : $"'{file}' is not valid JSON");
    }

    private SourceDocument? Find(string file) =>
        _documents.FirstOrDefault(document => string.Equals(Normalize(document.Path), file, StringComparison.Ordinal))
        ?? _documents.FirstOrDefault(document => string.Equals(Normalize(document.Path), file, StringComparison.OrdinalIgnoreCase));

    private void Drop(JProperty reference, string target, string problem, string consequence)
    {
        _context.Report(DiagnosticDescriptors.DanglingReference, reference.Value, target, problem, consequence);
        reference.Remove();
    }

    // What becomes of the schema that held a reference once the reference is gone.
    private static string Consequence(JProperty reference)
    {
        JToken? holder = reference.Parent?.Parent;
        return holder is JArray ? "the base type it names is left out" : "the member is read as raw JSON (RawJsonValue)";
    }

    private static string Unescape(string token) => Uri.UnescapeDataString(token).Replace("~1", "/").Replace("~0", "~");

    private static bool PathsEqual(string left, string right) => string.Equals(Normalize(left), Normalize(right), StringComparison.Ordinal);

    /// <summary>The path of <paramref name="relative"/> seen from the directory of <paramref name="referringFile"/>.</summary>
    internal static string Combine(string referringFile, string relative)
    {
        string normalized = Normalize(referringFile);
        int slash = normalized.LastIndexOf('/');
        string directory = slash < 0 ? string.Empty : normalized.Substring(0, slash);
        string relativePath = relative.Replace('\\', '/');
        return Normalize(relativePath.StartsWith("/", StringComparison.Ordinal) || (relativePath.Length > 1 && relativePath[1] == ':') ? relativePath : directory + "/" + relativePath);
    }

    /// <summary>Forward slashes, no '.' segments, '..' applied.</summary>
    internal static string Normalize(string path)
    {
        string[] parts = path.Replace('\\', '/').Split('/');
        var kept = new List<string>(parts.Length);
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0 && i < parts.Length - 1))
            {
                continue;
            }

            if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] is not (".." or ""))
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(part);
        }

        return string.Join("/", kept);
    }
}
