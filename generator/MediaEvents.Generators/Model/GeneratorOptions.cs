namespace MediaEvents.Generators.Model;

/// <summary>The project-wide options (<c>build_property.*</c>) that shape the output.</summary>
/// <param name="Namespace">The namespace of the generated code, as configured (null when not set).</param>
/// <param name="Accessibility">The configured accessibility of generated types (null when not set).</param>
internal sealed record GeneratorOptions(string? Namespace, string? Accessibility);
