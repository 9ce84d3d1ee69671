using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediaEvents.Generated;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// A member named twice in one object of the data, on the code generated into this assembly: the event fails with
/// the path of the repeated member, or the last value wins where the options accept it; System.Text.Json's way
/// through the generated context follows the same rule.
/// </summary>
public sealed class DuplicateMemberTests
{
    private const string Repeated = "appears more than once (MediaEventReaderOptions.AllowDuplicateMembers accepts the last)";

    private static readonly MediaEventReader s_strict = MediaEventDispatcher.CreateReader();
    private static readonly MediaEventReader s_lastWins = new(MediaEventTypes.Catalog, new MediaEventReaderOptions { AllowDuplicateMembers = true });

    private static string Finished(string dataJson) =>
        $$"""{"id":"e1","eventType":"Microsoft.Media.JobFinished","eventTime":"2018-10-12T16:25:56Z","data":{{dataJson}}}""";

    private static string Output(string members) =>
        $$"""{"@odata.type":"#Microsoft.Media.JobOutputAsset","assetName":"a1","progress":100,{{members}}}""";

    /// <summary>Reads a good event, then the bad one, then a good one, and returns the bad one's failure.</summary>
    private static MediaEventReadFailure FailsAlone(string dataJson)
    {
        string good = Finished("""{"state":"Finished"}""");
        MediaEventBatch batch = s_strict.Read($"[{good},{Finished(dataJson)},{good}]");

        Assert.Equal(2, batch.Events.Count());
        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal("e1", failure.Id);
        return failure;
    }

    private static MediaJobFinishedEventData LastWins(string dataJson)
    {
        MediaEventBatch batch = s_lastWins.Read(Finished(dataJson));
        Assert.False(batch.HasFailures, string.Join("; ", batch.Failures));
        return Assert.IsType<MediaEvent<MediaJobFinishedEventData>>(Assert.Single(batch.Events)).Data;
    }

    [Theory]
    [InlineData("""{"state":"Finished","state":"Error"}""", "$[1].data.state", "state")]
    [InlineData("""{"previousState":"Processing","state":"Finished","previousState":"Queued"}""", "$[1].data.previousState", "previousState")]
    [InlineData("""{"correlationData":{},"state":"Finished","correlationData":{}}""", "$[1].data.correlationData", "correlationData")]
    [InlineData("""{"outputs":[],"outputs":[]}""", "$[1].data.outputs", "outputs")]
    public void ADataMemberTwice_FailsAloneAtItsPath(string data, string path, string name)
    {
        MediaEventReadFailure failure = FailsAlone(data);

        Assert.Equal(path, failure.Path);
        Assert.Equal($"the member '{name}' {Repeated}", failure.Reason);
    }

    // The reason names the member; the path names the repetition as the event spells it.
    [Theory]
    [InlineData("\"state\":\"Finished\",\"state\":\"Error\"", "state")]
    [InlineData("\"state\":\"Finished\",\"st\\u0061te\":\"Error\"", "state")]
    [InlineData("\"st\\u0061te\":\"Finished\",\"State\":\"Error\"", "State")]
    public void AMemberOfANestedObjectTwice_HoweverSpelled_FailsAtItsPath(string members, string repeatedAs)
    {
        MediaEventReadFailure failure = FailsAlone($$"""{"outputs":[{{Output("\"state\":\"Finished\"")}},{{Output(members)}}]}""");

        Assert.Equal("$[1].data.outputs[1]." + repeatedAs, failure.Path);
        Assert.Equal($"the member 'state' {Repeated}", failure.Reason);
    }

    [Fact]
    public void ARepeatedDiscriminator_FailsRatherThanChoosingASubtypeByTheFirst()
    {
        MediaEventReadFailure failure = FailsAlone(
            $$"""{"outputs":[{{Output("\"state\":\"Finished\",\"@odata.type\":\"#Microsoft.Media.JobOutputFuture\"")}}]}""");

        Assert.Equal("$[1].data.outputs[0]['@odata.type']", failure.Path);
    }

    [Fact]
    public void AnUnknownDataMemberTwice_FailsAtItsPath_WhenOneIsEscaped()
    {
        MediaEventReadFailure failure = FailsAlone("""{"state":"Finished","jobPriority":"Low","j\u006fbPriority":"High"}""");

        Assert.Equal("$[1].data.jobPriority", failure.Path);
        Assert.Equal($"the member 'jobPriority' {Repeated}", failure.Reason);
    }

    [Fact]
    public void AMapKeyTwice_FailsAtItsPath()
    {
        MediaEventReadFailure failure = FailsAlone("""{"state":"Finished","correlationData":{"k":"1","k":"2"}}""");

        Assert.Equal("$[1].data.correlationData.k", failure.Path);
    }

    [Fact]
    public void LastWins_TakesTheLastValueOfEveryRepeatedMember()
    {
        MediaJobFinishedEventData data = LastWins($$"""
            {"state":"Finished","st\u0061te":"Error","correlationData":{"k":"1","k":"2"},"x":1,"x":2,
             "outputs":[{{Output("\"state\":\"Queued\",\"State\":\"Canceled\"")}}]}
            """);

        Assert.Equal(MediaJobState.Error, data.State);
        Assert.Equal("2", Assert.Single(data.CorrelationData!).Value);
        Assert.Equal("2", Assert.Single(data.UnknownMembers!).Value.GetRawText());
        Assert.Equal(MediaJobState.Canceled, Assert.Single(data.Outputs!).State);
    }

    [Fact]
    public void LastWins_ChoosesTheSubtypeByTheLastDiscriminator()
    {
        MediaJobFinishedEventData data = LastWins(
            $$"""{"outputs":[{{Output("\"state\":\"Finished\",\"@odata.type\":\"#Microsoft.Media.JobOutputFuture\"")}}]}""");

        UnknownMediaJobOutput output = Assert.IsType<UnknownMediaJobOutput>(Assert.Single(data.Outputs!));
        Assert.Equal("#Microsoft.Media.JobOutputFuture", output.OdataType);
    }

    [Fact]
    public void SystemTextJson_ThroughTheDefaultContext_FailsAtThePathOfTheRepeatedMember()
    {
        string json = $$"""{"outputs":[{{Output("\"state\":\"Finished\",\"state\":\"Error\"")}}]}""";

        JsonException failure = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, MediaEventsJsonContext.Default.MediaJobFinishedEventData));

        Assert.Contains($"the member 'state' {Repeated}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("$.outputs[0].state", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemTextJson_ThroughTheConverterAttribute_FailsToo()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<MediaJobStateChangeEventData>("""{"state":"Finished","state":"Error"}"""));
    }

    [Fact]
    public void SystemTextJson_ThroughAContextThatAllowsDuplicates_TakesTheLastValue()
    {
        var context = new MediaEventsJsonContext(new JsonSerializerOptions()) { AllowDuplicateMembers = true };
        string json = $$"""{"state":"Queued","state":"Finished","outputs":[{{Output("\"state\":\"Finished\",\"state\":\"Error\"")}}]}""";

        MediaJobFinishedEventData data = JsonSerializer.Deserialize(json, context.MediaJobFinishedEventData)!;

        Assert.Equal(MediaJobState.Finished, data.State);
        Assert.Equal(MediaJobState.Error, Assert.Single(data.Outputs!).State);
        Assert.Throws<MediaEvents.Json.MediaJsonException>(() => JsonSerializer.Deserialize(json, MediaEventsJsonContext.Default.MediaJobFinishedEventData));
    }

    [Fact]
    public void SystemTextJson_ThroughAResolverChain_FollowsTheContext()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new MediaEventsJsonContext { AllowDuplicateMembers = true } };

        var data = (MediaJobStateChangeEventData)JsonSerializer.Deserialize("""{"state":"Queued","state":"Finished"}""", options.GetTypeInfo(typeof(MediaJobStateChangeEventData)))!;

        Assert.Equal(MediaJobState.Finished, data.State);
    }
}
