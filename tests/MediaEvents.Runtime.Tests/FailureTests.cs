using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace MediaEvents.Tests;

public class FailureTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    /// <summary>Reads good, <paramref name="bad"/>, good and checks that only the middle one failed.</summary>
    private static MediaEventReadFailure FailsAlone(string bad)
    {
        string json = TestInput.Array(TestInput.StateChange("before"), bad, TestInput.StateChange("after"));

        MediaEventBatch batch = s_reader.Read(json);

        Assert.Equal(3, batch.Count);
        Assert.Equal("before", batch[0].Event?.Id);
        Assert.Equal("after", batch[2].Event?.Id);
        Assert.False(batch[1].Succeeded);
        Assert.Null(batch[1].Event);
        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Same(batch[1].Failure, failure);
        Assert.Equal(1, failure.Index);
        Assert.Equal(bad, TestInput.Text(failure.RawEvent));
        return failure;
    }

    [Fact]
    public void BadEventTime_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone(
            """{"id":"e1","eventType":"Microsoft.Media.JobStateChange","eventTime":"yesterday at noon","data":{"state":"Finished"}}""");

        Assert.Equal("e1", failure.Id);
        Assert.Equal("Microsoft.Media.JobStateChange", failure.EventType);
        Assert.Equal("$[1].eventTime", failure.Path);
        Assert.StartsWith("expected an ISO 8601 date and time", failure.Reason, StringComparison.Ordinal);
        Assert.EndsWith("found the string \"yesterday at noon\"", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BadEventTime_InTheDocumentedMemberOrder_StillNamesTheEventId()
    {
        // The Media Services docs put eventTime before id: the failure must still say which event it was.
        MediaEventReadFailure failure = FailsAlone(
            """{"topic":"/t","subject":"s","eventType":"Microsoft.Media.JobStateChange","eventTime":"2018-13-45T99:00:00","id":"e1","data":{"state":"Finished"}}""");

        Assert.Equal("$[1].eventTime", failure.Path);
        Assert.Equal("Microsoft.Media.JobStateChange", failure.EventType);
        Assert.Equal("e1", failure.Id);
    }

    [Fact]
    public void EventTimeOfTheWrongKind_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone(
            """{"id":"e1","eventType":"Microsoft.Media.JobStateChange","eventTime":1713648373,"data":{}}""");

        Assert.Equal("$[1].eventTime", failure.Path);
        Assert.EndsWith("found the number 1713648373", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingId_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone(
            """{"eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","data":{"state":"Finished"}}""");

        Assert.Null(failure.Id);
        Assert.Equal("Microsoft.Media.JobStateChange", failure.EventType);
        Assert.Equal("$[1]", failure.Path);
        Assert.Equal("the required property 'id' is missing", failure.Reason);
    }

    [Fact]
    public void MissingId_OfAnUnknownType_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone("""{"eventType":"Microsoft.Storage.BlobCreated","data":{}}""");

        Assert.Null(failure.Id);
        Assert.Equal("Microsoft.Storage.BlobCreated", failure.EventType);
        Assert.Equal("$[1]", failure.Path);
        Assert.Contains("'id'", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NoEventType_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone("""{"id":"e1","data":{}}""");

        Assert.Equal("e1", failure.Id);
        Assert.Null(failure.EventType);
        Assert.Equal("$[1]", failure.Path);
        Assert.Contains("'eventType'", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BothEventTypeAndType_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone(
            """{"id":"e1","eventType":"Microsoft.Media.JobStateChange","type":"Microsoft.Media.JobOutputProgress","data":{}}""");

        Assert.Equal("$[1].type", failure.Path);
        Assert.Contains("both 'eventType' and 'type'", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NullDataForAKnownType_FailsAloneAtData()
    {
        MediaEventReadFailure failure = FailsAlone(
            """{"id":"e1","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-01-01T00:00:00Z","data":null}""");

        Assert.Equal("e1", failure.Id);
        Assert.Equal("Microsoft.Media.JobStateChange", failure.EventType);
        Assert.Contains("found null", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("object", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("$[1].data", failure.Path);
    }

    [Fact]
    public void MissingDataForAKnownType_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange"}""");

        Assert.Equal("$[1]", failure.Path);
        Assert.Contains("no 'data' member", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DataOfTheWrongKindForAKnownType_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":[1,2]}""");

        Assert.Equal("e1", failure.Id);
        Assert.Equal("$[1].data", failure.Path);
        Assert.Equal("expected an object, found an array", failure.Reason);
    }

    [Theory]
    [InlineData("42", "a number")]
    [InlineData("\"event\"", "a string")]
    [InlineData("null", "null")]
    [InlineData("true", "a boolean")]
    [InlineData("[{\"id\":\"x\"}]", "an array")]
    public void NonObjectElement_FailsAlone(string element, string found)
    {
        MediaEventReadFailure failure = FailsAlone(element);

        Assert.Null(failure.Id);
        Assert.Null(failure.EventType);
        Assert.Equal("$[1]", failure.Path);
        Assert.Equal("expected an event object, found " + found, failure.Reason);
    }

    [Fact]
    public void StringWhereAnInt64ShouldBe_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone(TestInput.Progress("p1", """{"label":"L","progress":"eighty-six"}"""));

        Assert.Equal("p1", failure.Id);
        Assert.Equal("Microsoft.Media.JobOutputProgress", failure.EventType);
        Assert.Equal("$[1].data.progress", failure.Path);
        Assert.Equal("expected an integer (int64), found the string \"eighty-six\"", failure.Reason);
    }

    [Theory]
    [InlineData("86.5", "found the number 86.5")]
    [InlineData("true", "found true")]
    [InlineData("{}", "found an object")]
    [InlineData("\"9223372036854775808\"", "found the string \"9223372036854775808\" (out of range)")]
    public void OtherValuesWhereAnInt64ShouldBe_FailAlone(string progress, string found)
    {
        MediaEventReadFailure failure = FailsAlone(TestInput.Progress("p1", "{\"progress\":" + progress + "}"));

        Assert.Equal("$[1].data.progress", failure.Path);
        Assert.Equal("expected an integer (int64), " + found, failure.Reason);
    }

    [Fact]
    public void NullWhereAnOptionalInt64ShouldBe_IsReadAsAbsent()
    {
        MediaEvent e = Assert.Single(s_reader.Read(TestInput.Progress("p1", """{"label":"L","progress":null}""")).Events);

        MediaJobOutputProgressEventData data = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(e).Data;
        Assert.Equal("L", data.Label);
        Assert.Null(data.Progress);
    }

    [Fact]
    public void NullWhereARequiredValueShouldBe_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone(TestInput.ArchiveHeartbeat("h1", """{"channelLatencyMs":null,"latencyResultCode":"S_OK"}"""));

        Assert.Equal("h1", failure.Id);
        Assert.Equal("$[1].data.channelLatencyMs", failure.Path);
        Assert.Equal("expected a value, found null", failure.Reason);
    }

    [Fact]
    public void MissingRequiredProperty_FailsAlone()
    {
        MediaEventReadFailure failure = FailsAlone(TestInput.ArchiveHeartbeat("h1", """{"channelLatencyMs":"12","unrelated":{"a":"b"}}"""));

        Assert.Equal("h1", failure.Id);
        Assert.Equal("Microsoft.Media.LiveEventChannelArchiveHeartbeat", failure.EventType);
        Assert.Equal("$[1].data", failure.Path);
        Assert.Equal("the required property 'latencyResultCode' is missing", failure.Reason);
    }

    [Fact]
    public void SingleEvent_FailsWithIndexZeroAndRootPath()
    {
        string bad = TestInput.Progress("p1", """{"progress":"x"}""");

        MediaEventBatch batch = s_reader.Read(bad);

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(0, failure.Index);
        Assert.Equal("$.data.progress", failure.Path);
        Assert.Equal(bad, TestInput.Text(failure.RawEvent));
        Assert.Empty(batch.Events);
    }

    [Fact]
    public void EveryKindOfFailure_InOneBatch_FailsAlone()
    {
        string[] events =
        [
            TestInput.StateChange("ok-0"),
            """{"id":"bad-time","eventType":"Microsoft.Media.JobStateChange","eventTime":"not a time","data":{}}""",
            TestInput.Progress("ok-2", """{"progress":3}"""),
            """{"eventType":"Microsoft.Media.JobStateChange","data":{}}""",
            """{"id":"null-data","eventType":"Microsoft.Media.JobStateChange","data":null}""",
            "42",
            TestInput.Progress("string-int", """{"progress":"abc"}"""),
            TestInput.ArchiveHeartbeat("missing", """{"channelLatencyMs":"12"}"""),
            TestInput.StateChange("ok-8"),
        ];

        MediaEventBatch batch = s_reader.Read(TestInput.Array(events));

        Assert.Equal(9, batch.Count);
        Assert.Equal(new[] { "ok-0", "ok-2", "ok-8" }, batch.Events.Select(static e => e.Id));
        Assert.Equal(new[] { 1, 3, 4, 5, 6, 7 }, batch.Failures.Select(static f => f.Index));
        Assert.Equal(new[] { "bad-time", null, "null-data", null, "string-int", "missing" }, batch.Failures.Select(static f => f.Id));
        Assert.Equal(
            new[] { "$[1].eventTime", "$[3]", "$[5]", "$[6].data.progress", "$[7].data" },
            batch.Failures.Where(static f => f.Index != 4).Select(static f => f.Path));
        foreach (MediaEventReadFailure failure in batch.Failures)
        {
            Assert.Equal(events[failure.Index], TestInput.Text(failure.RawEvent));
            Assert.Same(failure, batch[failure.Index].Failure);
        }

        var thrown = Assert.Throws<MediaEventBatchException>(batch.ThrowIfFailed);
        Assert.Equal(batch.Failures, thrown.Failures);
        Assert.StartsWith("6 event(s) of the batch could not be read:", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("event 6 (id 'string-int', type 'Microsoft.Media.JobOutputProgress') at $[6].data.progress: expected an integer (int64), found the string \"abc\"", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("… and 1 more", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfFailed_WithoutFailures_DoesNothing()
    {
        MediaEventBatch batch = s_reader.Read(TestInput.Array(TestInput.StateChange("a"), TestInput.StateChange("b")));

        batch.ThrowIfFailed();
        Assert.False(batch.HasFailures);
    }

    [Fact]
    public void Failure_ToString_TellsTheWholeStory()
    {
        MediaEventReadFailure failure = FailsAlone(TestInput.Progress("p1", """{"progress":"abc"}"""));

        Assert.Equal(
            "event 1 (id 'p1', type 'Microsoft.Media.JobOutputProgress') at $[1].data.progress: expected an integer (int64), found the string \"abc\"",
            failure.ToString());
    }

    [Fact]
    public void TenThousandEvents_EveryNinetySeventhBad_ExactlyTheBadOnesFail()
    {
        const int count = 10_000;
        var json = new StringBuilder("[");
        var expectedBad = new List<int>();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            bool bad = (i + 1) % 97 == 0;
            if (bad)
            {
                expectedBad.Add(i);
            }

            string id = "e" + i;
            json.Append(i % 2 == 0
                ? TestInput.Progress(id, bad ? """{"progress":"n/a"}""" : "{\"progress\":" + (i % 101) + "}")
                : bad ? TestInput.StateChange(id).Replace("2024-03-14T09:15:02.1046132Z", "never", StringComparison.Ordinal) : TestInput.StateChange(id));
        }

        MediaEventBatch batch = s_reader.Read(json.Append(']').ToString());

        Assert.Equal(count, batch.Count);
        Assert.Equal(103, expectedBad.Count);
        Assert.Equal(expectedBad, batch.Failures.Select(static f => f.Index));
        Assert.Equal(expectedBad.Select(static i => "e" + i), batch.Failures.Select(static f => f.Id));
        Assert.All(batch.Failures, static f => Assert.Equal(
            f.Index % 2 == 0 ? $"$[{f.Index}].data.progress" : $"$[{f.Index}].eventTime",
            f.Path));
        Assert.Equal(count - expectedBad.Count, batch.Events.Count());
        for (int i = 0; i < count; i++)
        {
            MediaEventReadResult result = batch[i];
            Assert.Equal(i, result.Index);
            Assert.Equal(expectedBad.Contains(i), !result.Succeeded);
            if (result.Event is { } e)
            {
                Assert.Equal("e" + i, e.Id);
                if (e is MediaEvent<MediaJobOutputProgressEventData> progress)
                {
                    Assert.Equal(i % 101, progress.Data.Progress);
                }
            }
        }
    }
}
