using System;
using System.Linq;
using System.Threading;
using MediaEvents.Generators.Diagnostics;
using MediaEvents.Generators.Model;
using MediaEvents.Generators.Parsing;

namespace MediaEvents.Generators.Tests.Parsing;

/// <summary>Parses small specs written in a test, straight through <see cref="SpecParser"/>.</summary>
internal static class SpecText
{
    public const string DefaultPath = "/specs/events.json";

    /// <summary>A swagger 2.0 document around the given <c>definitions</c> members.</summary>
    public static string Swagger(string definitions) =>
        "{\n  \"swagger\": \"2.0\",\n  \"info\": { \"title\": \"Test\", \"version\": \"1\" },\n  \"definitions\": {\n" + definitions + "\n  }\n}";

    /// <summary>An event data definition in the published convention, holding the given properties.</summary>
    public static string EventDefinition(string name, string eventType, string properties = "") =>
        $"\"{name}\": {{ \"description\": \"Schema of the Data property of an EventGridEvent for a {eventType} event.\", \"type\": \"object\", \"properties\": {{ {properties} }} }}";

    public static ParseResult Parse(string text, string path = DefaultPath, string? name = null, string? include = null, params SourceDocument[] documents) =>
        SpecParser.Parse(new SpecFile(path, text, null), new SpecSettings("Contoso.Events", "public", name, include), documents.ToEquatableArray(), CancellationToken.None);

    public static SpecModel ModelOf(ParseResult result) =>
        result.Model ?? throw new InvalidOperationException("No model: " + Describe(result));

    public static TypeModel Type(SpecModel model, string name) =>
        model.Types.SingleOrDefault(type => type.Name == name) ?? throw new InvalidOperationException($"No type '{name}' among {string.Join(", ", model.Types.Select(static type => type.Name))}.");

    public static PropertyModel Property(SpecModel model, string type, string jsonName) =>
        Type(model, type).AllProperties.Single(property => property.JsonName == jsonName);

    public static string Describe(ParseResult result) =>
        string.Join("; ", result.Diagnostics.Select(static diagnostic => $"{diagnostic.Id} {string.Join(" | ", diagnostic.Arguments)}"));

    public static string[] Ids(ParseResult result) => result.Diagnostics.Select(static diagnostic => diagnostic.Id).ToArray();

    public static string Message(DiagnosticInfo diagnostic) =>
        diagnostic.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
