using System.Linq;
using MediaEvents.Generators.Model;
using Xunit;
using static MediaEvents.Generators.Tests.Parsing.SpecText;

namespace MediaEvents.Generators.Tests.Parsing;

/// <summary>
/// A reference into another file resolves against the project's other AdditionalFiles items, by its path relative
/// to the referring file; the generator reads nothing else.
/// </summary>
public sealed class ReferenceResolutionTests
{
    private const string Common = """
        {
          "swagger": "2.0",
          "info": { "title": "Common", "version": "1" },
          "definitions": {
            "StorageDiagnostics": { "type": "object", "properties": { "batchId": { "type": "string" }, "origin": { "$ref": "#/definitions/Origin" } } },
            "Origin": { "type": "string", "enum": [ "Service", "User" ], "x-ms-enum": { "name": "Origin", "modelAsExtensible": true } },
            "Unused": { "type": "object", "properties": { "x": { "type": "integer" } } }
          }
        }
        """;

    private static string Referring(string reference) =>
        Swagger(EventDefinition("StorageBlobCreatedEventData", "Microsoft.Storage.BlobCreated", $"\"diagnostics\": {{ \"$ref\": \"{reference}\" }}"));

    [Theory]
    [InlineData("./common.json#/definitions/StorageDiagnostics", "/repo/specs/common.json")]
    [InlineData("common.json#/definitions/StorageDiagnostics", "/repo/specs/common.json")]
    [InlineData("../shared/common.json#/definitions/StorageDiagnostics", "/repo/shared/common.json")]
    public void A_reference_into_an_AdditionalFiles_item_imports_the_definition_and_what_it_references(string reference, string commonPath)
    {
        ParseResult result = Parse(Referring(reference), "/repo/specs/storage.json", documents: new SourceDocument(commonPath, Common));

        Assert.Empty(result.Diagnostics);
        SpecModel model = ModelOf(result);
        Assert.Equal(new TypeRef(ValueKind.Object, "StorageDiagnostics"), Property(model, "StorageBlobCreatedEventData", "diagnostics").Type);
        Assert.Equal(new TypeRef(ValueKind.Enum, "Origin"), Property(model, "StorageDiagnostics", "origin").Type);
        Assert.DoesNotContain(model.Types, static type => type.Name == "Unused");
    }

    [Fact]
    public void A_reference_into_a_file_the_project_does_not_list_says_which_file_to_add()
    {
        ParseResult result = Parse(Referring("./common.json#/definitions/StorageDiagnostics"), "/repo/specs/storage.json");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("MEG0013", warning.Id);
        string message = Message(warning);
        Assert.Contains("'/repo/specs/common.json'", message);
        Assert.Contains("<AdditionalFiles Include=\"/repo/specs/common.json\" />", message);
        Assert.Equal(ValueKind.Json, Property(ModelOf(result), "StorageBlobCreatedEventData", "diagnostics").Type.Kind);
    }

    [Fact]
    public void A_warning_inside_an_imported_definition_is_located_in_its_own_file()
    {
        string common = Common.Replace("\"batchId\": { \"type\": \"string\" }", "\"batchId\": { \"type\": \"integer\", \"format\": \"int128\" }");

        ParseResult result = Parse(Referring("./common.json#/definitions/StorageDiagnostics"), "/repo/specs/storage.json", documents: new SourceDocument("/repo/specs/common.json", common));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("MEG0004", warning.Id);
        Assert.Equal("/repo/specs/common.json", warning.Location!.FilePath);
        Assert.Equal(4, warning.Location.Line);
    }

    [Theory]
    [InlineData("./common.json#/definitions/Missing", "has no definition named 'Missing'")]
    [InlineData("https://example.invalid/common.json#/definitions/StorageDiagnostics", "points at a URL")]
    [InlineData("#/parameters/ApiVersion", "only references to '#/definitions/<name>'")]
    public void A_reference_that_cannot_be_followed_is_a_warning_and_raw_json(string reference, string problem)
    {
        ParseResult result = Parse(Referring(reference), "/repo/specs/storage.json", documents: new SourceDocument("/repo/specs/common.json", Common));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("MEG0003", warning.Id);
        Assert.Contains(problem, Message(warning));
        Assert.Equal(ValueKind.Json, Property(ModelOf(result), "StorageBlobCreatedEventData", "diagnostics").Type.Kind);
    }

    [Fact]
    public void An_imported_definition_whose_name_the_spec_uses_for_another_keeps_both()
    {
        string text = Swagger(
            EventDefinition("StorageBlobCreatedEventData", "Microsoft.Storage.BlobCreated", "\"diagnostics\": { \"$ref\": \"./common.json#/definitions/StorageDiagnostics\" }, \"local\": { \"$ref\": \"#/definitions/StorageDiagnostics\" }") + ",\n" +
            "\"StorageDiagnostics\": { \"type\": \"object\", \"properties\": { \"local\": { \"type\": \"boolean\" } } }");

        SpecModel model = ModelOf(Parse(text, "/repo/specs/storage.json", documents: new SourceDocument("/repo/specs/common.json", Common)));

        Assert.Equal(new TypeRef(ValueKind.Object, "StorageDiagnostics"), Property(model, "StorageBlobCreatedEventData", "local").Type);
        Assert.Equal(new TypeRef(ValueKind.Object, "StorageDiagnostics2"), Property(model, "StorageBlobCreatedEventData", "diagnostics").Type);
        Assert.Equal("batchId", Type(model, "StorageDiagnostics2").AllProperties[0].JsonName);
    }
}
