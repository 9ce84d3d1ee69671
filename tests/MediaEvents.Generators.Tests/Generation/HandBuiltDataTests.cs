using System;
using System.Collections.Generic;
using System.Linq;
using MediaEvents.Generated;
using MediaEvents.Generators.Tests.Infrastructure;
using MediaEvents.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// Data built by hand, as a test of a handler builds it, on the Media code generated into this assembly: a subtype
/// sets its discriminator itself, and a record equals (with the same hash) the record read from the same JSON whatever
/// collections it was built with.
/// </summary>
public sealed class HandBuiltDataTests
{
    private const string JobFinishedJson = """
        {
          "previousState": "Processing",
          "state": "Finished",
          "correlationData": { "order": "42", "tenant": "contoso" },
          "outputs": [
            { "@odata.type": "#Microsoft.Media.JobOutputAsset", "assetName": "encoded", "progress": 100, "state": "Finished" },
            {
              "@odata.type": "#Microsoft.Media.JobOutputAsset", "assetName": "thumbnails", "progress": 50, "state": "Error",
              "error": { "code": "ServiceError", "message": "m", "details": [{ "code": "a", "message": "b" }, { "code": "c" }] }
            }
          ]
        }
        """;

    private static T Read<T>(string dataJson)
        where T : class
    {
        string eventType = MediaEventTypes.Catalog.Types.Single(type => type.DataType == typeof(T)).Name;
        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read($$"""{"id":"1","eventType":"{{eventType}}","data":{{dataJson}}}""");
        Assert.False(batch.HasFailures, string.Join("; ", batch.Failures));
        return Assert.IsType<MediaEvent<T>>(Assert.Single(batch.Events)).Data;
    }

    private static void AssertEqualWithTheSameHash<T>(T built, T read)
    {
        Assert.Equal(read, built);
        Assert.Equal(built, read);
        Assert.Equal(read!.GetHashCode(), built!.GetHashCode());
        Assert.Contains(built, new HashSet<T> { read });
    }

    [Fact]
    public void A_subtype_built_without_its_discriminator_has_it_and_reads_back_as_itself()
    {
        var built = new MediaJobOutputStateChangeEventData
        {
            Output = new MediaJobOutputAsset { AssetName = "encoded", Progress = 100, State = MediaJobState.Finished },
        };

        Assert.Equal("#Microsoft.Media.JobOutputAsset", built.Output.OdataType);
        string json = System.Text.Encoding.UTF8.GetString(MediaEventWriter.ToUtf8Json(MediaEventTypes.JobOutputStateChangeType.CreateEvent(built, subject: "s"), MediaEventSchema.EventGrid));
        Assert.Contains("\"@odata.type\":\"#Microsoft.Media.JobOutputAsset\"", json, StringComparison.Ordinal);
        MediaEvent read = Assert.Single(MediaEventDispatcher.CreateReader().Read(json).Events);
        AssertEqualWithTheSameHash(built, Assert.IsType<MediaJobOutputStateChangeEventData>(read.TypedData));
    }

    [Fact]
    public void A_subtype_takes_its_own_discriminator_set_by_hand_and_refuses_another()
    {
        var same = new MediaJobOutputAsset { OdataType = "#Microsoft.Media.JobOutputAsset", Progress = 1, State = MediaJobState.Queued };
        Assert.Equal(new MediaJobOutputAsset { Progress = 1, State = MediaJobState.Queued }, same);

        ArgumentException wrong = Assert.Throws<ArgumentException>(() => new MediaJobOutputAsset { OdataType = "#Microsoft.Media.JobOutputFuture", Progress = 1, State = MediaJobState.Queued });
        Assert.Equal(
            "MediaJobOutputAsset.OdataType is always \"#Microsoft.Media.JobOutputAsset\", set by the type itself: it cannot be set to \"#Microsoft.Media.JobOutputFuture\". "
            + "An object of another kind is another type (UnknownMediaJobOutput for a kind the spec does not list). (Parameter 'value')",
            wrong.Message);
        Assert.Throws<ArgumentException>(() => new MediaJobOutputAsset { OdataType = "#microsoft.media.jobOutputAsset", Progress = 1, State = MediaJobState.Queued });
        Assert.Throws<ArgumentException>(() => new MediaJobOutputAsset { OdataType = null!, Progress = 1, State = MediaJobState.Queued });
    }

    [Fact]
    public void The_fallback_subtype_keeps_the_value_it_is_given()
    {
        var unknown = new UnknownMediaJobOutput { OdataType = "#Microsoft.Media.JobOutputFuture", Progress = 7, State = MediaJobState.Queued };
        var read = Read<MediaJobOutputStateChangeEventData>("""{"output":{"@odata.type":"#Microsoft.Media.JobOutputFuture","progress":7,"state":"Queued"}}""");

        Assert.Equal("#Microsoft.Media.JobOutputFuture", unknown.OdataType);
        AssertEqualWithTheSameHash(new MediaJobOutputStateChangeEventData { Output = unknown }, read);
        Assert.NotEqual(unknown, unknown with { OdataType = "#Microsoft.Media.JobOutputPast" });
    }

    [Fact]
    public void Consumer_code_builds_a_subtype_without_its_discriminator_and_must_give_the_fallback_one()
    {
        const string consumer = """
            using MediaEvents;
            static class Build
            {
                public static MediaJobOutput Asset() => new MediaJobOutputAsset { Progress = 1, State = MediaJobState.Queued };
                public static MediaJobOutput Unknown() => new UnknownMediaJobOutput { Progress = 1, State = MediaJobState.Queued };
            }
            """;
        GeneratedAssembly generated = GeneratedAssembly.Generate(GeneratorHarness.OwnSpecText, "/consumer/MediaServices.json", sources: consumer);

        Diagnostic error = Assert.Single(generated.Output.GetDiagnostics(), static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS9035", error.Id);
        Assert.Contains("UnknownMediaJobOutput.OdataType", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Unknown()", error.Location.SourceTree!.GetText().Lines[error.Location.GetLineSpan().StartLinePosition.Line].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_built_with_lists_dictionaries_and_arrays_equals_the_data_read_with_the_same_hash()
    {
        var built = new MediaJobFinishedEventData
        {
            PreviousState = MediaJobState.Processing,
            State = MediaJobState.Finished,
            CorrelationData = new Dictionary<string, string> { ["tenant"] = "contoso", ["order"] = "42" },
            Outputs = new List<MediaJobOutput>
            {
                new MediaJobOutputAsset { AssetName = "encoded", Progress = 100, State = MediaJobState.Finished },
                new MediaJobOutputAsset
                {
                    AssetName = "thumbnails",
                    Progress = 50,
                    State = MediaJobState.Error,
                    Error = new MediaJobError
                    {
                        Code = MediaJobErrorCode.ServiceError,
                        Message = "m",
                        Details = new[] { new MediaJobErrorDetail { Code = "a", Message = "b" }, new MediaJobErrorDetail { Code = "c" } },
                    },
                },
            },
        };

        AssertEqualWithTheSameHash(built, Read<MediaJobFinishedEventData>(JobFinishedJson));
        Assert.IsType<ValueList<MediaJobOutput>>(built.Outputs);
        Assert.IsType<ValueMap<string>>(built.CorrelationData);
    }

    [Fact]
    public void Data_built_with_collection_expressions_or_changed_with_with_equals_the_data_read()
    {
        MediaJobFinishedEventData read = Read<MediaJobFinishedEventData>(JobFinishedJson);
        MediaJobOutput[] outputs = read.Outputs!.ToArray();

        MediaJobFinishedEventData rebuilt = read with { Outputs = [.. outputs], CorrelationData = read.CorrelationData!.ToDictionary() };

        AssertEqualWithTheSameHash(rebuilt, read);
        Assert.NotEqual(read, read with { Outputs = [outputs[1], outputs[0]] });
        Assert.NotEqual(read, read with { Outputs = [outputs[0]] });
        Assert.NotEqual(read, read with { CorrelationData = new Dictionary<string, string> { ["order"] = "43", ["tenant"] = "contoso" } });
        Assert.NotEqual(read, read with { CorrelationData = null });
    }

    [Fact]
    public void A_list_or_map_read_from_json_is_kept_as_it_is()
    {
        MediaJobFinishedEventData read = Read<MediaJobFinishedEventData>(JobFinishedJson);

        MediaJobFinishedEventData copy = read with { };

        Assert.Same(read.Outputs, copy.Outputs);
        Assert.Same(read.CorrelationData, (read with { Outputs = [] }).CorrelationData);
        Assert.Same(read.Outputs, ValueList.From(read.Outputs));
        Assert.Same(read.CorrelationData, ValueMap.From(read.CorrelationData));
    }

    [Fact]
    public void Nested_lists_and_maps_built_by_hand_equal_those_read_with_the_same_hash()
    {
        // Consumer code against TypesShown.json: a list of lists, maps of lists, a polymorphic list, required ones.
        const string consumer = """
            using System;
            using System.Collections.Generic;
            using Contoso.Events;
            using MediaEvents.Json;

            public static class Build
            {
                public static ContosoTypesShownEventData Data() => new()
                {
                    Grid = new List<List<double>> { new() { 1.5, -2.25 }, new(), new() { 3 } },
                    TagsByName = new Dictionary<string, IReadOnlyList<string>> { ["empty"] = Array.Empty<string>(), ["a"] = new List<string> { "x", "y" } },
                    Shapes = new ContosoShape[]
                    {
                        new ContosoSquare { Side = 3, Corners = [new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)] },
                        new ContosoCircle { Radius = 0.5, Label = "c" },
                    },
                    RequiredText = "",
                    RequiredInt32 = 0,
                    RequiredInt64 = 1,
                    RequiredNumber = 2.5,
                    RequiredFlag = true,
                    RequiredTime = new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero),
                    RequiredShade = ContosoShade.Green,
                    RequiredPart = new ContosoPart { Name = "r" },
                    RequiredInts = [1, 2],
                    RequiredTagsByName = new Dictionary<string, IReadOnlyList<string>> { ["k"] = ["v"] },
                    RequiredRaw = RawJsonValue.Parse("{}"),
                    RequiredShape = new ContosoSquare(),
                };

                public static ContosoTypesShownEventData OneInnerItemChanged() => Data() with { Grid = new List<List<double>> { new() { 1.5, -2.5 }, new(), new() { 3 } } };

                public static ContosoTypesShownEventData OneInnerListChanged() =>
                    Data() with { TagsByName = new Dictionary<string, IReadOnlyList<string>> { ["empty"] = Array.Empty<string>(), ["a"] = new List<string> { "y", "x" } } };
            }
            """;
        const string json = """
            {
              "grid": [[1.5, -2.25], [], [3]],
              "tagsByName": { "a": ["x", "y"], "empty": [] },
              "shapes": [{ "kind": "Square", "side": 3, "corners": ["2024-01-01T00:00:00Z"] }, { "label": "c", "radius": 0.5, "kind": "Circle" }],
              "requiredText": "", "requiredInt32": 0, "requiredInt64": 1, "requiredNumber": 2.5, "requiredFlag": true,
              "requiredTime": "2024-02-29T00:00:00Z", "requiredShade": "Green", "requiredPart": { "name": "r" },
              "requiredInts": [1, 2], "requiredTagsByName": { "k": ["v"] }, "requiredRaw": {}, "requiredShape": { "kind": "Square" }
            }
            """;
        string path = System.IO.Path.Combine(RepositoryPaths.Root, "tests", "MediaEvents.Generators.Tests", "Generation", "Specs", "TypesShown.json");
        GeneratedAssembly generated = GeneratedAssembly.Generate(
            System.IO.File.ReadAllText(path),
            path,
            new Dictionary<string, string> { ["MediaEventsSpec"] = "true", ["MediaEventsNamespace"] = TypesShownSpec.Namespace },
            consumer);
        Assert.Empty(generated.Problems);
        using LoadedAssembly loaded = generated.Load();
        object Call(string method) => loaded.GetType("Build").GetMethod(method)!.Invoke(null, null)!;

        MediaEventBatch batch = loaded.CreateReader().Read(TypesShownSpec.Delivery(json));
        object read = Assert.Single(batch.Events).TypedData!;
        object built = Call("Data");

        AssertEqualWithTheSameHash(built, read);
        Assert.NotEqual(read, Call("OneInnerItemChanged"));
        Assert.NotEqual(read, Call("OneInnerListChanged"));
    }
}
