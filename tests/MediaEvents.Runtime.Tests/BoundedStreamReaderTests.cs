using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

public class BoundedStreamReaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StreamWithinTheLimit_IsReadWhole(bool seekable)
    {
        byte[] content = Enumerable.Range(0, 100_000).Select(static i => (byte)i).ToArray();

        ReadOnlyMemory<byte> read = await BoundedStreamReader.ReadToEndAsync(Open(content, seekable), 1024 * 1024);

        Assert.Equal(content, read.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StreamOfExactlyTheLimit_IsReadWhole(bool seekable)
    {
        byte[] content = Enumerable.Range(0, 40_000).Select(static i => (byte)i).ToArray();

        ReadOnlyMemory<byte> read = await BoundedStreamReader.ReadToEndAsync(Open(content, seekable), content.Length);

        Assert.Equal(content, read.ToArray());
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    [InlineData(true, 20_000)]
    [InlineData(false, 20_000)]
    public async Task StreamOneBytePastTheLimit_IsRefusedNamingTheLimit(bool seekable, int limit)
    {
        byte[] content = new byte[limit + 1];

        var exception = await Assert.ThrowsAsync<InputTooLargeException>(
            async () => await BoundedStreamReader.ReadToEndAsync(Open(content, seekable), limit));

        Assert.Equal(limit, exception.MaxBytes);
        Assert.Equal($"The input is larger than the limit of {limit} bytes.", exception.Message);
    }

    [Fact]
    public async Task SeekableStreamOverTheLimit_IsRefusedBeforeAnythingIsRead()
    {
        var stream = new MemoryStream(new byte[1000]);

        await Assert.ThrowsAsync<InputTooLargeException>(async () => await BoundedStreamReader.ReadToEndAsync(stream, 999));

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task EndlessStream_StopsAtTheFirstBytePastTheLimit()
    {
        var stream = new EndlessStream();

        await Assert.ThrowsAsync<InputTooLargeException>(async () => await BoundedStreamReader.ReadToEndAsync(stream, 100_000));

        Assert.InRange(stream.BytesServed, 100_001, 100_000 + EndlessStream.Chunk);
    }

    [Fact]
    public async Task Reading_StartsAtTheStreamsPosition()
    {
        byte[] content = Encoding.UTF8.GetBytes("consumed|rest");
        var stream = new MemoryStream(content) { Position = "consumed|".Length };

        ReadOnlyMemory<byte> read = await BoundedStreamReader.ReadToEndAsync(stream, "rest".Length);

        Assert.Equal("rest", Encoding.UTF8.GetString(read.Span));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EmptyStream_IsEmptyMemory(bool seekable)
    {
        ReadOnlyMemory<byte> read = await BoundedStreamReader.ReadToEndAsync(Open([], seekable), 10);

        Assert.True(read.IsEmpty);
    }

    [Fact]
    public async Task LimitAboveTheLargestArray_ReadsAsAnyOther()
    {
        ReadOnlyMemory<byte> read = await BoundedStreamReader.ReadToEndAsync(new ForwardOnlyStream([1, 2, 3]), long.MaxValue);

        Assert.Equal(new byte[] { 1, 2, 3 }, read.ToArray());
    }

    [Fact]
    public async Task Cancellation_IsHonoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await BoundedStreamReader.ReadToEndAsync(new EndlessStream(), 100, cancelled.Token));
    }

    [Fact]
    public void BadArguments_AreRefusedNamingTheArgument()
    {
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(static () => BoundedStreamReader.ReadToEndAsync(null!, 10)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(static () => BoundedStreamReader.ReadToEndAsync(new MemoryStream(), 0)).ParamName);

        var unreadable = new MemoryStream();
        unreadable.Dispose();
        var exception = Assert.Throws<ArgumentException>(() => BoundedStreamReader.ReadToEndAsync(unreadable, 10));
        Assert.Equal("stream", exception.ParamName);
        Assert.Contains("cannot be read", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderOverItsLimit_ThrowsAFormatErrorNamingTheOption_WithTheBoundedReadsExceptionInside()
    {
        MediaEventReader reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = 10 });

        var exception = await Assert.ThrowsAsync<MediaEventFormatException>(
            async () => await reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(TestInput.Array(TestInput.StateChange("a"))))));

        Assert.Equal("The input is larger than the limit of 10 bytes (MediaEventReaderOptions.MaxInputBytes).", exception.Message);
        Assert.Equal(10, Assert.IsType<InputTooLargeException>(exception.InnerException).MaxBytes);
    }

    private static Stream Open(byte[] content, bool seekable) => seekable ? new MemoryStream(content) : new ForwardOnlyStream(content);

    /// <summary>A stream that never ends, counting what it served.</summary>
    private sealed class EndlessStream : Stream
    {
        public const int Chunk = 4096;

        public long BytesServed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int served = Math.Min(buffer.Length, Chunk);
            buffer[..served].Fill((byte)' ');
            BytesServed += served;
            return served;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
