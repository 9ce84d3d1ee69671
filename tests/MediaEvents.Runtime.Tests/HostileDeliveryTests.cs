using System;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace MediaEvents.Tests;

/// <summary>
/// Deliveries made to cost the reader: many small bad events, and the other shapes that could make reading cost
/// more than the input's size (issue #12). Allocations are deterministic per thread, so they are asserted; speed is
/// the benchmarks' (tests/MediaEvents.Benchmarks, the Hostile scenarios).
/// </summary>
public class HostileDeliveryTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    private readonly ITestOutputHelper _output;

    public HostileDeliveryTests(ITestOutputHelper output) => _output = output;

    /// <summary>A JSON array of <paramref name="count"/> copies of <paramref name="item"/>.</summary>
    internal static byte[] Repeated(string item, int count)
    {
        var text = new StringBuilder(2 + (count * (item.Length + 1)));
        text.Append('[');
        for (int i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(item);
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    // The bytes the reading thread allocates to read the delivery into a batch, after one warm-up read.
    internal static long AllocatedToRead(byte[] utf8)
    {
        GC.KeepAlive(s_reader.Read(utf8));
        long before = GC.GetAllocatedBytesForCurrentThread();
        MediaEventBatch batch = s_reader.Read(utf8);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(batch);
        return allocated;
    }

    // The first-chance exceptions thrown on this thread while reading the delivery.
    internal static int ExceptionsToRead(byte[] utf8)
    {
        int thread = Environment.CurrentManagedThreadId;
        int thrown = 0;
        void Count(object? sender, FirstChanceExceptionEventArgs args)
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                thrown++;
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            GC.KeepAlive(s_reader.Read(utf8));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        return thrown;
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("0")]
    [InlineData("null")]
    [InlineData("\"event\"")]
    [InlineData("[]")]
    [InlineData("""{"id":"e1"}""")]
    [InlineData("""{"eventType":"Microsoft.Media.JobStateChange"}""")]
    [InlineData("""{"specversion":"1.0","id":"e1"}""")]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange"}""")]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange","data":null}""")]
    public void CommonFailures_ThrowNothing(string item)
    {
        byte[] utf8 = Repeated(item, 1_000);

        MediaEventBatch batch = s_reader.Read(utf8);

        Assert.Equal(1_000, batch.Failures.Count);
        Assert.Equal(0, ExceptionsToRead(utf8));
    }

    [Fact]
    public void EmptyObjects_FailWithTheEnvelopesReason_AndTheirSlice()
    {
        MediaEventBatch batch = s_reader.Read(Repeated("{}", 3));

        Assert.All(batch.Failures, static failure =>
        {
            Assert.Null(failure.Id);
            Assert.Null(failure.EventType);
            Assert.Equal("{}", TestInput.Text(failure.RawEvent));
            Assert.Equal("the event has neither 'eventType' (Event Grid schema) nor 'specversion' and 'type' (CloudEvents 1.0)", failure.Reason);
        });
        Assert.Equal(["$[0]", "$[1]", "$[2]"], batch.Failures.Select(static failure => failure.Path));

        // The reason is one shared text, not one per event.
        Assert.Same(batch.Failures[0].Reason, batch.Failures[2].Reason);
    }

    [Fact]
    public void EnvelopeFailures_NameTheEvent_WithoutAScan()
    {
        MediaEventBatch batch = s_reader.Read(TestInput.Array(
            """{"eventType":"Microsoft.Media.JobStateChange","data":{}}""",
            """{"id":"e2","specversion":"1.0"}""",
            """{"id":"e3","eventType":"Microsoft.Media.JobStateChange","data":null}""",
            """{"data":{},"id":"e4","eventType":"Microsoft.Media.JobStateChange"}""",
            "17"));

        Assert.Equal(
            [
                "$[0] - Microsoft.Media.JobStateChange: the required property 'id' is missing",
                "$[1] e2 -: the CloudEvents event has no 'type'",
                "$[2].data e3 Microsoft.Media.JobStateChange: a Microsoft.Media.JobStateChange event carries its data as a JSON object, found null",
                "$[4] - -: expected an event object, found a number",
            ],
            batch.Failures.Select(static f => $"{f.Path} {f.Id ?? "-"} {f.EventType ?? "-"}: {f.Reason}"));
        Assert.Equal("e4", batch[3].Event?.Id);
    }

    [Fact]
    public void SingleEventWithoutType_HasTheRootPath()
    {
        MediaEventReadFailure failure = Assert.Single(s_reader.Read("""{"id":"only"}""").Failures);

        Assert.Equal("$", failure.Path);
        Assert.Equal("only", failure.Id);
    }

    /// <summary>
    /// Memory bounded by the input: whatever share of a delivery fails, and however, reading it into a batch
    /// allocates at most a small constant times its size. The bound per shape is stated in the README's reliability
    /// section; a valid delivery's figure is printed beside them.
    /// </summary>
    [Theory]
    [InlineData("valid", 1_000, 4)]
    // The smallest events there are (3 and 2 bytes with their comma): each costs its result in the batch and its
    // failure record, about 150 bytes, less than a valid event's 350, but many times its own size.
    [InlineData("{}", 100_000, 56)]
    [InlineData("0", 100_000, 80)]
    [InlineData("""{"id":"e1"}""", 100_000, 16)]
    [InlineData("""{"id":"e1","eventType":"Microsoft.Media.JobStateChange"}""", 10_000, 8)]
    [InlineData("""{"id":"e1","eventType":"Contoso.Unknown.Type"}""", 10_000, 8)]
    [InlineData("half", 1_000, 4)]
    [InlineData("deep", 1_000, 4)]
    // Each unknown member is kept (its name, a slice, a place in the list and, past a few, in the table of names that
    // finds a repeated one): about 12 bytes for each byte of a 14-byte member.
    [InlineData("members", 1, 16)]
    [InlineData("long string", 10, 4)]
    public void Allocations_AreBoundedByTheInput(string shape, int count, int maxBytesPerInputByte)
    {
        byte[] utf8 = shape switch
        {
            "valid" => Repeated(TestInput.StateChange("e1"), count),
            "half" => Repeated(TestInput.StateChange("e1") + ",{}", count),

            // Fails at the far end of each event: the depth limit (64) is met under data after the whole envelope.
            "deep" => Repeated(TestInput.StateChange("e1")[..^1] + ",\"x\":" + TestInput.Nested(100) + "}", count),

            // One object with a great many members the envelope does not know.
            "members" => Repeated("{" + string.Join(",", Enumerable.Range(0, 50_000).Select(static i => $"\"m{i}\":{i}")) + "}", count),
            "long string" => Repeated("""{"id":"e1","eventType":"Contoso.Unknown.Type","subject":" """ + new string('s', 100_000) + "\"}", count),
            _ => Repeated(shape, count),
        };

        long allocated = AllocatedToRead(utf8);

        double perByte = (double)allocated / utf8.Length;
        _output.WriteLine($"{shape}: {utf8.Length:N0} bytes in, {allocated:N0} allocated, {perByte:F1} per input byte");
        Assert.InRange(perByte, 0, maxBytesPerInputByte);
    }

    [Fact]
    public void MaxEvents_StopsReadingAtTheFirstEventPastIt_HavingAllocatedOnlyTheLimitsWorth()
    {
        var reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxEvents = 5_000 });
        byte[] utf8 = Repeated("{}", 330_000);
        Assert.Throws<MediaEventFormatException>(() => reader.Read(utf8));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<MediaEventFormatException>(() => reader.Read(utf8));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(5_000, exception.MaxEvents);
        Assert.Equal("The input holds more than the limit of 5000 events (MediaEventReaderOptions.MaxEvents).", exception.Message);
        _output.WriteLine($"330,000 {{}} with MaxEvents 5,000: {allocated:N0} bytes allocated");
        Assert.InRange(allocated, 0, 5_000 * 200);
        Assert.Equal(5_000, reader.Read(Repeated("{}", 5_000)).Count);
    }

    [Fact]
    public void OtherFormatErrors_HaveNoEventLimit()
    {
        var exception = Assert.Throws<MediaEventFormatException>(() => s_reader.Read("[{},"));

        Assert.Null(exception.MaxEvents);
    }
}
