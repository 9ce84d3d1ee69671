using System;

namespace MediaEvents.Generators.Model;

/// <summary>An AdditionalFiles item as the spec selection sees it: its path and its <c>MediaEventsSpec</c> metadata.</summary>
/// <param name="Path">The item's full path, as the build passes it.</param>
/// <param name="MarkedAsSpec">
/// Its <c>MediaEventsSpec</c> metadata: <see langword="true"/> for <c>"true"</c>, <see langword="false"/> for any other
/// value, <see langword="null"/> when the item has none.
/// </param>
internal sealed record AdditionalFile(string Path, bool? MarkedAsSpec)
{
    /// <summary>The file name that makes an item a spec without metadata.</summary>
    public const string DefaultSpecFileName = "MediaServices.json";

    /// <summary>An item from its path and its <c>MediaEventsSpec</c> metadata (null when unset or blank).</summary>
    public static AdditionalFile From(string path, string? marked) =>
        new(path, marked is null ? null : string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the generator reads the item as a spec: marked so, or named MediaServices.json and not marked.</summary>
    public bool IsSpec => MarkedAsSpec ?? string.Equals(System.IO.Path.GetFileName(Path), DefaultSpecFileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the item is a JSON file: a spec the user may have forgotten to mark, or a file a spec references.</summary>
    public bool IsJson => Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
