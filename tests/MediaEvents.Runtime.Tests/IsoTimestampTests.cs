using System;
using System.Globalization;
using System.Text;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>The fast timestamp path agrees with the general parser wherever it accepts, and declines the rest.</summary>
public sealed class IsoTimestampTests
{
    [Theory]
    [InlineData("2018-04-20T21:26:13.8978772", "2018-04-20T21:26:13.8978772+00:00")]
    [InlineData("2018-04-20T21:26:13", "2018-04-20T21:26:13.0000000+00:00")]
    [InlineData("2021-05-14T23:50:00.324", "2021-05-14T23:50:00.3240000+00:00")]
    [InlineData("2018-01-16T01:57:26.005121Z", "2018-01-16T01:57:26.0051210+00:00")]
    [InlineData("2024-02-29T10:00:00.123456789Z", "2024-02-29T10:00:00.1234567+00:00")]
    [InlineData("2018-08-07T23:17:57.4610506+02:00", "2018-08-07T23:17:57.4610506+02:00")]
    [InlineData("2018-08-07T23:17:57-05:30", "2018-08-07T23:17:57.0000000-05:30")]
    public void Parses_the_forms_the_service_sends(string text, string expected)
    {
        Assert.True(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out DateTimeOffset value));

        DateTimeOffset wanted = DateTimeOffset.ParseExact(expected, "yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
        Assert.Equal(wanted, value);
        Assert.Equal(wanted.Offset, value.Offset);
    }

    [Theory]
    [InlineData("2023-02-29T10:00:00")]
    [InlineData("2018-13-01T00:00:00")]
    [InlineData("2018-04-31T00:00:00")]
    [InlineData("2018-04-20T24:00:00")]
    [InlineData("2018-04-20T21:60:00")]
    [InlineData("2018-04-20T21:26:13.")]
    [InlineData("2018-04-20 21:26:13")]
    [InlineData("2018-04-20T21:26:13+2:00")]
    [InlineData("2018-04-20T21:26:13Zjunk")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("yesterday")]
    public void Declines_anything_else(string text)
    {
        Assert.False(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
