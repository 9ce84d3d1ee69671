using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using MediaEvents.Generators.Tests.Infrastructure;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// The value policies, through generated code on <see cref="TypesShownSpec"/>: what each mapped type accepts
/// beyond its plain form (an integer written 86.0 or "86"; a date-time without offset, which is UTC; a date alone,
/// midnight UTC), and what fails (NaN and Infinity, numbers beyond a double, integers out of range or with a
/// fraction, null inside a list or map, a missing required member). A value that fails fails its own event only,
/// with its JSON path, and the rest of the batch is read.
/// </summary>
[Collection(TypesShownSpec.Collection)]
public sealed class MappedTypePolicyTests
{
    // Each entry: the change to the full data, the path of the failure in the delivery below the event's index,
    // and its reason. The events between them (index 0, every fifth, the last) are the full data unchanged.
    private static readonly (Action<JsonObject> Change, string Path, string Reason)[] s_failures =
    {
        (static json => json["ints"]![2] = 2147483648L, "data.ints[2]", "expected an integer (int32), found the number 2147483648 (out of range)"),
        (static json => json["double"] = "NaN", "data.double", "expected a number, found the string \"NaN\""),
        (static json => json["timesByName"]!["noOffset"] = "2018-04-20T25:00:00", "data.timesByName.noOffset", "expected an ISO 8601 date and time, found the string \"2018-04-20T25:00:00\""),
        (static json => json["ints"]![1] = null, "data.ints[1]", "expected a value, found null"),
        (static json => json["grid"]![0]![1] = "-Infinity", "data.grid[0][1]", "expected a number, found the string \"-Infinity\""),
        (static json => json["number"] = JsonNode.Parse("1e400"), "data.number", "expected a number, found the number 1e400 (out of range)"),
        (static json => json["float"] = "infinity", "data.float", "expected a number, found the string \"infinity\""),
        (static json => json["requiredInt32"] = 2.5, "data.requiredInt32", "expected an integer (int32), found the number 2.5"),
        (static json => json["int64"] = JsonNode.Parse("9223372036854775808"), "data.int64", "expected an integer (int64), found the number 9223372036854775808 (out of range)"),
        (static json => json["integer"] = "2147483648", "data.integer", "expected an integer (int32), found the string \"2147483648\" (out of range)"),
        (static json => json["partsByName"]!["k"]!["weight"] = "Infinity", "data.partsByName.k.weight", "expected a number, found the string \"Infinity\""),
        (static json => json["shapes"]![0]!["side"] = JsonNode.Parse("1e10"), "data.shapes[0].side", "expected an integer (int32), found the number 1e10 (out of range)"),
        (static json => json["shapes"]![0]!["corners"]![1] = "yesterday", "data.shapes[0].corners[1]", "expected an ISO 8601 date and time, found the string \"yesterday\""),
        (static json => json["timesByName"]!["utc"] = 1524259573, "data.timesByName.utc", "expected an ISO 8601 date and time, found the number 1524259573"),
        (static json => json["tagsByName"]!["a"]![0] = null, "data.tagsByName.a[0]", "expected a value, found null"),
        (static json => json["rawItems"]![1] = null, "data.rawItems[1]", "expected a value, found null"),
        (static json => json["shades"]![0] = null, "data.shades[0]", "expected a value, found null"),
        (static json => json.Remove("requiredShape"), "data", "the required property 'requiredShape' is missing"),
        (static json => json["requiredText"] = null, "data.requiredText", "expected a value, found null"),
        (static json => json["requiredShape"] = new JsonObject { ["label"] = "no kind" }, "data.requiredShape", "the required property 'kind' is missing"),
        (static json => json["inline"]!.AsObject().Remove("count"), "data.inline", "the required property 'count' is missing"),
        (static json => json["requiredFlag"] = "yes", "data.requiredFlag", "expected a boolean, found the string \"yes\""),
        (static json => json["windowsByName"]!["v"]!.AsObject().Remove("from"), "data.windowsByName.v", "the required property 'from' is missing"),
        (static json => json["windowsByName"]!["w"]!["minutes"] = 90.5, "data.windowsByName.w.minutes", "expected an integer (int32), found the number 90.5"),
        (static json => json["levels"]![2] = new JsonObject(), "data.levels[2]", "expected a string, found an object"),
        (static json => json["shape"]!.AsObject().Remove("radius"), "data.shape", "the required property 'radius' is missing"),
        (static json => json["shapes"]![1]!["kind"] = null, "data.shapes[1].kind", "expected a value, found null"),
    };

    private readonly TypesShownSpec _spec;

    public MappedTypePolicyTests(TypesShownSpec spec) => _spec = spec;

    [Fact]
    public void Each_bad_value_fails_only_its_own_event_with_its_path_and_the_others_are_read()
    {
        var data = new List<string>();
        var expected = new List<(int Index, string Path, string Reason)>();
        foreach ((Action<JsonObject> change, string path, string reason) in s_failures)
        {
            if (data.Count % 5 == 0)
            {
                data.Add(TypesShownSpec.FullData);
            }

            expected.Add((data.Count, $"$[{data.Count}].{path}", reason));
            data.Add(TypesShownSpec.Changed(change));
        }

        data.Add(TypesShownSpec.FullData);
        object full = _spec.ReadData(TypesShownSpec.FullData);

        MediaEventBatch batch = _spec.Read(TypesShownSpec.Delivery(data.ToArray()));

        Assert.Equal(data.Count, batch.Count);
        Assert.Equal(expected, batch.Failures.Select(static failure => (failure.Index, failure.Path, failure.Reason)));
        Assert.All(batch.Failures, static failure => Assert.Equal(failure.Index.ToString(CultureInfo.InvariantCulture), failure.Id));
        Assert.All(batch.Failures, static failure => Assert.Equal(TypesShownSpec.EventType, failure.EventType));
        MediaEvent[] read = batch.Events.ToArray();
        Assert.Equal(data.Count - expected.Count, read.Length);
        Assert.All(read, readEvent => Assert.Equal(full, readEvent.TypedData));
    }

    [Theory]
    [InlineData("86", 86)]
    [InlineData("86.0", 86)]
    [InlineData("\"86\"", 86)]
    [InlineData("1e3", 1000)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("\"2147483647\"", int.MaxValue)]
    public void An_int32_member_or_item_takes_an_integral_value_in_any_spelling(string json, int expected)
    {
        dynamic data = _spec.ReadData(TypesShownSpec.Changed(json1 =>
        {
            json1["int32"] = JsonNode.Parse(json);
            json1["requiredInts"] = new JsonArray(JsonNode.Parse(json));
        }));

        Assert.Equal(expected, (int?)data.Int32);
        Assert.Equal(new[] { expected }, (IReadOnlyList<int>)data.RequiredInts);
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    [InlineData("2147483648", 2147483648L)]
    [InlineData("1e18", 1_000_000_000_000_000_000L)]
    public void An_int64_member_takes_values_beyond_int32_up_to_its_own_range(string json, long expected)
    {
        dynamic data = _spec.ReadData(TypesShownSpec.Changed(json1 => json1["requiredInt64"] = JsonNode.Parse(json)));

        Assert.Equal(expected, (long)data.RequiredInt64);
    }

    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("\"12.5\"", 12.5)]
    [InlineData("-1.5e3", -1500.0)]
    [InlineData("1e-400", 0.0)]
    [InlineData("4.9e-324", double.Epsilon)]
    [InlineData("-1.7976931348623157e308", double.MinValue)]
    public void A_number_member_or_item_takes_every_finite_double(string json, double expected)
    {
        dynamic data = _spec.ReadData(TypesShownSpec.Changed(json1 =>
        {
            json1["float"] = JsonNode.Parse(json);
            json1["grid"] = new JsonArray(new JsonArray(JsonNode.Parse(json)));
        }));

        Assert.Equal(expected, (double?)data.Float);
        Assert.Equal(expected, ((IReadOnlyList<IReadOnlyList<double>>)data.Grid)[0][0]);
    }

    [Theory]
    [InlineData("2018-04-20T21:26:13", "2018-04-20T21:26:13.0000000+00:00")]
    [InlineData("2018-04-20", "2018-04-20T00:00:00.0000000+00:00")]
    [InlineData("2018-04-20T21:26:13.1234567", "2018-04-20T21:26:13.1234567+00:00")]
    [InlineData("2018-04-20T21:26:13.123456789", "2018-04-20T21:26:13.1234567+00:00")]
    [InlineData("2018-04-20T21:26:13.123456789+02:00", "2018-04-20T21:26:13.1234567+02:00")]
    [InlineData("2018-04-20T21:26:13-00:30", "2018-04-20T21:26:13.0000000-00:30")]
    [InlineData("2018-04-20 21:26:13.5", "2018-04-20T21:26:13.5000000+00:00")]
    public void A_date_time_without_offset_is_utc_in_a_member_and_in_a_map(string json, string expected)
    {
        dynamic data = _spec.ReadData(TypesShownSpec.Changed(json1 =>
        {
            json1["requiredTime"] = json;
            json1["timesByName"] = new JsonObject { ["t"] = json };
        }));

        Assert.Equal(expected, Exact((DateTimeOffset)data.RequiredTime));
        Assert.Equal(expected, Exact(((IReadOnlyDictionary<string, DateTimeOffset>)data.TimesByName)["t"]));
    }

    // The spec's unknown formats: the member is typed as raw JSON with a warning (MEG0004), and still reads and
    // writes every value as it came.
    [Fact]
    public void An_unknown_integer_or_number_format_is_raw_json_that_reads_and_writes_as_it_came()
    {
        const string spec = """
            {
              "swagger": "2.0",
              "info": { "title": "odd formats", "version": "1" },
              "paths": {},
              "definitions": {
                "ContosoOddFormatsShownEventData": {
                  "description": "Schema of the Data property of an EventGridEvent for a Microsoft.Contoso.OddFormatsShown event.",
                  "type": "object",
                  "properties": {
                    "small": { "type": "integer", "format": "int16" },
                    "money": { "type": "number", "format": "decimal" }
                  }
                }
              }
            }
            """;
        GeneratedAssembly generated = GeneratedAssembly.Generate(spec, "/consumer/odd-formats.json", new Dictionary<string, string> { ["MediaEventsSpec"] = "true" });

        Assert.Equal(new[] { "MEG0004", "MEG0004" }, generated.GeneratorDiagnostics.Select(static diagnostic => diagnostic.Id));
        Assert.Equal(
            new[] { "ContosoOddFormatsShownEventData.small", "ContosoOddFormatsShownEventData.money" },
            generated.GeneratorDiagnostics.Select(static diagnostic => diagnostic.GetMessage(CultureInfo.InvariantCulture).Split('\'')[1]));
        Assert.Empty(generated.Output.GetDiagnostics().Where(static diagnostic => diagnostic.Severity > Microsoft.CodeAnalysis.DiagnosticSeverity.Info).Select(static diagnostic => diagnostic.ToString()));
        using LoadedAssembly loaded = generated.Load();
        MediaEventBatch batch = loaded.CreateReader().Read(
            """[{"id":"1","eventType":"Microsoft.Contoso.OddFormatsShown","eventTime":"2024-01-01T00:00:00Z","data":{"small":12,"money":1.10}}]""");

        MediaEvent read = Assert.Single(batch.Events);
        dynamic data = read.TypedData!;
        Assert.Equal("12", ((RawJsonValue)data.Small).ToString());
        Assert.Equal("1.10", ((RawJsonValue)data.Money).ToString());
        using var stream = new System.IO.MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            read.WriteData(writer);
        }

        Assert.Equal("""{"small":12,"money":1.10}""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Exact(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
}
