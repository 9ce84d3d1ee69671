using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaEvents.Generators.Tests.Infrastructure;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// <c>Specs/TypesShown.json</c>, a spec with a member of every type and format the generator maps, generated once,
/// compiled and loaded for the tests of the <see cref="Collection"/> collection; with a delivery of its one event
/// type (<c>Microsoft.Contoso.TypesShown</c>) that gives every member a value.
/// </summary>
public sealed class TypesShownSpec : IDisposable
{
    /// <summary>The collection whose tests share one generated spec.</summary>
    public const string Collection = "TypesShown";

    /// <summary>The event type the spec defines.</summary>
    public const string EventType = "Microsoft.Contoso.TypesShown";

    /// <summary>The namespace the spec's item metadata asks for.</summary>
    public const string Namespace = "Contoso.Events";

    /// <summary>
    /// Data with every member present, values at the edges of their types. The raw JSON members are written with
    /// odd spacing and number spellings, so that a test can tell they were kept as they arrived.
    /// </summary>
    public const string FullData = """
        {
          "text": "plain \u00e9 text",
          "uri": "https://contoso.example/a?b=c",
          "day": "2024-02-29",
          "time": "2024-02-29T23:59:59.9999999+05:30",
          "int32": -2147483648,
          "integer": 2147483647,
          "int64": 9007199254740993,
          "number": 1.5e-300,
          "double": -0.0,
          "float": 0.1,
          "flag": false,
          "part": { "name": "p", "weight": 2.5 },
          "shade": "Red",
          "size": "Medium",
          "ints": [1, -2147483648, 2147483647],
          "grid": [[1.5, -2.25], [], [1.7976931348623157e308]],
          "timesByName": {
            "utc": "2018-04-20T21:26:13Z",
            "noOffset": "2018-04-20T21:26:13",
            "offset": "2018-04-20T21:26:13.1234567-07:00",
            "dayOnly": "2018-04-20"
          },
          "tagsByName": { "a": ["x", "y"], "empty": [] },
          "parts": [{ "name": "p1" }, { "name": "p2", "weight": -1 }],
          "partsByName": { "k": { "name": "p3", "weight": 0 } },
          "shades": ["Green", "red", "Blue"],
          "rawByName": { "o": {"a" : [1, 2.50, {"b": null}]}, "s": "te\u0078t", "n": 1.0E+2, "t": true },
          "rawItems": [1, "two", {"three":3}, [4], false, 1.10],
          "freeForm": {"nested": {"deep": [null, 1.0]}},
          "untyped": 42,
          "openMap": {"x": 1},
          "emptyMap": {"y": [2]},
          "inline": { "count": 7, "since": "2024-01-01T00:00:00Z" },
          "levels": ["High", "low", "Extreme"],
          "windowsByName": { "w": { "from": "2024-03-31T01:59:59", "minutes": 90 }, "v": { "from": "2024-03-31T03:00:00+02:00" } },
          "shape": { "kind": "Circle", "label": "c", "radius": 0.5 },
          "shapes": [
            { "kind": "Square", "side": 3, "corners": ["2024-01-01T00:00:00Z", "2024-01-01T00:00:01"] },
            { "kind": "Hexagon", "label": "h", "sides": 6 },
            { "label": "last", "radius": 2, "kind": "Circle" }
          ],
          "requiredText": "",
          "requiredInt32": 0,
          "requiredInt64": -9223372036854775808,
          "requiredNumber": 86.0,
          "requiredFlag": true,
          "requiredTime": "2024-02-29",
          "requiredShade": "Green",
          "requiredPart": { "name": "r" },
          "requiredInts": [],
          "requiredTagsByName": {},
          "requiredRaw": {},
          "requiredShape": { "kind": "Square" }
        }
        """;

    private readonly LoadedAssembly _loaded;

    public TypesShownSpec()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "MediaEvents.Generators.Tests", "Generation", "Specs", "TypesShown.json");
        Generated = GeneratedAssembly.Generate(File.ReadAllText(path), path, new Dictionary<string, string>
        {
            ["MediaEventsSpec"] = "true",
            ["MediaEventsNamespace"] = Namespace,
        });

        // Loaded only when the build is clean: a test of the build says what is wrong, the others fail on null.
        _loaded = Generated.Result.Exception is null && Generated.Problems.Count == 0 ? Generated.Load() : null!;
    }

    /// <summary>The generator's run and the compilation.</summary>
    internal GeneratedAssembly Generated { get; }

    /// <summary>The loaded assembly.</summary>
    internal LoadedAssembly Loaded => _loaded ?? throw new InvalidOperationException(
        "The spec did not build cleanly: " + string.Join(Environment.NewLine, Generated.Problems) + Generated.Result.Exception);

    /// <summary>The generated data type of the event.</summary>
    public Type DataType => Loaded.GetType(Namespace + ".ContosoTypesShownEventData");

    /// <summary>A generated type of the spec's namespace, by its simple name.</summary>
    public Type TypeNamed(string name) => Loaded.GetType(Namespace + "." + name);

    /// <summary>An Event Grid delivery of one event per data, with ids "0", "1", ….</summary>
    public static string Delivery(params string[] data) =>
        "[" + string.Join(",", data.Select(static (item, index) =>
            $$"""{"id":"{{index}}","eventType":"{{EventType}}","subject":"s","eventTime":"2024-01-01T00:00:00Z","dataVersion":"1","data":{{item}}}""")) + "]";

    /// <summary><see cref="FullData"/> with a change made to its JSON.</summary>
    public static string Changed(Action<JsonObject> change)
    {
        JsonObject data = JsonNode.Parse(FullData)!.AsObject();
        change(data);
        return data.ToJsonString();
    }

    /// <summary>Reads a delivery through the generated catalogue.</summary>
    public MediaEventBatch Read(string json) => Loaded.CreateReader().Read(Encoding.UTF8.GetBytes(json));

    /// <summary>The data of a delivery of one event, which must read.</summary>
    public object ReadData(string data)
    {
        MediaEventBatch batch = Read(Delivery(data));
        Assert.False(batch.HasFailures, string.Join(Environment.NewLine, batch.Failures));
        MediaEvent read = Assert.Single(batch.Events);
        Assert.Same(Loaded.Catalog.Types.Single(), read.KnownType);
        Assert.IsType(DataType, read.TypedData);
        return read.TypedData!;
    }

    /// <summary>Writes data with the catalogue entry's writer (<see cref="MediaEventType{TData}.WriteData"/>).</summary>
    public string WriteData(object data)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ((dynamic)Loaded.Catalog.Types.Single()).WriteData(writer, (dynamic)data);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A copy of a generated record with one property set (through its init accessor).</summary>
    public static object With(object record, string property, object? value)
    {
        object copy = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        record.GetType().GetProperty(property)!.SetValue(copy, value);
        return copy;
    }

    /// <inheritdoc />
    public void Dispose() => _loaded?.Dispose();
}

/// <summary>The tests that share one <see cref="TypesShownSpec"/>.</summary>
[CollectionDefinition(TypesShownSpec.Collection)]
public sealed class TypesShownCollection : ICollectionFixture<TypesShownSpec>
{
}
