using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

public class LimitTests
{
    private const string DepthReason = "the value nests deeper than the maximum depth allowed for an event (MediaEventReaderOptions.MaxDepth)";

    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    /// <summary>
    /// A JobOutputProgress event <paramref name="depth"/> levels deep, counting the event object as 1: the event (1),
    /// data (2) and an unknown member of data holding <paramref name="depth"/> − 2 nested arrays.
    /// </summary>
    private static string ProgressOfDepth(string id, int depth) =>
        TestInput.Progress(id, "{\"progress\":1,\"deep\":" + TestInput.Nested(depth - 2) + "}");

    [Fact]
    public void EventNested100Deep_FailsAlone_WithTheDepthReason()
    {
        string deep = ProgressOfDepth("deep", 100);
        string json = TestInput.Array(TestInput.StateChange("a"), deep, TestInput.Progress("c", "{\"progress\":3}"));

        MediaEventBatch batch = s_reader.Read(json);

        Assert.Equal(64, s_reader.Options.MaxDepth);
        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal("deep", failure.Id);
        Assert.Equal("Microsoft.Media.JobOutputProgress", failure.EventType);
        Assert.Equal("$[1].data.deep", failure.Path);
        Assert.Equal(DepthReason, failure.Reason);
        Assert.Equal(deep, TestInput.Text(failure.RawEvent));
        Assert.Equal(new[] { "a", "c" }, batch.Events.Select(static e => e.Id));
    }

    [Fact]
    public void EventNested100Deep_InAnUnknownType_FailsAlone()
    {
        string deep = """{"id":"u","eventType":"Other.Type","data":{"x":""" + TestInput.Nested(98) + "}}";

        MediaEventBatch batch = s_reader.Read(TestInput.Array(TestInput.StateChange("a"), deep, TestInput.StateChange("c")));

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal("u", failure.Id);
        Assert.Equal("$[1].data", failure.Path);
        Assert.Equal(DepthReason, failure.Reason);
        Assert.Equal(2, batch.Events.Count());
    }

    [Fact]
    public void EventNested100Deep_InAnEnvelopeExtension_FailsAlone()
    {
        string deep = """{"id":"x","type":"Microsoft.Media.JobStateChange","specversion":"1.0","ext":""" + TestInput.Nested(99) + ""","data":{}}""";

        MediaEventBatch batch = s_reader.Read(TestInput.Array(TestInput.StateChange("a"), deep, TestInput.StateChange("c")));

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal("$[1].ext", failure.Path);
        Assert.Equal(DepthReason, failure.Reason);
        Assert.Equal(2, batch.Events.Count());
    }

    [Fact]
    public void EventNestedFarBeyondTheLimit_FailsAloneWithoutExhaustingTheStack()
    {
        string deep = ProgressOfDepth("deep", 200_000);

        MediaEventBatch batch = s_reader.Read(TestInput.Array(deep, TestInput.StateChange("b")));

        Assert.Equal(0, Assert.Single(batch.Failures).Index);
        Assert.Equal("b", Assert.Single(batch.Events).Id);
    }

    [Fact]
    public void MaxDepth_IsConfigurable()
    {
        string tenDeep = ProgressOfDepth("ten", 10);
        string json = TestInput.Array(TestInput.StateChange("a"), tenDeep);

        MediaEventBatch strict = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxDepth = 5 }).Read(json);
        MediaEventBatch lenient = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxDepth = 64 }).Read(json);

        MediaEventReadFailure failure = Assert.Single(strict.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal("$[1].data.deep", failure.Path);
        Assert.Equal(DepthReason, failure.Reason);
        Assert.Equal("a", Assert.Single(strict.Events).Id);
        Assert.False(lenient.HasFailures);
        Assert.Equal(2, lenient.Events.Count());
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(10, false)]
    [InlineData(10, true)]
    [InlineData(64, false)]
    [InlineData(64, true)]
    public void MaxDepth_CountsTheEventObjectAsOne(int maxDepth, bool single)
    {
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxDepth = maxDepth });
        string atLimit = ProgressOfDepth("at", maxDepth);
        string beyond = ProgressOfDepth("beyond", maxDepth + 1);

        MediaEventBatch read = reader.Read(single ? atLimit : TestInput.Array(atLimit));
        MediaEventBatch failed = reader.Read(single ? beyond : TestInput.Array(beyond));

        Assert.False(read.HasFailures, string.Join("\n", read.Failures));
        Assert.Equal(DepthReason, Assert.Single(failed.Failures).Reason);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(64)]
    public void MaxDepth_IsTheSame_WhenDataComesBeforeTheType(int maxDepth)
    {
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxDepth = maxDepth });
        static string DataFirst(int depth) =>
            "{\"id\":\"1\",\"data\":{\"progress\":1,\"deep\":" + TestInput.Nested(depth - 2) + "},\"eventType\":\"Microsoft.Media.JobOutputProgress\"}";

        MediaEventBatch read = reader.Read(TestInput.Array(DataFirst(maxDepth)));
        MediaEventBatch failed = reader.Read(TestInput.Array(DataFirst(maxDepth + 1)));

        Assert.False(read.HasFailures, string.Join("\n", read.Failures));
        MediaEventReadFailure failure = Assert.Single(failed.Failures);
        Assert.Equal(DepthReason, failure.Reason);
        Assert.Equal("$[0].data", failure.Path);
    }

    [Fact]
    public void MaxDepth_BelowOne_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(static () => new MediaEventReaderOptions { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(static () => new MediaEventReaderOptions { MaxInputBytes = 0 });
    }

    [Fact]
    public async Task SeekableStreamLargerThanMaxInputBytes_IsRefused()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(TestInput.Array(TestInput.StateChange("a"), TestInput.StateChange("b")));
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = utf8.Length - 1 });

        var exception = await Assert.ThrowsAsync<MediaEventFormatException>(async () => await reader.ReadAsync(new MemoryStream(utf8)));

        Assert.Contains($"larger than the limit of {utf8.Length - 1} bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardOnlyStreamLargerThanMaxInputBytes_IsRefused()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(TestInput.Array(Enumerable.Range(0, 400).Select(static i => TestInput.StateChange("e" + i)).ToArray()));
        Assert.True(utf8.Length > 100_000);
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = 100_000 });

        var exception = await Assert.ThrowsAsync<MediaEventFormatException>(async () => await reader.ReadAsync(new ForwardOnlyStream(utf8)));

        Assert.Contains("larger than the limit of 100000 bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmallForwardOnlyStreamLargerThanASmallMaxInputBytes_IsRefused()
    {
        // A limit below the reader's first buffer (16 KiB) must hold for a stream that cannot tell its length.
        byte[] utf8 = Encoding.UTF8.GetBytes(TestInput.Array(TestInput.StateChange("a"), TestInput.StateChange("b")));
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = 100 });

        var exception = await Assert.ThrowsAsync<MediaEventFormatException>(async () => await reader.ReadAsync(new ForwardOnlyStream(utf8)));

        Assert.Contains("larger than the limit of 100 bytes", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StreamOfExactlyMaxInputBytes_IsRead(bool seekable)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(TestInput.Array(Enumerable.Range(0, 200).Select(static i => TestInput.StateChange("e" + i)).ToArray()));
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = utf8.Length });

        MediaEventBatch batch = await reader.ReadAsync(seekable ? new MemoryStream(utf8) : new ForwardOnlyStream(utf8));

        Assert.Equal(200, batch.Events.Count());
        Assert.False(batch.HasFailures);
    }

    [Fact]
    public async Task StreamPosition_IsWhereReadingStarts()
    {
        byte[] prefix = Encoding.UTF8.GetBytes("garbage that was already consumed");
        byte[] utf8 = [.. prefix, .. Encoding.UTF8.GetBytes(TestInput.Array(TestInput.StateChange("a")))];
        var stream = new MemoryStream(utf8) { Position = prefix.Length };
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = utf8.Length - prefix.Length });

        MediaEventBatch batch = await reader.ReadAsync(stream);

        Assert.Equal("a", Assert.Single(batch.Events).Id);
    }

    [Fact]
    public async Task EightMegabyteStringInData_IsReadWhole()
    {
        string label = string.Create(8 * 1024 * 1024, 0, static (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        string json = TestInput.Array(TestInput.StateChange("a"), TestInput.Progress("big", "{\"label\":\"" + label + "\",\"progress\":5}"), TestInput.StateChange("c"));

        foreach ((string way, MediaEventBatch batch) in await TestInput.ReadAllWays(s_reader, json))
        {
            Assert.False(batch.HasFailures, way);
            var big = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(batch[1].Event);
            Assert.Equal(label, big.Data.Label);
            Assert.Equal(5L, big.Data.Progress);
            Assert.Equal(3, batch.Events.Count());
        }
    }
}
