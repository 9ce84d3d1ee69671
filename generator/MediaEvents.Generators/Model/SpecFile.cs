namespace MediaEvents.Generators.Model;

/// <summary>One spec file selected from AdditionalFiles, with the options its item carries.</summary>
/// <param name="Path">The file's path, for diagnostics and hint names.</param>
/// <param name="Text">The file's text (a string, so the model holds no Roslyn object); null when it could not be read.</param>
/// <param name="Namespace">The item's own <c>MediaEventsNamespace</c> metadata, if any.</param>
/// <param name="Name">The item's <c>MediaEventsName</c> metadata: the stem of the generated entry points, if set.</param>
/// <param name="Include">The item's <c>MediaEventsInclude</c> metadata: the event types to keep, if set.</param>
internal sealed record SpecFile(string Path, string? Text, string? Namespace, string? Name = null, string? Include = null);
