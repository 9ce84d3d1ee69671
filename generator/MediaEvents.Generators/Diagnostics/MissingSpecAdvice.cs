using System;
using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generators.Model;

namespace MediaEvents.Generators.Diagnostics;

/// <summary>
/// MEG0017 for a project that references the generator and passes it no spec: without it the user sees only the
/// compile errors of the code that expected the generated types. The advice is the MSBuild line that fixes it.
/// </summary>
internal static class MissingSpecAdvice
{
    private const string NotASpec = "a spec is named MediaServices.json or marked MediaEventsSpec=\"true\"";

    /// <summary>The warning, or null when some item is a spec or was opted out with <c>MediaEventsSpec="false"</c>.</summary>
    public static DiagnosticInfo? For(EquatableArray<AdditionalFile> files, ProjectSetup setup)
    {
        if (files.Any(static file => file.IsSpec || file.MarkedAsSpec == false))
        {
            return null;
        }

        // A JSON item that is not a spec is most likely the spec under another name (or a file a spec would reference).
        List<string> json = files
            .Where(static file => file.IsJson)
            .Select(file => RelativeToProject(file.Path, setup.ProjectDirectory))
            .OrderBy(static path => path, StringComparer.Ordinal)
            .ToList();
        if (json.Count == 0)
        {
            return DiagnosticInfo.Create(
                DiagnosticDescriptors.NoSpec,
                null,
                "the project has no spec file",
                $"Add the events swagger beside the project file and this line to one of its ItemGroups: {Item(AdditionalFile.DefaultSpecFileName, marked: false)}");
        }

        string found = json.Count == 1
            ? $"the project has no spec file: its AdditionalFiles item '{json[0]}' is not one, since {NotASpec}"
            : $"the project has no spec file: its AdditionalFiles items {Listed(json)} are not specs, since {NotASpec}";
        string which = json.Count == 1 ? "If it is the spec" : $"If '{json[0]}' is the spec";
        string advice = setup.ItemMetadataVisible
            ? $"{which}, write its item as: {Item(json[0], marked: true)}"
            : $"{which}, name it {AdditionalFile.DefaultSpecFileName}, or import the generator's build/MediaEvents.Generators.props (MediaEventsSpec is not read without it) and write its item as: {Item(json[0], marked: true)}";
        return DiagnosticInfo.Create(DiagnosticDescriptors.NoSpec, null, found, advice);
    }

    /// <summary>
    /// <paramref name="path"/> as an <c>Include</c> in the project file would name it: relative to the project's
    /// directory, in the path's own separators; the full path when there is no directory or they share no root.
    /// </summary>
    internal static string RelativeToProject(string path, string? projectDirectory)
    {
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return path;
        }

        bool windows = path.IndexOf('\\') >= 0 || (path.Length > 1 && path[1] == ':');
        StringComparison comparison = windows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string[] from = Segments(projectDirectory!);
        string[] to = Segments(path);
        int common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], comparison))
        {
            common++;
        }

        if (common == 0)
        {
            return path;
        }

        IEnumerable<string> relative = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common));
        return string.Join(windows ? "\\" : "/", relative);
    }

    // The first few paths: a project with dozens of JSON items gets a message of a readable length.
    private static string Listed(List<string> paths)
    {
        const int Shown = 5;
        string listed = string.Join(", ", paths.Take(Shown).Select(static path => "'" + path + "'"));
        return paths.Count > Shown ? $"{listed} (and {paths.Count - Shown} more)" : listed;
    }

    private static string Item(string path, bool marked) =>
        marked ? $"<AdditionalFiles Include=\"{path}\" MediaEventsSpec=\"true\" />" : $"<AdditionalFiles Include=\"{path}\" />";

    private static string[] Segments(string path) => path.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
}
