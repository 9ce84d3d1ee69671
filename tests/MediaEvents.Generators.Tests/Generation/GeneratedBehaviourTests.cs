using System.Linq;
using System.Text.Json;
using MediaEvents.Generated;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Generators.Tests.Generation;

/// <summary>
/// What the generated types promise, on the code generated into this assembly: polymorphism wherever the
/// discriminator sits, extensible enums, tolerant reading and unknown members written back.
/// </summary>
public sealed class GeneratedBehaviourTests
{
    private static T Read<T>(string dataJson)
        where T : class
    {
        string eventType = MediaEventTypes.Catalog.Types.Single(type => type.DataType == typeof(T)).Name;
        string json = $$"""{"id":"1","eventType":"{{eventType}}","eventTime":"2018-10-12T16:25:56Z","data":{{dataJson}}}""";
        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);
        Assert.False(batch.HasFailures, string.Join("; ", batch.Failures));
        return Assert.IsType<MediaEvent<T>>(Assert.Single(batch.Events)).Data;
    }

    private static string Write<T>(T value)
        where T : class =>
        JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)MediaEventsJsonContext.Default.GetTypeInfo(typeof(T))!);

    [Fact]
    public void The_discriminator_may_come_last()
    {
        var data = Read<MediaJobOutputStateChangeEventData>("""
            {"output":{"assetName":"a1","label":"L","progress":42,"state":"Processing","@odata.type":"#Microsoft.Media.JobOutputAsset"}}
            """);

        MediaJobOutputAsset asset = Assert.IsType<MediaJobOutputAsset>(data.Output);
        Assert.Equal("a1", asset.AssetName);
        Assert.Equal(42L, asset.Progress);
    }

    [Fact]
    public void An_unknown_discriminator_gives_the_fallback_subtype_keeping_its_value_and_members()
    {
        const string output = """{"@odata.type":"#Microsoft.Media.JobOutputFuture","progress":7,"state":"Queued","destination":{"uri":"x"},"label":"L"}""";
        var data = Read<MediaJobOutputStateChangeEventData>($$"""{"output":{{output}}}""");

        UnknownMediaJobOutput unknown = Assert.IsType<UnknownMediaJobOutput>(data.Output);
        Assert.Equal("#Microsoft.Media.JobOutputFuture", unknown.OdataType);
        Assert.Equal("destination", Assert.Single(unknown.UnknownMembers!).Name);
        Assert.Contains("\"destination\":{\"uri\":\"x\"}", Write(data));
        Assert.Contains("\"@odata.type\":\"#Microsoft.Media.JobOutputFuture\"", Write(data));
    }

    [Fact]
    public void A_missing_required_member_fails_the_event_with_its_path()
    {
        string json = """[{"id":"1","eventType":"Microsoft.Media.JobOutputStateChange","data":{"output":{"@odata.type":"#Microsoft.Media.JobOutputAsset","state":"Queued"}}}]""";

        MediaEventReadFailure failure = Assert.Single(MediaEventDispatcher.CreateReader().Read(json).Failures);

        Assert.Equal("$[0].data.output", failure.Path);
        Assert.Contains("'progress'", failure.Reason);
    }

    [Fact]
    public void Extensible_enums_keep_unknown_values_and_compare_ignoring_case()
    {
        var data = Read<MediaJobStateChangeEventData>("""{"previousState":"finished","state":"Paused"}""");

        Assert.Equal(MediaJobState.Finished, data.PreviousState);
        Assert.True(data.PreviousState!.Value.IsKnown);
        Assert.Equal("Paused", data.State!.Value.Value);
        Assert.False(data.State.Value.IsKnown);
        Assert.Equal("""{"previousState":"finished","state":"Paused"}""", Write(data));
    }

    [Fact]
    public void Reading_tolerates_the_service_quirks()
    {
        var progress = Read<MediaJobOutputProgressEventData>("""{"label":"L","progress":"86"}""");
        var heartbeat = Read<MediaLiveEventIngestHeartbeatEventData>("""{"nonIncreasingCount":3,"BITRATE":2500000,"healthy":"true","timescale":1000}""");

        Assert.Equal(86L, progress.Progress);
        Assert.Equal(3L, heartbeat.NonincreasingCount);
        Assert.Equal(2500000L, heartbeat.Bitrate);
        Assert.True(heartbeat.Healthy);
        Assert.Equal("1000", heartbeat.Timescale);
    }

    // Shapes seen in payloads published by the Azure SDKs' tests: "n/a" where no data arrived, a gap as a number,
    // an output's error as an explicit null.
    [Fact]
    public void Reading_keeps_the_values_the_service_sends_when_there_is_no_measurement()
    {
        var heartbeat = Read<MediaLiveEventIngestHeartbeatEventData>("""{"trackType":"video","ingestDriftValue":"n/a","lastFragmentArrivalTime":"2021-05-14T23:50:00.00"}""");
        var archive = Read<MediaLiveEventChannelArchiveHeartbeatEventData>("""{"channelLatencyMs":"n/a","latencyResultCode":"S_OK"}""");
        var discontinuity = Read<MediaLiveEventTrackDiscontinuityDetectedEventData>("""{"trackType":"video","discontinuityGap":4000,"timescale":"1000"}""");
        var output = Read<MediaJobOutputFinishedEventData>("""{"output":{"@odata.type":"#Microsoft.Media.JobOutputAsset","assetName":"a","error":null,"progress":100,"state":"Finished"}}""");

        Assert.Equal("n/a", heartbeat.IngestDriftValue);
        Assert.Equal("2021-05-14T23:50:00.00", heartbeat.LastFragmentArrivalTime);
        Assert.Equal("n/a", archive.ChannelLatencyMs);
        Assert.Equal("4000", discontinuity.DiscontinuityGap);
        Assert.Null(Assert.IsType<MediaJobOutputAsset>(output.Output).Error);
    }

    // '~' marks the byte that becomes 0xC3, a lead byte followed by the closing quote: not UTF-8.
    [Theory]
    [InlineData("Microsoft.Media.JobOutputProgress", """{"label":"job-~","progress":1}""", "$[0].data.label")]
    [InlineData("Microsoft.Media.JobStateChange", """{"state":"Finished","correlationData":{"key":"value~"}}""", "$[0].data.correlationData.key")]
    [InlineData("Microsoft.Media.JobStateChange", """{"state":"Finished","correlationData":{"key~":"value"}}""", "$[0].data.correlationData")]
    [InlineData("Microsoft.Media.JobStateChange", """{"state":"Finished~"}""", "$[0].data.state")]
    public void A_string_that_is_not_utf8_fails_its_event_rather_than_being_altered(string eventType, string data, string path)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes($$"""[{"id":"1","eventType":"{{eventType}}","eventTime":"2018-10-12T16:25:56Z","data":{{data}}}]""");
        utf8[System.Array.IndexOf(utf8, (byte)'~')] = 0xC3;

        MediaEventReadFailure failure = Assert.Single(MediaEventDispatcher.CreateReader().Read(utf8).Failures);

        Assert.Equal("1", failure.Id);
        Assert.Equal(path, failure.Path);
        Assert.Equal("the string is not valid UTF-8", failure.Reason);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_fails_with_what_was_expected()
    {
        string json = """[{"id":"1","eventType":"Microsoft.Media.JobOutputProgress","data":{"progress":"abc"}},{"id":"2","eventType":"Microsoft.Media.JobOutputProgress","data":{"progress":1}}]""";

        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(json);

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal("$[0].data.progress", failure.Path);
        Assert.Equal("expected an integer (int64), found the string \"abc\"", failure.Reason);
        Assert.Single(batch.Events);
    }

    [Fact]
    public void Unknown_members_are_kept_and_written_back_after_the_spec_members()
    {
        var data = Read<MediaJobOutputProgressEventData>("""{"jobPriority":"High","progress":5,"extra":[1,{"a":null}]}""");

        Assert.Equal(new[] { "jobPriority", "extra" }, data.UnknownMembers!.Select(static member => member.Name));
        Assert.Equal("""{"progress":5,"jobPriority":"High","extra":[1,{"a":null}]}""", Write(data));
        Assert.Equal(data, JsonSerializer.Deserialize(Write(data), MediaEventsJsonContext.Default.MediaJobOutputProgressEventData));
    }

    [Fact]
    public void Records_compare_by_value_including_lists_and_maps()
    {
        const string json = """{"previousState":"Processing","state":"Finished","correlationData":{"k":"v"},"outputs":[{"@odata.type":"#Microsoft.Media.JobOutputAsset","progress":100,"state":"Finished"}]}""";

        Assert.Equal(Read<MediaJobFinishedEventData>(json), Read<MediaJobFinishedEventData>(json));
        Assert.NotEqual(Read<MediaJobFinishedEventData>(json), Read<MediaJobFinishedEventData>(json.Replace("\"v\"", "\"w\"")));
    }
}
