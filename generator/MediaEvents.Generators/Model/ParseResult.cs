using MediaEvents.Generators.Diagnostics;

namespace MediaEvents.Generators.Model;

/// <summary>A spec read into a model (null when errors prevent generating), with what went wrong on the way.</summary>
/// <param name="Model">The model, or null.</param>
/// <param name="Diagnostics">Every diagnostic found.</param>
internal sealed record ParseResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
