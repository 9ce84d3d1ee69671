namespace MediaEvents.Generators.Model;

/// <summary>The options of one spec, resolved from its item's metadata and the project's properties.</summary>
/// <param name="Namespace">The namespace to generate into.</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="Name">The stem of the entry points' names (<c>MediaEventsName</c>), when set.</param>
/// <param name="Include">The event types to keep (<c>MediaEventsInclude</c>), when set.</param>
internal sealed record SpecSettings(string Namespace, string Accessibility, string? Name, string? Include);
