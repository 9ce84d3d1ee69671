using Xunit;

namespace MediaEvents.Tests;

public class ToleranceTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    private static MediaJobOutputProgressEventData ReadProgress(string dataJson)
    {
        MediaEventBatch batch = s_reader.Read(TestInput.Progress("p", dataJson));
        Assert.False(batch.HasFailures, string.Join("\n", batch.Failures));
        return Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(batch.Events)).Data;
    }

    [Theory]
    [InlineData("\"86\"", 86L)]
    [InlineData("\"-3\"", -3L)]
    [InlineData("\"9223372036854775807\"", long.MaxValue)]
    [InlineData("\"\\u0038\\u0036\"", 86L)]
    [InlineData("86", 86L)]
    public void StringHoldingAnInteger_IsReadAsTheNumber(string progressJson, long expected)
    {
        Assert.Equal(expected, ReadProgress("{\"progress\":" + progressJson + "}").Progress);
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("12.50", "12.50")]
    [InlineData("-1e-7", "-1e-7")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("\"text\"", "text")]
    [InlineData("null", null)]
    public void NumberOrBooleanWhereAStringIsExpected_IsReadAsItsText(string labelJson, string? expected)
    {
        Assert.Equal(expected, ReadProgress("{\"label\":" + labelJson + ",\"progress\":1}").Label);
    }

    [Theory]
    [InlineData("PROGRESS")]
    [InlineData("Progress")]
    [InlineData("pRoGrEsS")]
    [InlineData("\\u0050ROGRESS")]
    public void DataPropertyNames_MatchIgnoringCase(string name)
    {
        MediaJobOutputProgressEventData data = ReadProgress("{\"LABEL\":\"L\",\"" + name + "\":7}");

        Assert.Equal(7L, data.Progress);
        Assert.Equal("L", data.Label);
        Assert.Null(data.UnknownMembers);
    }

    [Fact]
    public void StateChangeNames_MatchIgnoringCase()
    {
        MediaEventBatch batch = s_reader.Read("""{"id":"1","eventType":"Microsoft.Media.JobStateChange","data":{"PreviousState":"Queued","STATE":"Scheduled"}}""");

        var e = Assert.IsType<MediaEvent<MediaJobStateChangeEventData>>(Assert.Single(batch.Events));
        Assert.Equal("Queued", e.Data.PreviousState);
        Assert.Equal("Scheduled", e.Data.State);
    }

    [Fact]
    public void EnvelopeNames_MatchIgnoringCase()
    {
        MediaEventBatch batch = s_reader.Read(
            """{"ID":"1","Topic":"/t","SUBJECT":"s","EventType":"Microsoft.Media.JobStateChange","EVENTTIME":"2024-01-01T00:00:00Z","Data":{"state":"Finished"},"DataVersion":"1.0","MetadataVersion":"1"}""");

        var e = Assert.IsType<MediaEvent<MediaJobStateChangeEventData>>(Assert.Single(batch.Events));
        Assert.Equal("1", e.Id);
        Assert.Equal("/t", e.Source);
        Assert.Equal("s", e.Subject);
        Assert.NotNull(e.Time);
        Assert.Equal("1.0", e.DataVersion);
        Assert.Equal("1", e.MetadataVersion);
        Assert.Equal("Finished", e.Data.State);
        Assert.Null(e.UnknownMembers);
    }

    [Fact]
    public void EventTypeValue_MatchesTheCatalogIgnoringCase()
    {
        MediaEventBatch batch = s_reader.Read("""{"id":"1","eventType":"microsoft.media.jobstatechange","data":{"state":"Finished"}}""");

        MediaEvent e = Assert.Single(batch.Events);
        Assert.True(e.IsKnown);
        Assert.Same(MediaEventTypes.JobStateChangeType, e.KnownType);
    }

    [Fact]
    public void EscapedEventType_IsFoundInTheCatalog()
    {
        MediaEventBatch batch = s_reader.Read("""{"id":"1","eventType":"Microsoft.Media.Job\u0053tateChange","data":{"state":"Finished"}}""");

        MediaEvent e = Assert.Single(batch.Events);
        Assert.True(e.IsKnown);
        Assert.Equal("Microsoft.Media.JobStateChange", e.EventType);
    }
}
