using System.Linq;
using MediaEvents.Generators.Model;
using Xunit;
using static MediaEvents.Generators.Tests.Parsing.SpecText;

namespace MediaEvents.Generators.Tests.Parsing;

/// <summary>
/// One odd definition or member never sinks its spec: what the generator cannot type is raw JSON, what upstream
/// got wrong is read as it evidently means, each with a warning located in the file, and the rest is generated.
/// </summary>
public sealed class DegradationTests
{
    [Theory]
    [InlineData("{ \"type\": \"object\" }")]
    [InlineData("{ \"type\": \"object\", \"additionalProperties\": {} }")]
    [InlineData("{ \"type\": \"object\", \"additionalProperties\": true }")]
    [InlineData("{ \"description\": \"Says nothing of its type.\" }")]
    public void A_free_form_or_untyped_member_is_raw_json_without_a_warning(string member)
    {
        ParseResult result = Parse(Swagger(EventDefinition("ContosoThingEventData", "Microsoft.Contoso.Thing", $"\"body\": {member}, \"name\": {{ \"type\": \"string\" }}")));

        Assert.Empty(result.Diagnostics);
        SpecModel model = ModelOf(result);
        Assert.Equal(ValueKind.Json, Property(model, "ContosoThingEventData", "body").Type.Kind);
        Assert.Equal(ValueKind.String, Property(model, "ContosoThingEventData", "name").Type.Kind);
    }

    [Fact]
    public void AdditionalProperties_with_a_schema_is_a_map_of_that_type()
    {
        SpecModel model = ModelOf(Parse(Swagger(EventDefinition("ContosoThingEventData", "Microsoft.Contoso.Thing",
            "\"counts\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"integer\", \"format\": \"int64\" } }"))));

        TypeRef counts = Property(model, "ContosoThingEventData", "counts").Type;
        Assert.Equal(new TypeRef(ValueKind.Map, Element: new TypeRef(ValueKind.Int64)), counts);
    }

    [Theory]
    [InlineData("{ \"type\": \"integer\", \"format\": \"int128\" }", "the integer format 'int128'")]
    [InlineData("{ \"type\": \"number\", \"format\": \"decimal\" }", "the number format 'decimal'")]
    [InlineData("{ \"type\": \"file\" }", "the type 'file'")]
    public void A_type_the_generator_cannot_map_is_raw_json_with_a_warning_at_the_member(string member, string what)
    {
        string text = Swagger(EventDefinition("ContosoThingEventData", "Microsoft.Contoso.Thing", $"\"size\": {member}"));
        ParseResult result = Parse(text);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("MEG0004", warning.Id);
        Assert.Contains(what, Message(warning));
        Assert.Contains("RawJsonValue", Message(warning));
        Assert.Equal(text.Split('\n').ToList().FindIndex(static line => line.Contains("\"size\"")), warning.Location!.Line);
        Assert.Equal(ValueKind.Json, Property(ModelOf(result), "ContosoThingEventData", "size").Type.Kind);
    }

    [Fact]
    public void An_inline_object_with_properties_becomes_a_type_named_for_its_place()
    {
        SpecModel model = ModelOf(Parse(Swagger(EventDefinition("DeviceTwinInfo", "Microsoft.Devices.TwinChanged",
            "\"x509Thumbprint\": { \"type\": \"object\", \"properties\": { \"primaryThumbprint\": { \"type\": \"string\" } } }, " +
            "\"tags\": { \"type\": \"array\", \"items\": { \"type\": \"object\", \"properties\": { \"key\": { \"type\": \"string\" } } } }"))));

        Assert.Equal(new TypeRef(ValueKind.Object, "DeviceTwinInfoX509Thumbprint"), Property(model, "DeviceTwinInfo", "x509Thumbprint").Type);
        Assert.Equal("primaryThumbprint", Assert.Single(Type(model, "DeviceTwinInfoX509Thumbprint").AllProperties).JsonName);
        Assert.Equal(new TypeRef(ValueKind.Array, Element: new TypeRef(ValueKind.Object, "DeviceTwinInfoTagsItem")), Property(model, "DeviceTwinInfo", "tags").Type);
        Assert.Null(Type(model, "DeviceTwinInfoX509Thumbprint").DefinitionName);
    }

    [Fact]
    public void References_outside_the_definitions_are_never_followed()
    {
        string text = """
            {
              "swagger": "2.0",
              "info": { "title": "Test", "version": "1" },
              "paths": { "/x": { "post": { "x-ms-examples": { "Sample": { "$ref": "./examples/sample.json" } }, "parameters": [ { "$ref": "#/parameters/Missing" } ] } } },
              "definitions": {
                "ContosoThingEventData": {
                  "description": "Schema of the Data property of an EventGridEvent for a Microsoft.Contoso.Thing event.",
                  "type": "object",
                  "properties": { "name": { "type": "string", "x-ms-examples": { "One": { "$ref": "./examples/one.json" } } } }
                }
              }
            }
            """;

        ParseResult result = Parse(text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(ValueKind.String, Property(ModelOf(result), "ContosoThingEventData", "name").Type.Kind);
    }

    [Fact]
    public void A_dangling_reference_is_a_warning_and_the_member_is_raw_json()
    {
        ParseResult result = Parse(Swagger(EventDefinition("ContosoThingEventData", "Microsoft.Contoso.Thing", "\"detail\": { \"$ref\": \"#/definitions/Missing\" }")));

        Assert.Equal(new[] { "MEG0003" }, Ids(result));
        Assert.Contains("there is no definition named 'Missing'", Message(result.Diagnostics[0]));
        Assert.Equal(ValueKind.Json, Property(ModelOf(result), "ContosoThingEventData", "detail").Type.Kind);
    }

    [Fact]
    public void A_swagger_3_0_that_is_swagger_2_0_in_every_other_way_is_read_with_a_warning()
    {
        string text = Swagger(EventDefinition("ContosoThingEventData", "Microsoft.Contoso.Thing", "\"name\": { \"type\": \"string\" }")).Replace("\"2.0\"", "\"3.0\"");

        ParseResult result = Parse(text);

        Assert.Equal(new[] { "MEG0012" }, Ids(result));
        Assert.Contains("\"swagger\" is \"3.0\"", Message(result.Diagnostics[0]));
        Assert.Single(ModelOf(result).Events);
    }

    [Fact]
    public void A_stray_ref_among_the_properties_is_the_member_named_after_what_it_references()
    {
        ParseResult result = Parse(Swagger(
            EventDefinition("WebPlanUpdatedEventData", "Microsoft.Web.PlanUpdated", "\"stampKind\": { \"type\": \"string\" }, \"$ref\": \"#/definitions/AsyncStatus\"") + ",\n" +
            "\"AsyncStatus\": { \"type\": \"string\", \"enum\": [ \"Started\", \"Completed\" ], \"x-ms-enum\": { \"name\": \"Status\", \"modelAsString\": true } }"));

        Assert.Equal(new[] { "MEG0012" }, Ids(result));
        Assert.Contains("read as the member 'status'", Message(result.Diagnostics[0]));
        SpecModel model = ModelOf(result);
        Assert.Equal(new TypeRef(ValueKind.Enum, "Status"), Property(model, "WebPlanUpdatedEventData", "status").Type);
        Assert.True(Assert.Single(model.Enums).IsExtensible);
    }

    [Fact]
    public void A_discriminator_value_without_a_discriminated_base_is_ignored_with_a_warning()
    {
        ParseResult result = Parse(Swagger(
            "\"ContosoBase\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } },\n" +
            "\"ContosoThingEventData\": { \"description\": \"Schema of the Data property of an EventGridEvent for a Microsoft.Contoso.Thing event.\", \"x-ms-discriminator-value\": \"#Thing\", \"allOf\": [ { \"$ref\": \"#/definitions/ContosoBase\" } ], \"properties\": { \"b\": { \"type\": \"string\" } } }"));

        Assert.Equal(new[] { "MEG0012" }, Ids(result));
        TypeModel thing = Type(ModelOf(result), "ContosoThingEventData");
        Assert.Equal("ContosoBase", thing.BaseName);
        Assert.Null(thing.DiscriminatorValue);
        Assert.Equal(new[] { "a", "b" }, thing.AllProperties.Select(static property => property.JsonName));
    }

    [Fact]
    public void A_misshapen_keyword_is_dropped_with_a_warning_and_the_definition_kept()
    {
        ParseResult result = Parse(Swagger(EventDefinition("ContosoThingEventData", "Microsoft.Contoso.Thing", "\"name\": { \"type\": \"string\" }").Replace("\"type\": \"object\",", "\"type\": \"object\", \"required\": \"name\",")));

        Assert.Equal(new[] { "MEG0012" }, Ids(result));
        Assert.Contains("'definitions.ContosoThingEventData.required' must be an array", Message(result.Diagnostics[0]));
        Assert.False(Property(ModelOf(result), "ContosoThingEventData", "name").IsRequired);
    }

    [Fact]
    public void Two_x_ms_enums_of_one_name_with_different_values_get_names_from_their_places()
    {
        ParseResult result = Parse(Swagger(EventDefinition("WebAppUpdatedEventData", "Microsoft.Web.AppUpdated",
            "\"action\": { \"type\": \"string\", \"enum\": [ \"Restarted\" ], \"x-ms-enum\": { \"name\": \"Action\" } }, " +
            "\"planAction\": { \"type\": \"string\", \"enum\": [ \"Updated\" ], \"x-ms-enum\": { \"name\": \"Action\" } }")));

        Assert.Equal(new[] { "MEG0006" }, Ids(result));
        Assert.Equal(new[] { "Action", "WebAppUpdatedEventDataPlanAction" }, ModelOf(result).Enums.Select(static model => model.Name));
    }

    [Fact]
    public void Only_a_document_without_definitions_or_not_json_is_an_error()
    {
        Assert.Null(Parse("{ \"swagger\": \"2.0\", \"paths\": {} }").Model);
        Assert.Null(Parse("{ \"swagger\": ").Model);
        Assert.Null(Parse("{ \"openapi\": \"3.0.0\", \"components\": {} }").Model);
        Assert.NotNull(Parse(Swagger("\"Odd\": 42,\n" + EventDefinition("ContosoThingEventData", "Microsoft.Contoso.Thing"))).Model);
    }
}
