using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using MediaEvents.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>
/// Spec names that are valid JSON but awkward in C# (found by <see cref="FuzzedSpecTests"/> and by probing around
/// its findings). The rule is the fuzzer's: the output compiles, or a MEG error says what to rename.
/// </summary>
public sealed class AwkwardNameTests
{
    private static readonly Dictionary<string, string> s_specs = new(StringComparer.Ordinal)
    {
        // Controls: awkward names the generator already handles.
        { "property named \"class\"", Spec(Definition("MediaJobErrorDetail", Property("class"))) },
        { "property named \"@odata.type\"", Spec(Definition("MediaJobErrorDetail", Property("@odata.type"))) },
        { "property named \"1st\"", Spec(Definition("MediaJobErrorDetail", Property("1st"))) },
        { "enum value \"in-progress\"", Spec(Definition("MediaJobErrorDetail", EnumProperty("code", "Codes", "in-progress", "done"))) },
        { "description with a line break and markup", Spec(Definition("MediaJobErrorDetail", "        \"code\": { \"type\": \"string\", \"description\": \"line one\\n</summary> */ line two\" }")) },

        // Names that PascalCase to "_": the converter's local becomes the discard '_'.
        { "property named \"_\"", Spec(Definition("MediaJobErrorDetail", Property("_"))) },
        { "property named \"\"", Spec(Definition("MediaJobErrorDetail", Property(string.Empty))) },
        { "x-ms-enum named \"-\"", Spec(Definition("MediaJobErrorDetail", EnumProperty("code", "-", "A"))) },

        // Names that clash with members every record or generated enum struct has.
        { "property named \"ToString\"", Spec(Definition("MediaJobErrorDetail", Property("ToString"))) },
        { "property named \"Clone\"", Spec(Definition("MediaJobErrorDetail", Property("Clone"))) },
        { "enum value \"Equals\"", Spec(Definition("MediaJobErrorDetail", EnumProperty("code", "Codes", "A", "Equals"))) },
        { "enum value \"FromUtf8\"", Spec(Definition("MediaJobErrorDetail", EnumProperty("code", "Codes", "A", "FromUtf8"))) },

        // Type names that equal a member name of the type itself.
        { "definition named \"UnknownMembers\"", Spec(Definition("UnknownMembers", Property("code"))) },
        { "x-ms-enum named \"Value\"", Spec(Definition("MediaJobErrorDetail", EnumProperty("code", "Value", "A"))) },

        // Type names that clash with the serializer context's members or with the runtime's names.
        { "definition named \"Options\"", Spec(Definition("Options", Property("code"))) },
        { "definition named \"Default\"", Spec(Definition("Default", Property("code"))) },
        { "definition named \"Json\"", Spec(Definition("Json", Property("code"))) },
        { "definition named \"MediaEvent\"", Spec(Definition("MediaEvent", Property("code"))) },

        // Text that reaches a one-line doc comment unsplit.
        { "x-ms-discriminator-value with a line break", Spec(Base("kind"), Derived("line one\nline two")) },
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string what in s_specs.Keys)
        {
            data.Add(what);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_compiles_or_a_MEG_error_explains_why(string what)
    {
        string spec = s_specs[what];
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/consumer/MediaServices.json", spec) });
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.DoesNotContain(diagnostics, static diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        if (result.Diagnostics.Any(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            Assert.DoesNotContain(result.Diagnostics, static diagnostic => diagnostic.Id == "MEG0011");
            Assert.Empty(result.GeneratedSources);
            return;
        }

        Diagnostic[] errors = output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(
            errors.Length == 0,
            $"A spec with a {what} generates code with {errors.Length} compile error(s) and no MEG diagnostic:{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors.Take(5).Select(static error => "  " + error))
            + $"{Environment.NewLine}Spec:{Environment.NewLine}{spec}");
    }

    private static string Spec(params string[] definitions) =>
        "{\n  \"swagger\": \"2.0\",\n  \"info\": { \"title\": \"Awkward names\", \"version\": \"1\" },\n  \"definitions\": {\n"
        + string.Join(",\n", definitions)
        + "\n  }\n}\n";

    private static string Definition(string name, params string[] properties) =>
        $"    {Json(name)}: {{\n      \"type\": \"object\",\n      \"properties\": {{\n{string.Join(",\n", properties)}\n      }}\n    }}";

    private static string Property(string name) => $"        {Json(name)}: {{ \"type\": \"string\" }}";

    private static string EnumProperty(string name, string enumName, params string[] values) =>
        $"        {Json(name)}: {{ \"type\": \"string\", \"enum\": [{string.Join(", ", values.Select(Json))}], \"x-ms-enum\": {{ \"name\": {Json(enumName)}, \"modelAsExtensible\": true }} }}";

    private static string Base(string discriminator) =>
        $"    \"MediaJobOutput\": {{\n      \"discriminator\": {Json(discriminator)},\n      \"type\": \"object\",\n      \"required\": [{Json(discriminator)}],\n      \"properties\": {{\n{Property(discriminator)}\n      }}\n    }}";

    private static string Derived(string value) =>
        $"    \"MediaJobOutputAsset\": {{\n      \"x-ms-discriminator-value\": {Json(value)},\n      \"allOf\": [ {{ \"$ref\": \"#/definitions/MediaJobOutput\" }} ],\n      \"type\": \"object\",\n      \"properties\": {{\n{Property("assetName")}\n      }}\n    }}";

    private static string Json(string value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
