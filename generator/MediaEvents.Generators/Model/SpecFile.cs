namespace MediaEvents.Generators.Model;

/// <summary>One spec file selected from AdditionalFiles, with the options its item carries.</summary>
/// <param name="Path">The file's path, for diagnostics and hint names.</param>
/// <param name="Text">The file's text (a string, so the model holds no Roslyn object).</param>
/// <param name="Namespace">The item's own <c>MediaEventsNamespace</c> metadata, if any.</param>
internal sealed record SpecFile(string Path, string Text, string? Namespace);
