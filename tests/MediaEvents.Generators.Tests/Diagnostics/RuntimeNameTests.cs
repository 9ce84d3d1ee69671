using System;
using System.Linq;
using MediaEvents.Generators.Model;
using MediaEvents.Generators.Parsing;
using Xunit;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>
/// Generated types land in the runtime's namespace by default; a spec name that would collide with a runtime type
/// is renamed with a warning. The list of taken names is checked here against the runtime assembly itself, so a new
/// runtime type cannot be forgotten.
/// </summary>
public sealed class RuntimeNameTests
{
    [Fact]
    public void Every_public_runtime_type_and_namespace_of_the_default_namespace_is_a_taken_name()
    {
        string[] runtimeNames = typeof(MediaEvents.MediaEvent).Assembly.GetExportedTypes()
            .Where(static type => type.Namespace is not null && type.Namespace.StartsWith("MediaEvents", StringComparison.Ordinal))
            .Select(static type => type.Namespace == "MediaEvents" ? StripArity(type.Name) : type.Namespace!.Split('.')[1])
            .Distinct()
            .ToArray();

        string[] missing = runtimeNames.Except(ReservedNames.TypeNames).ToArray();

        Assert.True(missing.Length == 0, $"Runtime names a spec could collide with, missing from ReservedNames.TypeNames: {string.Join(", ", missing)}");
    }

    [Fact]
    public void A_definition_named_like_a_runtime_type_is_renamed_with_a_warning()
    {
        ParseResult result = Parsing.SpecText.Parse(Parsing.SpecText.Swagger(
            Parsing.SpecText.EventDefinition("MediaEventBatch", "Microsoft.Media.EventBatch", "\"count\": { \"type\": \"integer\" }")));

        DiagnosticInfoAssert(result, "MEG0006");
        Assert.Equal("MediaEventBatch2", Assert.Single(Parsing.SpecText.ModelOf(result).Events).DataTypeName);
    }

    public static TheoryData<string> EntryPointNamesOfTheMediaSpec() => new(new EntryPointNames("Media").All());

    [Theory]
    [MemberData(nameof(EntryPointNamesOfTheMediaSpec))]
    public void A_definition_named_like_a_generated_entry_point_is_renamed_with_a_warning(string entryPoint)
    {
        // The event that carries it keeps the spec's publisher, so that the stem stays Media.
        string text = Parsing.SpecText.Swagger(
            Parsing.SpecText.EventDefinition("MediaJobFinishedEventData", "Microsoft.Media.JobFinished", "\"label\": { \"type\": \"string\" }") + ",\n" +
            $"\"{entryPoint}\": {{ \"type\": \"object\", \"properties\": {{ \"count\": {{ \"type\": \"integer\" }} }} }},\n" +
            Parsing.SpecText.EventDefinition("MediaJobPausedEventData", "Microsoft.Media.JobPaused", $"\"detail\": {{ \"$ref\": \"#/definitions/{entryPoint}\" }}"));

        ParseResult result = Parsing.SpecText.Parse(text);

        DiagnosticInfoAssert(result, "MEG0006");
        Assert.Contains(Parsing.SpecText.ModelOf(result).Types, type => type.Name == entryPoint + "2");
    }

    private static void DiagnosticInfoAssert(ParseResult result, string id) =>
        Assert.True(result.Diagnostics.Count == 1 && result.Diagnostics[0].Id == id, Parsing.SpecText.Describe(result));

    private static string StripArity(string name) => name.IndexOf('`') is var tick and >= 0 ? name.Substring(0, tick) : name;
}
