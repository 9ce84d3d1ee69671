using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// <see cref="MediaEventReader.ReadEventsAsync(Stream, CancellationToken)"/>: a delivery read in chunks gives, event
/// for event, what the same delivery read whole gives, wherever the chunks end; what is not a delivery is a
/// <see cref="MediaEventFormatException"/> after the events before it.
/// </summary>
public class EventStreamTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    private static readonly string s_delivery = TestInput.Array(
        TestInput.StateChange("e0"),
        """{"id":"bad","eventType":"Microsoft.Media.JobStateChange","eventTime":"noon","data":{}}""",
        TestInput.Progress("e2", """{"label":"L\u00e9","progress":"86","extra":[1,{"a":null}]}"""),
        """{"id":"e3","eventType":"Something.Else","data":{"x":"\"]}"}}""",
        "42",
        TestInput.StateChange("e5"));

    private static async Task<List<MediaEventReadResult>> ReadAllAsync(MediaEventReader reader, Stream stream, int firstBufferBytes = 64 * 1024)
    {
        var results = new List<MediaEventReadResult>();
        await foreach (MediaEventReadResult result in reader.ReadEventsAsync(new ChunkedInput(stream, reader.MaxEventBytes, firstBufferBytes), CancellationToken.None))
        {
            results.Add(result);
        }

        return results;
    }

    private static string Whole(string json) => TestInput.Describe(s_reader.Read(json));

    private static string Streamed(List<MediaEventReadResult> results) => TestInput.Describe(new MediaEventBatch(results));

    [Fact]
    public async Task ADelivery_ReadsAsItDoesWhole()
    {
        List<MediaEventReadResult> results = await ReadAllAsync(s_reader, new MemoryStream(Encoding.UTF8.GetBytes(s_delivery)));

        Assert.Equal(Whole(s_delivery), Streamed(results));
        Assert.Equal(2, results.Count(static r => !r.Succeeded));
        Assert.Equal("$[1].eventTime", results[1].Failure!.Path);
        Assert.Equal("$[4]", results[4].Failure!.Path);
    }

    [Fact]
    public async Task EventsSplitAtEveryPositionOfTheInput_ReadAsWhole()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(s_delivery);
        string expected = Whole(s_delivery);

        for (int split = 1; split < utf8.Length; split++)
        {
            Assert.Equal(expected, Streamed(await ReadAllAsync(s_reader, new SplitStream(utf8, split), firstBufferBytes: 16)));
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(4093, 16)]
    public async Task AnArrayManyTimesLargerThanTheBuffer_ReadsAsWhole(int chunk, int firstBufferBytes)
    {
        string json = TestInput.Array(Enumerable.Range(0, 500).Select(static i => TestInput.StateChange("e" + i)).ToArray());

        List<MediaEventReadResult> results = await ReadAllAsync(s_reader, new ForwardOnlyStream(Encoding.UTF8.GetBytes(json), chunk), firstBufferBytes);

        Assert.Equal(500, results.Count);
        Assert.Equal(Whole(json), Streamed(results));
    }

    [Fact]
    public async Task AnEventLargerThanTheBuffer_GrowsIt()
    {
        string big = TestInput.Progress("big", $$"""{"progress":1,"blob":"{{new string('x', 300_000)}}"}""");
        string json = TestInput.Array(TestInput.StateChange("e0"), big, TestInput.StateChange("e2"));

        List<MediaEventReadResult> results = await ReadAllAsync(s_reader, new ForwardOnlyStream(Encoding.UTF8.GetBytes(json), 1000), firstBufferBytes: 64);

        Assert.Equal(["e0", "big", "e2"], results.Select(static r => r.Event!.Id));
        Assert.Equal(300_000, ((MediaJobOutputProgressEventData)results[1].Event!.TypedData!).UnknownMembers!.Find("blob")!.RawValue.Length - 2);
    }

    [Fact]
    public async Task EachEventOwnsItsBytes()
    {
        List<MediaEventReadResult> results = await ReadAllAsync(s_reader, new MemoryStream(Encoding.UTF8.GetBytes(s_delivery)), firstBufferBytes: 16);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(results[0].Event!.RawData, out ArraySegment<byte> data));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(results[1].Failure!.RawEvent, out ArraySegment<byte> failed));
        Assert.NotSame(data.Array, failed.Array);
        Assert.Equal(Encoding.UTF8.GetByteCount(TestInput.StateChange("e0")), data.Array!.Length);
    }

    [Fact]
    public async Task ASingleEventObject_IsOneResult()
    {
        byte[] utf8 = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(" \n" + TestInput.StateChange("only") + "\r\n ")];

        MediaEventReadResult result = Assert.Single(await ReadAllAsync(s_reader, new ForwardOnlyStream(utf8, 5), firstBufferBytes: 8));

        Assert.Equal("only", result.Event!.Id);
        Assert.Equal(0, result.Index);
    }

    [Fact]
    public async Task AnEmptyArray_IsNoEvents()
    {
        Assert.Empty(await ReadAllAsync(s_reader, new MemoryStream(" [ \n ] "u8.ToArray())));
    }

    [Theory]
    [InlineData("", "The input is empty: expected a JSON array of events or a single event object.")]
    [InlineData(" \n ", "The input is empty: expected a JSON array of events or a single event object.")]
    [InlineData("42", "Expected a JSON array of events or a single event object, found a number. (line 1, byte 1)")]
    [InlineData("\n  \"text\"", "Expected a JSON array of events or a single event object, found a string. (line 2, byte 3)")]
    [InlineData("null", "Expected a JSON array of events or a single event object, found null. (line 1, byte 1)")]
    [InlineData("nope", "The input is not valid JSON: 'n' is an invalid start of a value. (line 1, byte 1)")]
    [InlineData("[{}  x", "The input is not valid JSON: expected ',' or ']' after the event at $[0], found 'x'. (line 1, byte 6)")]
    [InlineData("[{},\n]", "The input is not valid JSON: the array of events ends with a comma. (line 2, byte 1)")]
    [InlineData("[{}] {}", "Unexpected content after the end of the events: '{' is invalid after a single JSON value. Expected end of data. (line 1, byte 6)")]
    [InlineData("{} []", "Unexpected content after the end of the events: '[' is invalid after a single JSON value. Expected end of data. (line 1, byte 4)")]
    [InlineData("[{},\n {\"a\":\n  x}]", "The input is not valid JSON: 'x' is an invalid start of a value. (line 3, byte 3)")]
    public async Task WhatIsNotADelivery_SaysWhatAndWhere(string input, string message)
    {
        var exception = await Assert.ThrowsAsync<MediaEventFormatException>(() => ReadAllAsync(s_reader, new MemoryStream(Encoding.UTF8.GetBytes(input)), firstBufferBytes: 4));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public async Task ATruncatedInput_FailsAtEveryCut_AfterTheEventsBeforeIt()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(s_delivery);
        for (int cut = 1; cut < utf8.Length; cut++)
        {
            var results = new List<MediaEventReadResult>();
            var exception = await Assert.ThrowsAsync<MediaEventFormatException>(async () =>
            {
                await foreach (MediaEventReadResult result in s_reader.ReadEventsAsync(new MemoryStream(utf8, 0, cut)))
                {
                    results.Add(result);
                }
            });

            Assert.StartsWith("The input is not valid JSON: The JSON ends in the middle of a value. (line 1, byte " + (cut + 1) + ")", exception.Message, StringComparison.Ordinal);
            Assert.True(results.Count <= 6);
            Assert.Equal(Enumerable.Range(0, results.Count), results.Select(static r => r.Index));
        }
    }

    [Fact]
    public async Task AnEventOverTheLimit_FailsNamingTheLimit_AfterTheEventsBeforeIt()
    {
        var reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = 1000 });
        string json = TestInput.Array(TestInput.StateChange("e0"), TestInput.Progress("big", $$"""{"progress":1,"blob":"{{new string('x', 2000)}}"}"""));
        var results = new List<MediaEventReadResult>();

        var exception = await Assert.ThrowsAsync<MediaEventFormatException>(async () =>
        {
            await foreach (MediaEventReadResult result in reader.ReadEventsAsync(new ForwardOnlyStream(Encoding.UTF8.GetBytes(json), 100)))
            {
                results.Add(result);
            }
        });

        Assert.Equal("e0", Assert.Single(results).Event!.Id);
        Assert.StartsWith("The event at $[1] is larger than the limit of 1000 bytes (MediaEventReaderOptions.MaxInputBytes).", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1000, Assert.IsType<InputTooLargeException>(exception.InnerException).MaxBytes);
    }

    [Fact]
    public async Task AnEventOfExactlyTheLimit_IsRead()
    {
        string e0 = TestInput.StateChange("e0");
        var reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = Encoding.UTF8.GetByteCount(e0) });

        List<MediaEventReadResult> results = await ReadAllAsync(reader, new ForwardOnlyStream(Encoding.UTF8.GetBytes(TestInput.Array(e0, e0, e0)), 7), firstBufferBytes: 4);

        Assert.Equal(3, results.Count(static r => r.Succeeded));
    }

    [Fact]
    public async Task MaxEvents_StopsTheStreamAtTheFirstEventPastIt_AfterYieldingThoseBefore()
    {
        var reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxEvents = 3 });
        var yielded = new List<MediaEventReadResult>();

        MediaEventFormatException exception = await Assert.ThrowsAsync<MediaEventFormatException>(async () =>
        {
            await foreach (MediaEventReadResult result in reader.ReadEventsAsync(new MemoryStream(Encoding.UTF8.GetBytes(s_delivery))))
            {
                yielded.Add(result);
            }
        });

        Assert.Equal(3, exception.MaxEvents);
        Assert.Equal(3, yielded.Count);
        Assert.Equal(5, (await ReadAllAsync(MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxEvents = 5 }), new MemoryStream(Encoding.UTF8.GetBytes(TestInput.Array(Enumerable.Repeat("{}", 5).ToArray()))))).Count);
    }

    [Fact]
    public void ArgumentErrors_AreThrownAtOnce()
    {
        Assert.Throws<ArgumentNullException>(() => s_reader.ReadEventsAsync(null!));
        Assert.Throws<ArgumentException>(() => s_reader.ReadEventsAsync(new UnreadableStream()));
    }

    [Fact]
    public async Task Cancellation_StopsTheReading()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (MediaEventReadResult _ in s_reader.ReadEventsAsync(new ForwardOnlyStream(Encoding.UTF8.GetBytes(s_delivery)), cancellation.Token))
            {
            }
        });
    }

    // Returns the content up to the split in the first reads, then the rest.
    private sealed class SplitStream(byte[] content, int split) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(Position < split ? buffer[..Math.Min(buffer.Length, split - (int)Position)] : buffer, cancellationToken);
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
