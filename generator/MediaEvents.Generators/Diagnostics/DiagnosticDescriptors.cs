using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MediaEvents.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each message says what to change.</summary>
internal static class DiagnosticDescriptors
{
    private const string SpecCategory = "MediaEvents.Spec";
    private const string ConfigurationCategory = "MediaEvents.Configuration";
    private const string HelpLink = "https://github.com/mediaevents/MediaEvents.Generators#diagnostics";

    public static readonly DiagnosticDescriptor InvalidJson = Create(
        "MEG0001",
        "The spec file is not valid JSON",
        "The spec file '{0}' is not valid JSON: {1}. Fix the JSON syntax at this position.",
        SpecCategory);

    public static readonly DiagnosticDescriptor NotSwagger2 = Create(
        "MEG0002",
        "The spec file is not a swagger 2.0 document",
        "The spec file '{0}' is not a swagger 2.0 document: {1}",
        SpecCategory);

    public static readonly DiagnosticDescriptor DanglingReference = Create(
        "MEG0003",
        "A $ref that does not resolve",
        "The reference '{0}' does not resolve: {1}; {2}. Point it at an existing definition.",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedType = Create(
        "MEG0004",
        "A type the generator cannot map",
        "'{0}' has {1}, which the generator cannot map; {2}. To type it, use one of: {3}.",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EmptyEnum = Create(
        "MEG0005",
        "An enum without values",
        "The enum of '{0}' has no values; it is read as a string. List its values in 'enum' (and in x-ms-enum 'values').",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "MEG0006",
        "Two names of the spec map to one C# name",
        "{0} and {1} both map to the C# name '{2}'; {3}. Rename one of them in the spec.",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EventNameMismatch = Create(
        "MEG0007",
        "A definition's name and description name different event types",
        "The definition '{0}' and its description disagree on its event type: {1}. The generator uses '{2}'; correct the name or the description.",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidDiscriminator = Create(
        "MEG0008",
        "A discriminator the generator cannot resolve",
        "'{0}': {1}; {2}",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        "MEG0009",
        "Invalid generator option",
        "The option {0} has the value '{1}', which is not valid: {2}",
        ConfigurationCategory);

    public static readonly DiagnosticDescriptor DuplicateNamespace = Create(
        "MEG0010",
        "Two spec files generate into one namespace",
        "The spec files '{0}' and '{1}' both generate into the namespace '{2}'. Give one of the AdditionalFiles items its own MediaEventsNamespace metadata.",
        ConfigurationCategory);

    public static readonly DiagnosticDescriptor UnexpectedFailure = Create(
        "MEG0011",
        "The generator failed unexpectedly",
        "The generator could not process '{0}': {1}. This is a defect of MediaEvents.Generators; please report it with the spec file.",
        "MediaEvents.Generator");

    public static readonly DiagnosticDescriptor SpecMistake = Create(
        "MEG0012",
        "A mistake in the spec that the generator works around",
        "{0}; {1}. Correct the spec to silence this warning.",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingReferencedFile = Create(
        "MEG0013",
        "A $ref into a file that is not an AdditionalFiles item",
        "The reference '{0}' points into '{1}', which is not an AdditionalFiles item of the project; {2}. Add <AdditionalFiles Include=\"{3}\" /> beside the spec: the generator reads other files only through AdditionalFiles, never from disk.",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoEventTypes = Create(
        "MEG0014",
        "The spec names no event type",
        "The spec '{0}' names no event type: no definition's description reads \"... for a Microsoft.X.Y event.\". Its data types are generated, and the visitor has no event method. Check that the file is an Event Grid events spec.",
        SpecCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NothingSelected = Create(
        "MEG0015",
        "MediaEventsInclude selects no event type",
        "The MediaEventsInclude '{0}' of '{1}' matches none of the spec's event types ({2}); the visitor has no event method. Patterns are event type names, '*' matching any run of characters, separated by ';'.",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SpecNotFound = Create(
        "MEG0016",
        "The spec file does not exist",
        "The spec file '{0}' does not exist or cannot be read. Correct the Include of its AdditionalFiles item: a relative path is relative to the project file.",
        ConfigurationCategory);

    public static readonly DiagnosticDescriptor NoSpec = Create(
        "MEG0017",
        "The generator is referenced but has no spec",
        "MediaEvents.Generators generates nothing: {0}. {1}",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        InvalidJson, NotSwagger2, DanglingReference, UnsupportedType, EmptyEnum, NameCollision,
        EventNameMismatch, InvalidDiscriminator, InvalidOption, DuplicateNamespace, UnexpectedFailure, SpecMistake,
        MissingReferencedFile, NoEventTypes, NothingSelected, SpecNotFound, NoSpec,
    }.ToDictionary(static descriptor => descriptor.Id);

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink + "-" + id.ToLowerInvariant());
}
