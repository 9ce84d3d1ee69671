using System.Linq;
using MediaEvents.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MediaEvents.Generators.Diagnostics;

/// <summary>A diagnostic as equatable data: the descriptor's id, the message arguments and the place.</summary>
/// <param name="Id">The descriptor id, e.g. <c>MEG0003</c>.</param>
/// <param name="Arguments">The message format arguments.</param>
/// <param name="Location">Where in the spec, if known.</param>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, LocationInfo? Location)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, arguments.ToEquatableArray(), location);

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        DiagnosticDescriptors.ById(Id),
        Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
        Arguments.ToArray<object>());

    public bool IsError => DiagnosticDescriptors.ById(Id).DefaultSeverity == DiagnosticSeverity.Error;
}
