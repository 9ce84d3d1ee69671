using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// What each mapped type accepts and refuses, read and written through the helpers generated code calls:
/// integers (int32, int64), numbers (double), date-times.
/// </summary>
public sealed class ValuePolicyTests
{
    private delegate T? Read<T>(ref Utf8JsonReader reader)
        where T : struct;

    private static T? ReadValue<T>(string json, Read<T> read)
        where T : struct
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        return read(ref reader);
    }

    private static string Fails<T>(string json, Read<T> read)
        where T : struct
    {
        try
        {
            T? value = ReadValue(json, read);
            throw new InvalidOperationException($"{json} was read as {value}");
        }
        catch (MediaJsonException exception)
        {
            return exception.Reason;
        }
    }

    [Theory]
    [InlineData("86", 86)]
    [InlineData("\"86\"", 86)]
    [InlineData("86.0", 86)]
    [InlineData("\"86.0\"", 86)]
    [InlineData("1e3", 1000)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("\"\\u0038\\u0036\"", 86)]
    public void Int32_TakesIntegralValuesInAnySpelling(string json, int expected)
    {
        Assert.Equal(expected, ReadValue<int>(json, MediaJson.ReadInt32));
    }

    [Theory]
    [InlineData("2147483648", "expected an integer (int32), found the number 2147483648 (out of range)")]
    [InlineData("-2147483649", "expected an integer (int32), found the number -2147483649 (out of range)")]
    [InlineData("\"2147483648\"", "expected an integer (int32), found the string \"2147483648\" (out of range)")]
    [InlineData("1e10", "expected an integer (int32), found the number 1e10 (out of range)")]
    [InlineData("2.5", "expected an integer (int32), found the number 2.5")]
    [InlineData("\"2.5\"", "expected an integer (int32), found the string \"2.5\"")]
    [InlineData("\"NaN\"", "expected an integer (int32), found the string \"NaN\"")]
    [InlineData("true", "expected an integer (int32), found true")]
    public void Int32_FailsOnWhatIsNotAnInt32_SayingWhatItFound(string json, string reason)
    {
        Assert.Equal(reason, Fails<int>(json, MediaJson.ReadInt32));
    }

    [Theory]
    [InlineData("86.0", 86L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Int64_TakesIntegralValuesUpToItsRange(string json, long expected)
    {
        Assert.Equal(expected, ReadValue<long>(json, MediaJson.ReadInt64));
    }

    [Theory]
    [InlineData("9223372036854775808", "expected an integer (int64), found the number 9223372036854775808 (out of range)")]
    [InlineData("-9223372036854775809", "expected an integer (int64), found the number -9223372036854775809 (out of range)")]
    [InlineData("1e400", "expected an integer (int64), found the number 1e400 (out of range)")]
    [InlineData("2.5", "expected an integer (int64), found the number 2.5")]
    [InlineData("\"Infinity\"", "expected an integer (int64), found the string \"Infinity\"")]
    public void Int64_FailsOnOverflowAndFractions(string json, string reason)
    {
        Assert.Equal(reason, Fails<long>(json, MediaJson.ReadInt64));
    }

    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("\"12.5\"", 12.5)]
    [InlineData("-1.5e3", -1500.0)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    [InlineData("1e-400", 0.0)]
    public void Double_TakesFiniteNumbers(string json, double expected)
    {
        Assert.Equal(expected, ReadValue<double>(json, MediaJson.ReadDouble));
    }

    [Theory]
    [InlineData("\"NaN\"", "expected a number, found the string \"NaN\"")]
    [InlineData("\"nan\"", "expected a number, found the string \"nan\"")]
    [InlineData("\"Infinity\"", "expected a number, found the string \"Infinity\"")]
    [InlineData("\"-Infinity\"", "expected a number, found the string \"-Infinity\"")]
    [InlineData("\"+INFINITY\"", "expected a number, found the string \"+INFINITY\"")]
    [InlineData("\"\\u004EaN\"", "expected a number, found the string \"NaN\"")]
    [InlineData("1e400", "expected a number, found the number 1e400 (out of range)")]
    [InlineData("-1e400", "expected a number, found the number -1e400 (out of range)")]
    [InlineData("\"1e400\"", "expected a number, found the string \"1e400\" (out of range)")]
    [InlineData("\"12.5 \"", "expected a number, found the string \"12.5 \"")]
    public void Double_FailsOnWhatJsonCannotHold(string json, string reason)
    {
        Assert.Equal(reason, Fails<double>(json, MediaJson.ReadDouble));
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("-1.5e300")]
    [InlineData("\"4.9e-324\"")]
    [InlineData("1.7976931348623157e308")]
    public void Double_WhateverIsReadWritesBack(string json)
    {
        double value = ReadValue<double>(json, MediaJson.ReadDouble)!.Value;

        string written = TestInput.Written(writer => MediaJson.WriteDouble(writer, value));

        Assert.Equal(value, double.Parse(written, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void WriteDouble_RefusesNonFiniteValues_NamingThem(double value, string name)
    {
        using var writer = new Utf8JsonWriter(Stream.Null);

        ArgumentException exception = Assert.Throws<ArgumentException>(() => MediaJson.WriteDouble(writer, value));

        Assert.Equal("value", exception.ParamName);
        Assert.StartsWith(name + " cannot be written as JSON: a JSON number is finite (JSON has no NaN or Infinity).", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, writer.BytesPending + writer.BytesCommitted);
    }

    [Fact]
    public void WriteNumberValue_AsGeneratedWritersCallItToday_RefusesNaNWithAnArgumentException()
    {
        // What a generated writer that calls the writer directly gives for NaN: System.Text.Json's own refusal,
        // whose advice (a JsonNumberHandling option) does not reach a converter. MediaJson.WriteDouble says it plainly.
        using var writer = new Utf8JsonWriter(Stream.Null);

        Assert.Throws<ArgumentException>(() => writer.WriteNumberValue(double.NaN));
        Assert.Equal(0, writer.BytesPending + writer.BytesCommitted);
    }

    [Fact]
    public void WriteList_OfDoubles_FailsOnNaNBeforeWritingIt()
    {
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);

        ArgumentException exception = Assert.Throws<ArgumentException>(
            () => MediaJson.WriteList(writer, new ValueList<double>([1.5, double.NaN]), MediaJson.WriteDouble));

        Assert.StartsWith("NaN cannot be written as JSON", exception.Message, StringComparison.Ordinal);
        writer.Flush();
        Assert.Equal("[1.5", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Theory]
    [InlineData("\"2018-04-20T21:26:13\"", "2018-04-20T21:26:13.0000000+00:00")]
    [InlineData("\"2018-04-20\"", "2018-04-20T00:00:00.0000000+00:00")]
    [InlineData("\"2018-04-20T21:26:13.123456789\"", "2018-04-20T21:26:13.1234567+00:00")]
    [InlineData("\"2018-04-20T21:26:13.12345678901234567890\"", "2018-04-20T21:26:13.1234567+00:00")]
    [InlineData("\"2018-04-20T21:26:13\\u002E123456789\"", "2018-04-20T21:26:13.1234567+00:00")]
    [InlineData("\"2018-04-20T21:26:13.123456789+02:00\"", "2018-04-20T21:26:13.1234567+02:00")]
    [InlineData("\"2018-04-20 21:26:13.5\"", "2018-04-20T21:26:13.5000000+00:00")]
    public void DateTime_WithoutAnOffsetIsUtc_FractionsBeyondTicksAreCut(string json, string expected)
    {
        DateTimeOffset value = ReadValue<DateTimeOffset>(json, MediaJson.ReadDateTimeOffset)!.Value;

        Assert.Equal(expected, value.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"2018-04-20T25:00:00\"", "expected an ISO 8601 date and time, found the string \"2018-04-20T25:00:00\"")]
    [InlineData("\"yesterday\"", "expected an ISO 8601 date and time, found the string \"yesterday\"")]
    [InlineData("1524259573", "expected an ISO 8601 date and time, found the number 1524259573")]
    public void DateTime_FailsOnWhatIsNotOne(string json, string reason)
    {
        Assert.Equal(reason, Fails<DateTimeOffset>(json, MediaJson.ReadDateTimeOffset));
    }

    [Fact]
    public void NullIsNoValue_ForEveryType()
    {
        Assert.Null(ReadValue<int>("null", MediaJson.ReadInt32));
        Assert.Null(ReadValue<long>("null", MediaJson.ReadInt64));
        Assert.Null(ReadValue<double>("null", MediaJson.ReadDouble));
        Assert.Null(ReadValue<DateTimeOffset>("null", MediaJson.ReadDateTimeOffset));
        Assert.Null(ReadValue<bool>("null", MediaJson.ReadBoolean));
    }
}
