using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// Generated code for every type and format the generator maps, alone and nested in lists and maps, optional and
/// required, reads the exact values sent, writes them back, and compares by value; on <see cref="TypesShownSpec"/>.
/// </summary>
[Collection(TypesShownSpec.Collection)]
public sealed class MappedTypeTests
{
    private readonly TypesShownSpec _spec;

    public MappedTypeTests(TypesShownSpec spec) => _spec = spec;

    [Fact]
    public void The_spec_generates_and_compiles_with_nothing_above_info_and_catalogues_its_event()
    {
        Assert.Null(_spec.Generated.Result.Exception);
        Assert.Empty(_spec.Generated.Problems);

        Assert.Equal("Contoso.Events.ContosoEventTypes", _spec.Loaded.CatalogProperty.DeclaringType!.FullName);
        MediaEventType entry = Assert.Single(_spec.Loaded.Catalog.Types);
        Assert.Equal(TypesShownSpec.EventType, entry.Name);
        Assert.Same(_spec.DataType, entry.DataType);
    }

    // Required members are non-nullable; optional ones nullable, since the service may omit them.
    [Theory]
    [InlineData("ContosoTypesShownEventData", "Text", "string?")]
    [InlineData("ContosoTypesShownEventData", "Uri", "string?")]
    [InlineData("ContosoTypesShownEventData", "Day", "string?")]
    [InlineData("ContosoTypesShownEventData", "Time", "DateTimeOffset?")]
    [InlineData("ContosoTypesShownEventData", "Int32", "int?")]
    [InlineData("ContosoTypesShownEventData", "Integer", "int?")]
    [InlineData("ContosoTypesShownEventData", "Int64", "long?")]
    [InlineData("ContosoTypesShownEventData", "Number", "double?")]
    [InlineData("ContosoTypesShownEventData", "Double", "double?")]
    [InlineData("ContosoTypesShownEventData", "Float", "double?")]
    [InlineData("ContosoTypesShownEventData", "Flag", "bool?")]
    [InlineData("ContosoTypesShownEventData", "Part", "ContosoPart?")]
    [InlineData("ContosoTypesShownEventData", "Shade", "ContosoShade?")]
    [InlineData("ContosoTypesShownEventData", "Size", "ContosoSize?")]
    [InlineData("ContosoTypesShownEventData", "Ints", "IReadOnlyList<int>?")]
    [InlineData("ContosoTypesShownEventData", "Grid", "IReadOnlyList<IReadOnlyList<double>>?")]
    [InlineData("ContosoTypesShownEventData", "TimesByName", "IReadOnlyDictionary<string, DateTimeOffset>?")]
    [InlineData("ContosoTypesShownEventData", "TagsByName", "IReadOnlyDictionary<string, IReadOnlyList<string>>?")]
    [InlineData("ContosoTypesShownEventData", "Parts", "IReadOnlyList<ContosoPart>?")]
    [InlineData("ContosoTypesShownEventData", "PartsByName", "IReadOnlyDictionary<string, ContosoPart>?")]
    [InlineData("ContosoTypesShownEventData", "Shades", "IReadOnlyList<ContosoShade>?")]
    [InlineData("ContosoTypesShownEventData", "RawByName", "IReadOnlyDictionary<string, RawJsonValue>?")]
    [InlineData("ContosoTypesShownEventData", "RawItems", "IReadOnlyList<RawJsonValue>?")]
    [InlineData("ContosoTypesShownEventData", "FreeForm", "RawJsonValue?")]
    [InlineData("ContosoTypesShownEventData", "Untyped", "RawJsonValue?")]
    [InlineData("ContosoTypesShownEventData", "OpenMap", "RawJsonValue?")]
    [InlineData("ContosoTypesShownEventData", "EmptyMap", "RawJsonValue?")]
    [InlineData("ContosoTypesShownEventData", "Inline", "ContosoTypesShownEventDataInline?")]
    [InlineData("ContosoTypesShownEventData", "Levels", "IReadOnlyList<ContosoTypesShownEventDataLevelsItem>?")]
    [InlineData("ContosoTypesShownEventData", "WindowsByName", "IReadOnlyDictionary<string, ContosoTypesShownEventDataWindowsByNameValue>?")]
    [InlineData("ContosoTypesShownEventData", "Shape", "ContosoShape?")]
    [InlineData("ContosoTypesShownEventData", "Shapes", "IReadOnlyList<ContosoShape>?")]
    [InlineData("ContosoTypesShownEventData", "RequiredText", "string")]
    [InlineData("ContosoTypesShownEventData", "RequiredInt32", "int")]
    [InlineData("ContosoTypesShownEventData", "RequiredInt64", "long")]
    [InlineData("ContosoTypesShownEventData", "RequiredNumber", "double")]
    [InlineData("ContosoTypesShownEventData", "RequiredFlag", "bool")]
    [InlineData("ContosoTypesShownEventData", "RequiredTime", "DateTimeOffset")]
    [InlineData("ContosoTypesShownEventData", "RequiredShade", "ContosoShade")]
    [InlineData("ContosoTypesShownEventData", "RequiredPart", "ContosoPart")]
    [InlineData("ContosoTypesShownEventData", "RequiredInts", "IReadOnlyList<int>")]
    [InlineData("ContosoTypesShownEventData", "RequiredTagsByName", "IReadOnlyDictionary<string, IReadOnlyList<string>>")]
    [InlineData("ContosoTypesShownEventData", "RequiredRaw", "RawJsonValue")]
    [InlineData("ContosoTypesShownEventData", "RequiredShape", "ContosoShape")]
    [InlineData("ContosoTypesShownEventDataInline", "Count", "int")]
    [InlineData("ContosoTypesShownEventDataInline", "Since", "DateTimeOffset?")]
    [InlineData("ContosoTypesShownEventDataWindowsByNameValue", "From", "DateTimeOffset")]
    [InlineData("ContosoTypesShownEventDataWindowsByNameValue", "Minutes", "int?")]
    [InlineData("ContosoShape", "Kind", "string")]
    [InlineData("ContosoCircle", "Radius", "double")]
    [InlineData("ContosoSquare", "Side", "int?")]
    [InlineData("ContosoSquare", "Corners", "IReadOnlyList<DateTimeOffset>?")]
    public void Each_member_has_the_type_its_schema_maps_to(string typeName, string propertyName, string expected)
    {
        PropertyInfo property = _spec.TypeNamed(typeName).GetProperty(propertyName)
            ?? throw new InvalidOperationException($"{typeName} has no property {propertyName}");

        Assert.Equal(expected, Describe(property.PropertyType, new NullabilityInfoContext().Create(property)));
    }

    [Fact]
    public void The_polymorphic_base_has_its_subtypes_and_the_fallback_for_unknown_discriminator_values()
    {
        Type shape = _spec.TypeNamed("ContosoShape");

        Assert.True(shape.IsAbstract);
        Assert.All(new[] { "ContosoCircle", "ContosoSquare", "UnknownContosoShape" }, name => Assert.Same(shape, _spec.TypeNamed(name).BaseType));
    }

    [Fact]
    public void Integers_read_exactly_at_the_edges_of_their_range()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.FullData);

        Assert.Equal(int.MinValue, (int?)data.Int32);
        Assert.Equal(int.MaxValue, (int?)data.Integer);
        Assert.Equal(9007199254740993L, (long?)data.Int64);
        Assert.Equal(0, (int)data.RequiredInt32);
        Assert.Equal(long.MinValue, (long)data.RequiredInt64);
        Assert.Equal(new[] { 1, int.MinValue, int.MaxValue }, (IReadOnlyList<int>)data.Ints);
        Assert.Empty((IReadOnlyList<int>)data.RequiredInts);
        Assert.Equal(7, (int)data.Inline.Count);
        dynamic square = ((IReadOnlyList<object>)data.Shapes)[0];
        Assert.Equal(3, (int?)square.Side);
    }

    [Fact]
    public void Numbers_read_exactly_including_the_smallest_the_largest_and_negative_zero()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.FullData);

        Assert.Equal(1.5e-300, (double?)data.Number);
        Assert.True(double.IsNegative((double)data.Double) && (double)data.Double == 0, $"expected -0, read {data.Double}");
        Assert.Equal(0.1, (double?)data.Float);
        Assert.Equal(86.0, (double)data.RequiredNumber);
        var grid = (IReadOnlyList<IReadOnlyList<double>>)data.Grid;
        Assert.Equal(3, grid.Count);
        Assert.Equal(new[] { 1.5, -2.25 }, grid[0]);
        Assert.Empty(grid[1]);
        Assert.Equal(new[] { double.MaxValue }, grid[2]);
        Assert.Equal(2.5, (double?)data.Part.Weight);
        Assert.Equal(0.5, (double)data.Shape.Radius);
    }

    [Fact]
    public void Date_times_keep_their_offset_and_seven_digits_and_are_utc_without_one()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.FullData);

        Assert.Equal("2024-02-29T23:59:59.9999999+05:30", Exact((DateTimeOffset?)data.Time));
        Assert.Equal("2024-02-29T00:00:00.0000000+00:00", Exact((DateTimeOffset)data.RequiredTime));
        Assert.Equal("2024-01-01T00:00:00.0000000+00:00", Exact((DateTimeOffset?)data.Inline.Since));
        var times = (IReadOnlyDictionary<string, DateTimeOffset>)data.TimesByName;
        Assert.Equal(new[] { "utc", "noOffset", "offset", "dayOnly" }, times.Keys);
        Assert.Equal(
            new[] { "2018-04-20T21:26:13.0000000+00:00", "2018-04-20T21:26:13.0000000+00:00", "2018-04-20T21:26:13.1234567-07:00", "2018-04-20T00:00:00.0000000+00:00" },
            times.Values.Select(static value => Exact(value)));
        object square = ((IReadOnlyList<object>)data.Shapes)[0];
        var corners = (IReadOnlyList<DateTimeOffset>)square.GetType().GetProperty("Corners")!.GetValue(square)!;
        Assert.Equal(new[] { "2024-01-01T00:00:00.0000000+00:00", "2024-01-01T00:00:01.0000000+00:00" }, corners.Select(static value => Exact(value)));
    }

    [Fact]
    public void Strings_and_booleans_read_as_sent_whatever_the_string_format()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.FullData);

        Assert.Equal("plain \u00e9 text", (string?)data.Text);
        Assert.Equal("https://contoso.example/a?b=c", (string?)data.Uri);
        Assert.Equal("2024-02-29", (string?)data.Day);
        Assert.Equal(string.Empty, (string)data.RequiredText);
        Assert.False((bool?)data.Flag);
        Assert.True((bool)data.RequiredFlag);
        var tags = (IReadOnlyDictionary<string, IReadOnlyList<string>>)data.TagsByName;
        Assert.Equal(new[] { "a", "empty" }, tags.Keys);
        Assert.Equal(new[] { "x", "y" }, tags["a"]);
        Assert.Empty(tags["empty"]);
        Assert.Empty((IReadOnlyDictionary<string, IReadOnlyList<string>>)data.RequiredTagsByName);
    }

    [Fact]
    public void Enums_read_known_values_ignoring_case_and_keep_unknown_ones()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.FullData);
        Type shade = _spec.TypeNamed("ContosoShade");
        object red = shade.GetProperty("Red")!.GetValue(null)!;
        object green = shade.GetProperty("Green")!.GetValue(null)!;

        Assert.Equal(red, (object)data.Shade);
        Assert.Equal(green, (object)data.RequiredShade);
        Assert.Equal("Medium", (string)data.Size.Value);
        Assert.False((bool)data.Size.IsKnown);
        object[] shades = ((IEnumerable)data.Shades).Cast<object>().ToArray();
        Assert.Equal(new[] { "Green", "red", "Blue" }, shades.Select(static value => (string)((dynamic)value).Value));
        Assert.Equal(new[] { true, true, false }, shades.Select(static value => (bool)((dynamic)value).IsKnown));
        Assert.Equal(green, shades[0]);
        Assert.Equal(red, shades[1]);
        object[] levels = ((IEnumerable)data.Levels).Cast<object>().ToArray();
        Assert.Equal(new[] { "High", "low", "Extreme" }, levels.Select(static value => (string)((dynamic)value).Value));
        Assert.Equal(new[] { true, true, false }, levels.Select(static value => (bool)((dynamic)value).IsKnown));
    }

    [Fact]
    public void Records_read_alone_in_lists_in_maps_and_inline()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.FullData);

        Assert.Equal("p", (string)data.Part.Name);
        var parts = (IReadOnlyList<object>)data.Parts;
        Assert.Equal(new[] { "p1", "p2" }, parts.Select(static part => (string)((dynamic)part).Name));
        Assert.Equal(new double?[] { null, -1 }, parts.Select(static part => (double?)((dynamic)part).Weight));
        IReadOnlyDictionary<string, object> byName = ToObjectMap(data.PartsByName);
        Assert.Equal("p3", (string)((dynamic)Assert.Single(byName.Values)).Name);
        Assert.Equal(0.0, (double?)((dynamic)byName["k"]).Weight);
        Assert.Equal("r", (string)data.RequiredPart.Name);
        Assert.Null((double?)data.RequiredPart.Weight);
        Assert.Equal("ContosoTypesShownEventDataInline", ((object)data.Inline).GetType().Name);
        IReadOnlyDictionary<string, object> windows = ToObjectMap(data.WindowsByName);
        Assert.Equal(new[] { "w", "v" }, windows.Keys);
        Assert.Equal(
            new[] { "2024-03-31T01:59:59.0000000+00:00", "2024-03-31T03:00:00.0000000+02:00" },
            windows.Values.Select(static window => Exact((DateTimeOffset)((dynamic)window).From)));
        Assert.Equal(new int?[] { 90, null }, windows.Values.Select(static window => (int?)((dynamic)window).Minutes));
    }

    [Fact]
    public void A_polymorphic_member_reads_as_the_subtype_its_discriminator_names_or_as_the_fallback()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.FullData);
        var shapes = (IReadOnlyList<object>)data.Shapes;

        Assert.Equal("ContosoCircle", ((object)data.Shape).GetType().Name);
        Assert.Equal(("Circle", "c"), ((string)data.Shape.Kind, (string?)data.Shape.Label));
        Assert.Equal(new[] { "ContosoSquare", "UnknownContosoShape", "ContosoCircle" }, shapes.Select(static shape => shape.GetType().Name));
        dynamic unknown = shapes[1];
        Assert.Equal("Hexagon", (string)unknown.Kind);
        Assert.Equal("h", (string?)unknown.Label);
        JsonMember sides = Assert.Single((JsonMembers)unknown.UnknownMembers);
        Assert.Equal("\"sides\": 6", sides.ToString());
        dynamic last = shapes[2];
        Assert.Equal(("Circle", "last", 2.0), ((string)last.Kind, (string?)last.Label, (double)last.Radius));
        Assert.Equal("ContosoSquare", ((object)data.RequiredShape).GetType().Name);
        Assert.Null((int?)data.RequiredShape.Side);
    }

    [Fact]
    public void Raw_json_is_kept_token_for_token_alone_in_lists_and_in_maps()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.FullData);

        var byName = (IReadOnlyDictionary<string, RawJsonValue>)data.RawByName;
        Assert.Equal(new[] { "o", "s", "n", "t" }, byName.Keys);
        Assert.Equal(new[] { """{"a" : [1, 2.50, {"b": null}]}""", "\"te\\u0078t\"", "1.0E+2", "true" }, byName.Values.Select(static value => value.ToString()));
        Assert.Equal(new[] { JsonValueKind.Object, JsonValueKind.String, JsonValueKind.Number, JsonValueKind.True }, byName.Values.Select(static value => value.ValueKind));
        var items = (IReadOnlyList<RawJsonValue>)data.RawItems;
        Assert.Equal(new[] { "1", "\"two\"", """{"three":3}""", "[4]", "false", "1.10" }, items.Select(static value => value.ToString()));
        Assert.Equal("""{"nested": {"deep": [null, 1.0]}}""", ((RawJsonValue)data.FreeForm).ToString());
        Assert.Equal("42", ((RawJsonValue)data.Untyped).ToString());
        Assert.Equal("""{"x": 1}""", ((RawJsonValue)data.OpenMap).ToString());
        Assert.Equal("""{"y": [2]}""", ((RawJsonValue)data.EmptyMap).ToString());
        Assert.Equal("{}", ((RawJsonValue)data.RequiredRaw).ToString());
    }

    [Fact]
    public void Absent_and_null_optional_members_are_null()
    {
        dynamic data = _spec.ReadData(TypesShownSpec.Changed(static json =>
        {
            foreach (string name in json.Select(static member => member.Key).Where(static name => !name.StartsWith("required", StringComparison.Ordinal)).ToList())
            {
                json.Remove(name);
            }

            json["int32"] = null;
            json["grid"] = null;
            json["freeForm"] = null;
            json["shape"] = null;
        }));

        Assert.All(
            _spec.DataType.GetProperties().Where(static property => !property.Name.StartsWith("Required", StringComparison.Ordinal) && property.Name != "EqualityContract"),
            property => Assert.Null(property.GetValue((object)data)));
    }

    [Fact]
    public void Written_data_reads_back_to_an_equal_record_with_every_value_as_it_was()
    {
        object data = _spec.ReadData(TypesShownSpec.FullData);

        string written = _spec.WriteData(data);
        dynamic again = _spec.ReadData(written);

        Assert.Equal(data, (object)again);
        Assert.True(double.IsNegative((double)again.Double), "-0 was written as " + written);
        Assert.Equal(
            JsonDocument.Parse(TypesShownSpec.FullData).RootElement.EnumerateObject().Select(static member => member.Name),
            JsonDocument.Parse(written).RootElement.EnumerateObject().Select(static member => member.Name));
        Assert.Contains("\"time\":\"2024-02-29T23:59:59.9999999+05:30\"", written, StringComparison.Ordinal);
        Assert.Contains("\"noOffset\":\"2018-04-20T21:26:13+00:00\"", written, StringComparison.Ordinal);
        Assert.Contains("\"int64\":9007199254740993,", written, StringComparison.Ordinal);
        Assert.Contains("\"size\":\"Medium\"", written, StringComparison.Ordinal);
        Assert.Contains("\"shades\":[\"Green\",\"red\",\"Blue\"]", written, StringComparison.Ordinal);
        Assert.Contains("\"n\":1.0E+2", written, StringComparison.Ordinal);
        Assert.Contains("{\"kind\":\"Hexagon\",\"label\":\"h\",\"sides\":6}", written, StringComparison.Ordinal);
        Assert.Contains("{\"kind\":\"Circle\",\"label\":\"last\",\"radius\":2}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_read_from_the_event_writes_the_same_through_the_event_and_its_catalogue_entry()
    {
        MediaEvent read = Assert.Single(_spec.Read(TypesShownSpec.Delivery(TypesShownSpec.FullData)).Events);
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            read.WriteData(writer);
        }

        Assert.Equal(_spec.WriteData(read.TypedData!), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void The_generated_serializer_context_reads_and_writes_as_the_event_reader_does()
    {
        object data = _spec.ReadData(TypesShownSpec.FullData);
        var context = (JsonSerializerContext)_spec.TypeNamed("ContosoEventsJsonContext").GetProperty("Default")!.GetValue(null)!;
        JsonTypeInfo info = context.GetTypeInfo(_spec.DataType)!;

        Assert.Equal(data, JsonSerializer.Deserialize(TypesShownSpec.FullData, info));
        Assert.Equal(_spec.WriteData(data), JsonSerializer.Serialize(data, info));
    }

    // JSON has no NaN or Infinity: reading never gives one (see MappedTypePolicyTests), and writing one that code
    // put in a record fails before anything of it is written, naming the value.
    [Theory]
    [InlineData("Double", double.NaN, "NaN")]
    [InlineData("RequiredNumber", double.NegativeInfinity, "-Infinity")]
    [InlineData("Grid", double.PositiveInfinity, "Infinity")]
    public void A_double_that_is_not_finite_fails_to_write_saying_so(string property, double value, string name)
    {
        object data = _spec.ReadData(TypesShownSpec.FullData);
        object changed = TypesShownSpec.With(data, property, property == "Grid"
            ? new ValueList<IReadOnlyList<double>>([new ValueList<double>([1.5, value])])
            : value);

        ArgumentException exception = Assert.Throws<ArgumentException>(() => _spec.WriteData(changed));

        Assert.StartsWith(name + " cannot be written as JSON: a JSON number is finite", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_reads_of_the_same_json_are_equal_with_equal_hash_codes()
    {
        object first = _spec.ReadData(TypesShownSpec.FullData);
        object second = _spec.ReadData(TypesShownSpec.FullData);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        foreach (PropertyInfo property in _spec.DataType.GetProperties())
        {
            object? left = property.GetValue(first);
            object? right = property.GetValue(second);
            Assert.True(Equals(left, right), $"{property.Name}: {left} and {right} differ");
            Assert.True(left is null || left.GetHashCode() == right!.GetHashCode(), $"{property.Name}: the hash codes differ");
        }
    }

    // The same values spelled differently are the same record: compact raw JSON, escapes undone, an enum in another
    // case, a map in another order, 0 for -0.0.
    [Fact]
    public void The_same_values_written_differently_read_to_equal_records()
    {
        object data = _spec.ReadData(TypesShownSpec.FullData);
        object respelled = _spec.ReadData(TypesShownSpec.Changed(static json =>
        {
            json["shade"] = "RED";
            json["rawByName"]!["s"] = "text";
            json["double"] = 0;
            JsonObject times = json["timesByName"]!.AsObject();
            json["timesByName"] = new JsonObject(times.Reverse().Select(static entry => KeyValuePair.Create(entry.Key, entry.Value?.DeepClone())));
        }));

        Assert.Equal(data, respelled);
        Assert.Equal(data.GetHashCode(), respelled.GetHashCode());
    }

    [Theory]
    [InlineData("grid")]
    [InlineData("timesByName")]
    [InlineData("tagsByName")]
    [InlineData("partsByName")]
    [InlineData("rawByName")]
    [InlineData("rawItems")]
    [InlineData("shapes")]
    public void A_change_deep_in_a_nested_member_makes_the_records_differ(string member)
    {
        object data = _spec.ReadData(TypesShownSpec.FullData);
        object changed = _spec.ReadData(TypesShownSpec.Changed(json =>
        {
            switch (member)
            {
                case "grid": json["grid"]![2]![0] = 1.0; break;
                case "timesByName": json["timesByName"]!["offset"] = "2018-04-20T21:26:13.1234567-06:00"; break;
                case "tagsByName": json["tagsByName"]!["a"]![1] = "z"; break;
                case "partsByName": json["partsByName"]!["k"]!["weight"] = 1; break;
                case "rawByName": json["rawByName"]!["n"] = 100; break;
                case "rawItems": json["rawItems"]![2]!["three"] = 4; break;
                case "shapes": json["shapes"]![1]!["sides"] = 7; break;
            }
        }));

        Assert.NotEqual(data, changed);
    }

    private static string Exact(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture) ?? "(null)";

    private static IReadOnlyDictionary<string, object> ToObjectMap(object map) =>
        ((IEnumerable)map).Cast<object>().ToDictionary(
            static entry => (string)entry.GetType().GetProperty("Key")!.GetValue(entry)!,
            static entry => entry.GetType().GetProperty("Value")!.GetValue(entry)!);

    // The C# spelling of a property's type, with its nullability: int?, IReadOnlyList<string>, ContosoPart?.
    private static string Describe(Type type, NullabilityInfo nullability)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Keyword(underlying) + "?";
        }

        string name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" +
              string.Join(", ", type.GetGenericArguments().Zip(nullability.GenericTypeArguments, Describe)) + ">"
            : Keyword(type);
        return !type.IsValueType && nullability.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string Keyword(Type type) => type == typeof(int) ? "int"
        : type == typeof(long) ? "long"
        : type == typeof(double) ? "double"
        : type == typeof(bool) ? "bool"
        : type == typeof(string) ? "string"
        : type.Name;
}
