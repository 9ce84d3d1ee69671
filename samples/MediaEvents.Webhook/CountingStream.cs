using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.Webhook;

/// <summary>
/// A read-only view of the request body that counts what was read, so that the endpoint can tell a body that is
/// too large (413) from one that is not JSON (400), and a failure while reading from one while handling.
/// </summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    /// <summary>The bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Whether the end of the body was reached.</summary>
    public bool EndReached { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count), count);

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer), buffer.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read, int requested)
    {
        BytesRead += read;
        if (read == 0 && requested > 0)
        {
            EndReached = true;
        }

        return read;
    }
}
