using System;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>Tests that change the process's local time zone run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalTimeZoneCollection
{
    public const string Name = "Local time zone";
}

/// <summary>
/// The process's time zone cannot be set from outside once it runs, but on Unix .NET reads <c>TZ</c> through
/// <see cref="Environment.GetEnvironmentVariable(string)"/>; setting it and clearing the cached zone data switches
/// <see cref="TimeZoneInfo.Local"/> in-process. These tests read times with the local zone at UTC−4/−5.
/// </summary>
[Collection(LocalTimeZoneCollection.Name)]
public class LocalTimeZoneTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    [Theory]
    [InlineData("eventTime", "\"2018-04-20T21:26:13.8978772\"")]
    [InlineData("time", "\"2018-04-20T21:26:13.8978772\"")]
    [InlineData("eventTime", "\"2018-04-20T21:26:13.8978772Z\"")]
    [InlineData("eventTime", "\"2018-04-20 21:26:13.8978772\"")]
    [InlineData("eventTime", "\"2018-04-20T21:26:13\\u002E8978772\"")]
    [InlineData("time", "\"2018\\u002D04-20T21:26:13.8978772\"")]
    public void NoOffset_IsUtc_WhenTheLocalZoneIsNewYork(string member, string timeJson)
    {
        DateTimeOffset time = InTimeZone("America/New_York", () => TimeTests.ReadTime(s_reader, member, timeJson));

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(TimeTests.Expected.UtcTicks, time.UtcTicks);
    }

    [Fact]
    public void ExplicitOffset_IsKept_WhenTheLocalZoneIsNewYork()
    {
        DateTimeOffset time = InTimeZone("America/New_York", () => TimeTests.ReadTime(s_reader, "eventTime", "\"2018-04-20T23:26:13.8978772+02:00\""));

        Assert.Equal(TimeSpan.FromHours(2), time.Offset);
        Assert.Equal(TimeTests.Expected.UtcTicks, time.UtcTicks);
    }

    private static T InTimeZone<T>(string zone, Func<T> action)
    {
        string? previous = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
            Assert.True(
                TimeZoneInfo.Local.GetUtcOffset(TimeTests.Expected) != TimeSpan.Zero,
                $"could not switch the local time zone to {zone} (it is {TimeZoneInfo.Local.Id})");
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
