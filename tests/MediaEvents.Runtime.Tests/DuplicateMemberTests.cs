using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// A member named twice in one object fails its event, naming the path, unless the options accept the last value:
/// in the envelope, among unknown members (escaped or not), in maps; the event's neighbours are read.
/// </summary>
public class DuplicateMemberTests
{
    private static readonly MediaEventReader s_strict = MediaEventDispatcher.CreateReader();
    private static readonly MediaEventReader s_lastWins = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { AllowDuplicateMembers = true });

    private const string Rest = """
        "topic":"/t","subject":"s","eventTime":"2024-03-14T09:15:02Z","dataVersion":"1.0","metadataVersion":"1"
        """;

    /// <summary>Reads good, <paramref name="bad"/>, good with the default options and returns the middle one's failure.</summary>
    private static MediaEventReadFailure FailsAlone(string bad)
    {
        MediaEventBatch batch = s_strict.Read(TestInput.Array(TestInput.StateChange("before"), bad, TestInput.StateChange("after")));

        Assert.Equal(["before", "after"], batch.Events.Select(static e => e.Id));
        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal(bad, TestInput.Text(failure.RawEvent));
        return failure;
    }

    private static void AssertRepeated(MediaEventReadFailure failure, string path, string name)
    {
        Assert.Equal(path, failure.Path);
        Assert.Equal($"the member '{name}' appears more than once (MediaEventReaderOptions.AllowDuplicateMembers accepts the last)", failure.Reason);
    }

    [Theory]
    [InlineData("""{"id":"e1","id":"e2","eventType":"Microsoft.Media.JobStateChange","data":{}}""", "id")]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","eventType":"Microsoft.Media.JobStateChange","data":{}}""", "eventType")]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","subject":"a","subject":"b","data":{}}""", "subject")]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","eventTime":"2024-01-02T00:00:00Z","data":{}}""", "eventTime")]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{"state":"Finished"},"data":{"state":"Error"}}""", "data")]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{},"dataVersion":"1.0","dataVersion":"2.0"}""", "dataVersion")]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{},"topic":"/a","topic":"/b"}""", "topic")]
    public void AnEventGridEnvelopeMemberTwice_FailsAlone(string bad, string member)
    {
        MediaEventReadFailure failure = FailsAlone(bad);

        AssertRepeated(failure, "$[1]." + member, member);
        Assert.Equal("e1", failure.Id);
        Assert.Equal("Microsoft.Media.JobStateChange", failure.EventType);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("time")]
    [InlineData("source")]
    [InlineData("specversion")]
    [InlineData("datacontenttype")]
    public void ACloudEventsEnvelopeMemberTwice_FailsAlone(string member)
    {
        var members = new Dictionary<string, string>
        {
            ["specversion"] = "\"1.0\"",
            ["type"] = "\"Microsoft.Media.JobStateChange\"",
            ["source"] = "\"/s\"",
            ["time"] = "\"2024-03-14T09:15:02Z\"",
            ["datacontenttype"] = "\"application/json\"",
        };
        string bad = "{\"id\":\"c1\"," + string.Join(",", members.Select(static m => $"\"{m.Key}\":{m.Value}")) + $",\"{member}\":{members[member]},\"data\":{{}}}}";

        AssertRepeated(FailsAlone(bad), "$[1]." + member, member);
    }

    [Fact]
    public void DataBase64Twice_FailsAlone_AndTheDecodedDataFollowsTheSameRule()
    {
        const string Head = """{"specversion":"1.0","id":"c1","type":"Microsoft.Media.JobStateChange","source":"/s",""";
        const string Repeated = "eyJzdGF0ZSI6ImEiLCJ4IjoxLCJ4IjoyfQ=="; // {"state":"a","x":1,"x":2}

        AssertRepeated(FailsAlone(Head + "\"data_base64\":\"e30=\",\"data_base64\":\"e30=\"}"), "$[1].data_base64", "data_base64");
        MediaEventReadFailure failure = FailsAlone(Head + "\"data_base64\":\"" + Repeated + "\"}");
        MediaEvent e = Assert.Single(s_lastWins.Read(Head + "\"data_base64\":\"" + Repeated + "\"}").Events);

        Assert.EndsWith(".x", failure.Path, StringComparison.Ordinal);
        Assert.Contains("'x' appears more than once", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("2", TestInput.Text(Assert.Single(Assert.IsType<MediaEvent<MediaJobStateChangeEventData>>(e).Data.UnknownMembers!).RawValue));
    }

    [Fact]
    public void AnEnvelopeMemberSpelledWithEscapesOrInAnotherCase_IsTheSameMember()
    {
        AssertRepeated(FailsAlone("""{"id":"e1","\u0069d":"e2","eventType":"Microsoft.Media.JobStateChange","data":{}}"""), "$[1].id", "id");
        // The reason names the member; the path names the repetition as the event spells it.
        AssertRepeated(FailsAlone("""{"id":"e1","ID":"e2","eventType":"Microsoft.Media.JobStateChange","data":{}}"""), "$[1].ID", "id");
    }

    [Fact]
    public void BothEventTypeAndType_StillFail_WhenDuplicatesAreAccepted()
    {
        // Two names for the type is no repetition: the event is in neither schema.
        MediaEventReadFailure failure = Assert.Single(s_lastWins.Read(
            """{"id":"e1","eventType":"Microsoft.Media.JobStateChange","type":"Microsoft.Media.JobOutputProgress","data":{}}""").Failures);

        Assert.Contains("both 'eventType' and 'type'", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownEnvelopeMemberTwice_FailsAlone_EvenWhenEscaped()
    {
        AssertRepeated(FailsAlone("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{},"traceparent":"a","traceparent":"b"}"""), "$[1].traceparent", "traceparent");
        AssertRepeated(FailsAlone("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{},"st\u0061te":1,"state":2}"""), "$[1].state", "state");
    }

    [Fact]
    public void UnknownMembersThatDifferInCase_AreDifferentMembers()
    {
        MediaEvent e = Assert.Single(s_strict.Read("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{},"ext":1,"Ext":2}""").Events);

        Assert.Equal(["ext", "Ext"], e.UnknownMembers!.Select(static m => m.Name));
    }

    [Fact]
    public void AnUnknownDataMemberTwice_FailsAloneAtItsPath()
    {
        AssertRepeated(FailsAlone(TestInput.Progress("e1", """{"progress":1,"jobPriority":"Low","jobPriority":"High"}""")), "$[1].data.jobPriority", "jobPriority");
    }

    [Fact]
    public void LastWins_TakesEachEnvelopeMembersLastValue()
    {
        MediaEvent e = Assert.Single(s_lastWins.Read($$$"""
            {"id":"e1","id":"e2",{{{Rest}}},"subject":"last","eventTime":"2025-01-01T00:00:00Z",
             "eventType":"Microsoft.Media.JobOutputProgress","data":{"progress":1},"data":{"progress":2,"label":"L"}}
            """).Events);

        Assert.Equal("e2", e.Id);
        Assert.Equal("last", e.Subject);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), e.Time);
        Assert.Equal(2, Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(e).Data.Progress);
        Assert.Equal("""{"progress":2,"label":"L"}""", Encoding.UTF8.GetString(e.RawData.Span));
    }

    [Fact]
    public void LastWins_ReadsTheDataAsTheLastEventType_WhenTheDataWasReadAsAnEarlierOne()
    {
        MediaEvent e = Assert.Single(s_lastWins.Read("""
            {"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{"state":"Finished","progress":5},"eventType":"Microsoft.Media.JobOutputProgress"}
            """).Events);

        Assert.Equal(MediaEventTypes.JobOutputProgress, e.EventType);
        Assert.Equal(5, Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(e).Data.Progress);
    }

    [Fact]
    public void LastWins_ALastDataOfNull_FailsAsNullDataDoes()
    {
        MediaEventReadFailure failure = Assert.Single(s_lastWins.Read(
            """{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{"state":"Finished"},"data":null}""").Failures);

        Assert.Equal("$.data", failure.Path);
    }

    [Fact]
    public void LastWins_AnUnknownMemberKeepsItsFirstPlaceWithTheLastValue()
    {
        MediaEvent e = Assert.Single(s_lastWins.Read(
            """{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":{},"a":1,"b":2,"\u0061":3}""").Events);

        Assert.Equal(["a:3", "b:2"], e.UnknownMembers!.Select(static m => m.Name + ":" + Encoding.UTF8.GetString(m.RawValue.Span)));
    }

    [Fact]
    public void FiftyThousandUnknownMembers_AreKept_AndOneRepeatedAmongThemIsFound()
    {
        // A hostile delivery: 50,000 distinct names, then one repeated (a list searched directly would compare ~1.25e9 pairs; the time is a benchmark's to measure, not a test's).
        var data = new StringBuilder("{\"progress\":1");
        for (int i = 0; i < 50_000; i++)
        {
            data.Append(",\"m").Append(i).Append("\":0");
        }

        string distinct = data + "}";
        string repeated = data + ",\"m25000\":1}";

        MediaEvent e = Assert.Single(s_strict.Read(TestInput.Progress("e1", distinct)).Events);
        MediaEventReadFailure failure = Assert.Single(s_strict.Read(TestInput.Progress("e2", repeated)).Failures);
        MediaEvent last = Assert.Single(s_lastWins.Read(TestInput.Progress("e3", repeated)).Events);

        Assert.Equal(50_000, Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(e).Data.UnknownMembers!.Count);
        AssertRepeated(failure, "$.data.m25000", "m25000");
        Assert.Equal("1", Encoding.UTF8.GetString(Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(last).Data.UnknownMembers![25_000].RawValue.Span));
    }

    [Fact]
    public void ReadUnknownMember_WithAListOfItsOwn_FindsARepeatedName()
    {
        List<JsonMember>? members = [new JsonMember("a", "1"u8.ToArray())];
        var reader = new Utf8JsonReader("""{"a":2}"""u8);
        reader.Read();
        reader.Read();

        try
        {
            MediaJson.ReadUnknownMember(ref reader, MediaJsonReadContext.Unlimited, ref members);
            Assert.Fail("no failure");
        }
        catch (MediaJsonException exception)
        {
            Assert.Equal(".a", exception.RelativePath);
            Assert.Contains("appears more than once", exception.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AMapKeyTwice_Fails_OrItsLastValueWinsInItsFirstPlace()
    {
        const string json = """{"a":"1","b":"2","a":"3"}""";

        MediaJsonException failure = Assert.Throws<MediaJsonException>(() => ReadMap(json, MediaJsonReadContext.Unlimited));
        ValueMap<string> map = ReadMap(json, MediaJsonReadContext.Unlimited with { AllowDuplicateMembers = true });

        Assert.Equal(".a", failure.RelativePath);
        Assert.Equal(["a=3", "b=2"], map.Select(static entry => entry.Key + "=" + entry.Value));
    }

    [Fact]
    public void AMapOfThousandsOfKeys_RepeatedPastTheInlineEntries_KeepsItsLastValue()
    {
        string json = "{" + string.Join(",", Enumerable.Range(0, 20_000).Select(static i => $"\"k{i}\":\"{i}\"")) + ",\"k12\":\"last\"}";

        ValueMap<string> map = ReadMap(json, MediaJsonReadContext.Unlimited with { AllowDuplicateMembers = true });

        Assert.Equal(20_000, map.Count);
        Assert.Equal("last", map["k12"]);
        Assert.Equal("k12", map.ElementAt(12).Key);
        Assert.Throws<MediaJsonException>(() => ReadMap(json, MediaJsonReadContext.Unlimited));
    }

    [Fact]
    public void SeenMembers_TellsARepeatedIndex_BelowAndBeyond64()
    {
        var seen = default(SeenMembers);
        foreach (int member in new[] { 0, 1, 63, 64, 65, 127, 128, 1000 })
        {
            Assert.True(seen.Add(member), $"first {member}");
        }

        foreach (int member in new[] { 0, 1, 63, 64, 65, 127, 128, 1000 })
        {
            Assert.False(seen.Add(member), $"again {member}");
        }

        Assert.True(seen.Add(2));
        Assert.True(seen.Add(129));
    }

    [Fact]
    public void MemberNameIndex_FindsNamesBeforeAndAfterItsTableIsMade()
    {
        var index = default(MemberNameIndex);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(-1, index.IndexOfOrAdd("n" + i));
        }

        Assert.Equal(0, index.IndexOfOrAdd("n0"));
        Assert.Equal(7, index.IndexOfOrAdd("n7"));
        Assert.Equal(8, index.IndexOfOrAdd("n8"));
        Assert.Equal(99, index.IndexOfOrAdd("n99"));
        Assert.Equal(-1, index.IndexOfOrAdd("N0"));
        Assert.Equal(100, index.IndexOfOrAdd("N0"));
    }

    private static ValueMap<string> ReadMap(string json, MediaJsonReadContext context)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return MediaJson.ReadMap(ref reader, context, static (ref Utf8JsonReader r, MediaJsonReadContext _) => r.GetString()!)!;
    }
}
