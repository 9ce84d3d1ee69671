using System.Collections.Generic;
using MediaEvents.Generators.Model;
using MediaEvents.Generators.Tests.Infrastructure;
using MediaEvents.Generators.Tests.Parsing;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// A subtype sets the discriminator its root declares, to the value the root's reader chooses it by: its
/// <c>x-ms-discriminator-value</c>, else its definition name; at every level of a hierarchy, the fallback keeping the
/// value read.
/// </summary>
public sealed class SubtypeDiscriminatorTests
{
    private static readonly string s_spec = SpecText.Swagger("""
            "ContosoShapeDrawnEventData": {
              "description": "Schema of the Data property of an EventGridEvent for a Microsoft.Contoso.ShapeDrawn event.",
              "type": "object",
              "properties": { "shape": { "$ref": "#/definitions/Shape" }, "shapes": { "type": "array", "items": { "$ref": "#/definitions/Shape" } } }
            },
            "Shape": {
              "type": "object", "discriminator": "kind", "required": [ "kind" ],
              "properties": { "kind": { "type": "string" }, "label": { "type": "string" } }
            },
            "Circle": {
              "x-ms-discriminator-value": "circle", "allOf": [ { "$ref": "#/definitions/Shape" } ],
              "type": "object", "properties": { "radius": { "type": "number" } }
            },
            "Polygon": {
              "allOf": [ { "$ref": "#/definitions/Shape" } ],
              "type": "object", "properties": { "sides": { "type": "integer" } }
            },
            "Square": {
              "x-ms-discriminator-value": "square", "allOf": [ { "$ref": "#/definitions/Polygon" } ],
              "type": "object", "properties": { "side": { "type": "number" } }
            }
        """);

    [Fact]
    public void Each_subtype_has_the_roots_discriminator_member_and_the_value_it_is_read_by()
    {
        SpecModel model = SpecText.ModelOf(SpecText.Parse(s_spec));
        PropertyModel kind = SpecText.Property(model, "Shape", "kind");

        Assert.Null(SpecText.Type(model, "Shape").Discriminator);
        Assert.Null(SpecText.Type(model, "ContosoShapeDrawnEventData").Discriminator);
        foreach ((string name, string? value) in new[] { ("Circle", "circle"), ("Polygon", "Polygon"), ("Square", "square"), ("UnknownShape", null) })
        {
            TypeModel type = SpecText.Type(model, name);
            Assert.Equal(new DiscriminatorMember(kind, "UnknownShape"), type.Discriminator);
            Assert.Equal(value, type.DiscriminatorValue);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Consumer_code_builds_subtypes_at_every_level_without_their_discriminator_and_they_read_back_as_themselves(bool required)
    {
        // Required or not, the root's member is the one its subtypes override.
        const string requiredKind = "\"required\": [ \"kind\" ],";
        string spec = required ? s_spec : s_spec.Replace(requiredKind, string.Empty, System.StringComparison.Ordinal);
        Assert.Equal(required, spec.Contains(requiredKind, System.StringComparison.Ordinal));
        const string consumer = """
            using Contoso.Events;

            public static class Build
            {
                public static ContosoShapeDrawnEventData Data() => new()
                {
                    Shape = new Square { Side = 2, Label = "s" },
                    Shapes = [new Circle { Radius = 1 }, new Polygon { Sides = 5 }, new UnknownShape { Kind = "hexagon" }],
                };

                public static string Kinds() => string.Join(",", Data().Shape!.Kind, Data().Shapes![0].Kind, Data().Shapes![1].Kind, Data().Shapes![2].Kind);
            }
            """;
        GeneratedAssembly generated = GeneratedAssembly.Generate(
            spec,
            SpecText.DefaultPath,
            new Dictionary<string, string> { ["MediaEventsSpec"] = "true", ["MediaEventsNamespace"] = "Contoso.Events" },
            consumer);
        Assert.True(generated.Problems.Count == 0, string.Join(System.Environment.NewLine, generated.Problems));
        using LoadedAssembly loaded = generated.Load();
        object Call(string method) => loaded.GetType("Build").GetMethod(method)!.Invoke(null, null)!;
        object built = Call("Data");
        var writer = new System.IO.MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(writer))
        {
            ((dynamic)loaded.Catalog.Types[0]).WriteData(json, (dynamic)built);
        }

        string data = System.Text.Encoding.UTF8.GetString(writer.ToArray());
        MediaEventBatch read = loaded.CreateReader().Read($$"""{"id":"1","eventType":"Microsoft.Contoso.ShapeDrawn","data":{{data}}}""");

        Assert.Equal("square,circle,Polygon,hexagon", Call("Kinds"));
        Assert.Equal(built, Assert.Single(read.Events).TypedData);
    }
}
