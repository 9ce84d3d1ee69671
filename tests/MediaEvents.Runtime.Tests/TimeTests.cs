using System;
using Xunit;

namespace MediaEvents.Tests;

public class TimeTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    /// <summary>2018-04-20T21:26:13.8978772 UTC, exactly.</summary>
    internal static readonly DateTimeOffset Expected = new DateTimeOffset(2018, 4, 20, 21, 26, 13, TimeSpan.Zero).AddTicks(8978772);

    internal static DateTimeOffset ReadEventGridTime(string timeJson) => ReadTime(s_reader, "eventTime", timeJson);

    internal static DateTimeOffset ReadTime(MediaEventReader reader, string member, string timeJson)
    {
        MediaEventBatch batch = reader.Read("""[{"id":"1","eventType":"Microsoft.Media.JobStateChange","data":{},""" + "\"" + member + "\":" + timeJson + "}]");
        Assert.False(batch.HasFailures, string.Join("\n", batch.Failures));
        return Assert.Single(batch.Events).Time!.Value;
    }

    [Fact]
    public void NoOffset_IsUtc_WithExactTicks()
    {
        DateTimeOffset time = ReadEventGridTime("\"2018-04-20T21:26:13.8978772\"");

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(Expected.UtcTicks, time.UtcTicks);
        Assert.Equal(636598563738978772L, time.UtcTicks);
    }

    [Fact]
    public void NoOffset_DoesNotDependOnTheLocalTimeZone()
    {
        // Whatever TimeZoneInfo.Local is, the value is the literal read as UTC (see also LocalTimeZoneTests).
        DateTimeOffset time = ReadEventGridTime("\"2018-04-20T21:26:13.8978772\"");

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(new DateTime(2018, 4, 20, 21, 26, 13, DateTimeKind.Utc).AddTicks(8978772), time.UtcDateTime);
        Assert.Equal(DateTimeKind.Utc, time.UtcDateTime.Kind);
    }

    [Fact]
    public void Z_IsUtc()
    {
        DateTimeOffset time = ReadEventGridTime("\"2018-04-20T21:26:13.8978772Z\"");

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(Expected.UtcTicks, time.UtcTicks);
    }

    [Fact]
    public void ExplicitOffset_IsKept()
    {
        DateTimeOffset time = ReadEventGridTime("\"2018-04-20T23:26:13.8978772+02:00\"");

        Assert.Equal(TimeSpan.FromHours(2), time.Offset);
        Assert.Equal(Expected.UtcTicks, time.UtcTicks);
        Assert.Equal(new DateTime(2018, 4, 20, 23, 26, 13).AddTicks(8978772), time.DateTime);
    }

    [Fact]
    public void NegativeOffset_IsKept()
    {
        DateTimeOffset time = ReadEventGridTime("\"2018-04-20T16:26:13.8978772-05:00\"");

        Assert.Equal(TimeSpan.FromHours(-5), time.Offset);
        Assert.Equal(Expected.UtcTicks, time.UtcTicks);
    }

    [Fact]
    public void CloudEventsTime_FollowsTheSameRules()
    {
        Assert.Equal(TimeSpan.Zero, ReadTime(s_reader, "time", "\"2018-04-20T21:26:13.8978772\"").Offset);
        Assert.Equal(Expected.UtcTicks, ReadTime(s_reader, "time", "\"2018-04-20T21:26:13.8978772\"").UtcTicks);
        Assert.Equal(TimeSpan.FromHours(2), ReadTime(s_reader, "time", "\"2018-04-20T23:26:13.8978772+02:00\"").Offset);
    }

    [Theory]
    [InlineData("\"2018-04-20T21:26:13.8978772\"")]
    [InlineData("\"2018-04-20T21:26:13\\u002E8978772\"")]
    [InlineData("\"2018\\u002D04-20T21:26:13.8978772\"")]
    [InlineData("\"2018-04-20 21:26:13.8978772\"")]
    public void NoOffset_InAnySpelling_IsUtc(string timeJson)
    {
        DateTimeOffset time = ReadEventGridTime(timeJson);

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(Expected.UtcTicks, time.UtcTicks);
    }

    [Fact]
    public void NullTime_IsNoTime()
    {
        MediaEventBatch batch = s_reader.Read("""{"id":"1","eventType":"Microsoft.Media.JobStateChange","eventTime":null,"data":{}}""");

        Assert.Null(Assert.Single(batch.Events).Time);
    }
}
