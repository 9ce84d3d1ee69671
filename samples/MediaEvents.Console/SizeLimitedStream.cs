using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.ConsoleSample;

/// <summary>
/// A read-only view of a stream that refuses to pass on more than a limit: everything up to the limit is passed
/// on, and the read that finds a byte past it throws <see cref="InputTooLargeException"/> ("larger than the limit
/// of N bytes"). A stream that tells its length and
/// holds more is refused at the first read, before anything is read. What <c>--max-size</c> sets.
/// </summary>
internal sealed class SizeLimitedStream : Stream
{
    private readonly Stream _inner;
    private readonly long _maxBytes;
    private long _read;

    /// <summary>Limits <paramref name="inner"/> (not disposed with this stream) to <paramref name="maxBytes"/>.</summary>
    public SizeLimitedStream(Stream inner, long maxBytes)
    {
        _inner = inner;
        _maxBytes = maxBytes;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        CheckLength();
        return Count(_inner.Read(buffer[..Allowed(buffer.Length)]));
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        CheckLength();
        return Count(await _inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void CheckLength()
    {
        if (_read > _maxBytes || (_read == 0 && _inner.CanSeek && _inner.Length - _inner.Position > _maxBytes))
        {
            throw new InputTooLargeException(_maxBytes);
        }
    }

    // Up to one byte past the limit, so that everything before it is passed on and the byte past it tells.
    private int Allowed(int requested) => (int)Math.Min(requested, _maxBytes - _read + 1);

    // A read that brings the byte past the limit passes on the bytes before it, and the next read throws; when it
    // brings that byte alone, it throws itself (0 bytes would say the stream has ended).
    private int Count(int read)
    {
        _read += read;
        return _read <= _maxBytes ? read : read > 1 ? read - 1 : throw new InputTooLargeException(_maxBytes);
    }
}
