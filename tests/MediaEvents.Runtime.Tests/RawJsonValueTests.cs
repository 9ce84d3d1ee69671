using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>A free-form value: kept as it arrived, compared by its tokens, written back unchanged.</summary>
public sealed partial class RawJsonValueTests
{
    // The reader on the value of the first member whose name is "x".
    private static Utf8JsonReader ReaderOnX(byte[] utf8, JsonCommentHandling comments = JsonCommentHandling.Disallow)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = int.MaxValue, CommentHandling = comments });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("x"u8))
            {
                Assert.True(reader.Read());
                return reader;
            }
        }

        throw new InvalidOperationException("no member x");
    }

    private static MediaJsonException ReadFails(byte[] utf8, MediaJsonReadContext context)
    {
        Utf8JsonReader reader = ReaderOnX(utf8);
        try
        {
            RawJsonValue? value = MediaJson.ReadRawJsonValue(ref reader, context);
            throw new InvalidOperationException($"read as {value}");
        }
        catch (MediaJsonException exception)
        {
            return exception;
        }
    }

    [Theory]
    [InlineData("""{"a":"\u0041"}""", """{ "a" : "A" }""")]
    [InlineData("""{"\u0061":1}""", """{"a":1}""")]
    [InlineData("""[1, 2,  3]""", "[1,2,3]")]
    [InlineData("\"caf\\u00E9\"", "\"café\"")]
    [InlineData("\"\\/\"", "\"/\"")]
    [InlineData("{\n  \"a\": {\"b\": [true, false]}\n}", """{"a":{"b":[true,false]}}""")]
    public void Equal_AcrossWhitespaceAndEscapes_WithTheSameHash(string left, string right)
    {
        RawJsonValue a = RawJsonValue.Parse(left);
        RawJsonValue b = RawJsonValue.Parse(right);

        Assert.True(a.Equals(b));
        Assert.True(b.Equals(a));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":1}""", """{"b":1}""")]
    [InlineData("""{"a":1,"b":2}""", """{"b":2,"a":1}""")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("[1,2]", "[1,2,3]")]
    [InlineData("1.0", "1")]
    [InlineData("\"1\"", "1")]
    [InlineData("\"a\"", "\"A\"")]
    [InlineData("true", "false")]
    [InlineData("{}", "[]")]
    [InlineData("""{"a":{}}""", """{"a":[]}""")]
    public void NotEqual_WhenTheTokensDiffer(string left, string right)
    {
        RawJsonValue a = RawJsonValue.Parse(left);
        RawJsonValue b = RawJsonValue.Parse(right);

        Assert.False(a.Equals(b));
        Assert.False(b.Equals(a));
    }

    [Fact]
    public void NotEqual_ToNullOrAnotherType()
    {
        RawJsonValue value = RawJsonValue.Parse("1");

        Assert.False(value.Equals(null));
        Assert.False(value.Equals((object?)null));
        Assert.False(value.Equals((object)"1"));
        Assert.True(value.Equals(value));
    }

    [Theory]
    [InlineData("{\"a\":1}", JsonValueKind.Object)]
    [InlineData(" [ ] ", JsonValueKind.Array)]
    [InlineData("\"s\"", JsonValueKind.String)]
    [InlineData("-1.5e3", JsonValueKind.Number)]
    [InlineData("true", JsonValueKind.True)]
    [InlineData("false", JsonValueKind.False)]
    public void ValueKind_IsTheValuesKind(string json, JsonValueKind kind)
    {
        RawJsonValue value = RawJsonValue.Parse(json);

        Assert.Equal(kind, value.ValueKind);
        Assert.Equal(kind, value.ToJsonElement().ValueKind);
    }

    [Fact]
    public void ToString_IsTheTextAsItArrived_WithoutTheWhitespaceAroundIt()
    {
        RawJsonValue value = RawJsonValue.Parse("  \n{\"a\": [1, 2.50], \"b\":\"\\u0041\"}\t ");

        Assert.Equal("{\"a\": [1, 2.50], \"b\":\"\\u0041\"}", value.ToString());
        Assert.Equal("{\"a\": [1, 2.50], \"b\":\"\\u0041\"}", TestInput.Text(value.Utf8Json));
    }

    [Fact]
    public void WriteTo_WritesTheSameTokensInTheWritersFormatting_AndReadsBackEqual()
    {
        RawJsonValue value = RawJsonValue.Parse("{ \"a\" : \"\\u0041\", \"b\": [1, 2.50, true, null, {}], \"c\": -0 }");

        string written = TestInput.Written(value.WriteTo);

        Assert.Equal("{\"a\":\"A\",\"b\":[1,2.50,true,null,{}],\"c\":-0}", written);
        Assert.Equal(value, RawJsonValue.Parse(written));
    }

    [Fact]
    public void WriteRawJsonValue_WritesTheValueWhereAMemberValueGoes()
    {
        RawJsonValue value = RawJsonValue.Parse("[ \"x\" , 1 ]");

        string written = TestInput.Written(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            MediaJson.WriteRawJsonValue(writer, value);
            writer.WriteNumber("n", 2);
            writer.WriteEndObject();
        });

        Assert.Equal("{\"data\":[\"x\",1],\"n\":2}", written);
    }

    [Fact]
    public void WriteRawJsonValue_RefusesNulls()
    {
        using var writer = new Utf8JsonWriter(Stream.Null);

        Assert.Throws<ArgumentNullException>(() => MediaJson.WriteRawJsonValue(writer, null!));
        Assert.Throws<ArgumentNullException>(() => MediaJson.WriteRawJsonValue(null!, RawJsonValue.Parse("1")));
    }

    [Fact]
    public void ToJsonElement_IsIndependentOfAnyDocument()
    {
        RawJsonValue value = RawJsonValue.Parse("{\"a\":{\"b\":[1,\"two\"]}}");

        JsonElement element = value.ToJsonElement();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal("two", element.GetProperty("a").GetProperty("b")[1].GetString());
        Assert.Equal(1, element.GetProperty("a").GetProperty("b")[0].GetInt32());
    }

    [Fact]
    public void Deserialize_UsesTheSerializersMetadata()
    {
        RawJsonValue value = RawJsonValue.Parse("{\"x\": 3, \"y\": -4}");

        Point? point = value.Deserialize(RawJsonTestContext.Default.Point);

        Assert.Equal(new Point(3, -4), point);
        Assert.Equal(new[] { 1, 2 }, RawJsonValue.Parse("[1,2]").Deserialize(RawJsonTestContext.Default.Int32Array)!);
        Assert.Throws<JsonException>(() => RawJsonValue.Parse("\"three\"").Deserialize(RawJsonTestContext.Default.Point));
        Assert.Throws<ArgumentNullException>(() => value.Deserialize<Point>(null!));
    }

    [Theory]
    [InlineData("", "The JSON is not exactly one JSON value: The input does not contain any JSON tokens.")]
    [InlineData("   ", "The JSON is not exactly one JSON value: The input does not contain any JSON tokens.")]
    [InlineData("1 2", "The JSON is not exactly one JSON value: '2' is invalid after a single JSON value.")]
    [InlineData("{\"a\":true", "The JSON is not exactly one JSON value: Expected depth to be zero at the end of the JSON payload.")]
    [InlineData("{\"a\":1,}", "The JSON is not exactly one JSON value: The JSON object contains a trailing comma at the end.")]
    [InlineData("/* c */ 1", "The JSON is not exactly one JSON value: '/' is an invalid start of a value.")]
    [InlineData("{'a':1}", "The JSON is not exactly one JSON value: ''' is an invalid start of a property name.")]
    [InlineData("NaN", "The JSON is not exactly one JSON value: 'N' is an invalid start of a value.")]
    [InlineData("null", "The JSON is null, which a RawJsonValue does not hold: a null value is a null reference.")]
    public void Parse_RefusesWhatIsNotExactlyOneJsonValue_SayingWhy(string json, string reason)
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => RawJsonValue.Parse(json));

        Assert.Equal("json", exception.ParamName);
        Assert.StartsWith(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SaysWhereTheJsonBreaks()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => RawJsonValue.Parse("{\n  \"a\": [1,\n  2 3]}"));

        Assert.StartsWith("The JSON is not exactly one JSON value: '3' is invalid after a value. Expected either ',', '}', or ']'. (line 3, byte 5).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesALoneSurrogate()
    {
        // Built here: a lone surrogate does not survive as theory data.
        string json = new string(['"', '\ud800', '"']);

        ArgumentException exception = Assert.Throws<ArgumentException>(() => RawJsonValue.Parse(json));

        Assert.Equal("json", exception.ParamName);
        Assert.StartsWith("The JSON text holds a lone surrogate, which has no UTF-8 form.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => RawJsonValue.Parse(null!));
    }

    [Fact]
    public void FromUtf8_RefusesBytesThatAreNotUtf8()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"a\":\"x~\"}");
        utf8[Array.IndexOf(utf8, (byte)'~')] = 0xC3;

        ArgumentException exception = Assert.Throws<ArgumentException>(() => RawJsonValue.FromUtf8(utf8));

        Assert.Equal("utf8Json", exception.ParamName);
        Assert.StartsWith("The JSON is not valid UTF-8.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromUtf8_ValidatesLikeParse()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => RawJsonValue.FromUtf8("[1]]"u8.ToArray()));

        Assert.Equal("utf8Json", exception.ParamName);
        Assert.StartsWith("The JSON is not exactly one JSON value: ']' is invalid after a single JSON value.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromUtf8_KeepsACopy_OfTheValueAlone()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(" {\"a\":1} ");

        RawJsonValue value = RawJsonValue.FromUtf8(utf8);
        utf8[6] = (byte)'2';

        Assert.Equal("{\"a\":1}", value.ToString());
        Assert.False(utf8.AsSpan().Overlaps(value.Utf8Json.Span));
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
    }

    [Fact]
    public void ReadRawJsonValue_WithABuffer_IsASliceOfIt_AndLeavesTheReaderOnTheLastToken()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\": {\"a\" : [1, \"\\u0041\"]}, \"y\": 3}");
        Utf8JsonReader reader = ReaderOnX(utf8);

        RawJsonValue? value = MediaJson.ReadRawJsonValue(ref reader, new MediaJsonReadContext(64, utf8));

        Assert.NotNull(value);
        Assert.Equal("{\"a\" : [1, \"\\u0041\"]}", value.ToString());
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        Assert.True(utf8.AsSpan().Overlaps(value.Utf8Json.Span, out int offset));
        Assert.Equal(6, offset);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.True(reader.Read());
        Assert.True(reader.ValueTextEquals("y"u8));
    }

    [Fact]
    public void ReadRawJsonValue_WithoutABuffer_IsACopy_AndLeavesTheReaderOnTheLastToken()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\": [ [1], {\"b\":null} ], \"y\": 3}");
        Utf8JsonReader reader = ReaderOnX(utf8);

        RawJsonValue? value = MediaJson.ReadRawJsonValue(ref reader, new MediaJsonReadContext(64));

        Assert.NotNull(value);
        Assert.Equal("[ [1], {\"b\":null} ]", value.ToString());
        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        Assert.False(utf8.AsSpan().Overlaps(value.Utf8Json.Span));
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.True(reader.Read());
        Assert.True(reader.ValueTextEquals("y"u8));
    }

    [Fact]
    public void ReadRawJsonValue_WithABuffer_AllocatesOneSmallObjectMoreThanReadRawValue()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\": {\"a\" : [1, {\"b\": \"c\"}]}, \"y\": 3}");
        var context = new MediaJsonReadContext(64, utf8);

        long AllocatedBy(bool rawJsonValue)
        {
            Utf8JsonReader reader = ReaderOnX(utf8);
            long before = GC.GetAllocatedBytesForCurrentThread();
            if (rawJsonValue)
            {
                GC.KeepAlive(MediaJson.ReadRawJsonValue(ref reader, context));
            }
            else
            {
                _ = MediaJson.ReadRawValue(ref reader, context);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // Once first, so that type initialisation is not counted.
        AllocatedBy(rawJsonValue: false);
        AllocatedBy(rawJsonValue: true);

        Assert.Equal(0, AllocatedBy(rawJsonValue: false));
        Assert.InRange(AllocatedBy(rawJsonValue: true), 1, 48);
    }

    [Theory]
    [InlineData("\"s\\u0041\"", JsonValueKind.String, JsonTokenType.String)]
    [InlineData("-12.50", JsonValueKind.Number, JsonTokenType.Number)]
    [InlineData("true", JsonValueKind.True, JsonTokenType.True)]
    [InlineData("false", JsonValueKind.False, JsonTokenType.False)]
    public void ReadRawJsonValue_OfAPrimitive_KeepsItsText_WithAndWithoutABuffer(string json, JsonValueKind kind, JsonTokenType token)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\":" + json + ",\"y\":3}");
        foreach (MediaJsonReadContext context in new[] { new MediaJsonReadContext(64, utf8), new MediaJsonReadContext(64) })
        {
            Utf8JsonReader reader = ReaderOnX(utf8);

            RawJsonValue? value = MediaJson.ReadRawJsonValue(ref reader, context);

            Assert.NotNull(value);
            Assert.Equal(json, value.ToString());
            Assert.Equal(kind, value.ValueKind);
            Assert.Equal(RawJsonValue.Parse(json), value);
            Assert.Equal(token, reader.TokenType);
        }
    }

    [Fact]
    public void ReadRawJsonValue_OfNull_IsNull_AndLeavesTheReaderOnIt()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\":null,\"y\":3}");
        Utf8JsonReader reader = ReaderOnX(utf8);

        Assert.Null(MediaJson.ReadRawJsonValue(ref reader, new MediaJsonReadContext(64, utf8)));
        Assert.Equal(JsonTokenType.Null, reader.TokenType);
    }

    [Fact]
    public void ReadRawJsonValue_FailsWhenTheValueNestsDeeperThanTheContextAllows()
    {
        // "x" holds a value at reader depth 1: with a limit of 3, [[[0]]] (starts at 1, 2, 3) is read, [[[[0]]]] is not.
        byte[] shallow = Encoding.UTF8.GetBytes("{\"x\":" + TestInput.Nested(3) + "}");
        byte[] deep = Encoding.UTF8.GetBytes("{\"x\":" + TestInput.Nested(4) + "}");
        foreach (bool withBuffer in new[] { true, false })
        {
            Utf8JsonReader reader = ReaderOnX(shallow);
            Assert.Equal(TestInput.Nested(3), MediaJson.ReadRawJsonValue(ref reader, new MediaJsonReadContext(3, withBuffer ? shallow : default))!.ToString());

            MediaJsonException exception = ReadFails(deep, new MediaJsonReadContext(3, withBuffer ? deep : default));

            Assert.Equal("the value nests deeper than the maximum depth allowed for an event (MediaEventReaderOptions.MaxDepth)", exception.Reason);
        }
    }

    [Fact]
    public void ReadRawJsonValue_FailsWhenTheReaderIsNotOnAValue()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\":{}}");
        Utf8JsonReader reader = ReaderOnX(utf8);
        Assert.True(reader.Read());

        MediaJsonException? exception = null;
        try
        {
            MediaJson.ReadRawJsonValue(ref reader, new MediaJsonReadContext(64, utf8));
        }
        catch (MediaJsonException thrown)
        {
            exception = thrown;
        }

        Assert.NotNull(exception);
        Assert.Equal("expected a JSON value, found EndObject", exception.Reason);
    }

    [Fact]
    public void AValueReadWithComments_ComparesParsesAndWritesWithoutThem()
    {
        // A serializer set to skip comments hands its converters a reader whose values may hold them.
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\": {\"a\": /* one */ 1 // end\n}}");
        Utf8JsonReader reader = ReaderOnX(utf8, JsonCommentHandling.Skip);

        RawJsonValue value = MediaJson.ReadRawJsonValue(ref reader, new MediaJsonReadContext(64, utf8))!;

        Assert.Equal(RawJsonValue.Parse("{\"a\":1}"), value);
        Assert.Equal(RawJsonValue.Parse("{\"a\":1}").GetHashCode(), value.GetHashCode());
        Assert.Equal(1, value.ToJsonElement().GetProperty("a").GetInt32());
        Assert.Equal("{\"a\":1}", TestInput.Written(value.WriteTo));
    }

    /// <summary>A small type to deserialize into.</summary>
    public sealed record Point(int X, int Y);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Point))]
    [JsonSerializable(typeof(int[]))]
    internal sealed partial class RawJsonTestContext : JsonSerializerContext
    {
    }
}
