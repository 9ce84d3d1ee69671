namespace MediaEvents.Generators.Model;

/// <summary>
/// A JSON AdditionalFiles item a spec may reference (<c>./common.json#/definitions/X</c>): the only way a spec
/// reaches another file, since a generator reads nothing from disk.
/// </summary>
/// <param name="Path">The item's path, as the build passes it.</param>
/// <param name="Text">Its text; null when it could not be read (the item names a file that does not exist).</param>
internal sealed record SourceDocument(string Path, string? Text);
