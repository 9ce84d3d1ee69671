using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents;

/// <summary>
/// A stream read in chunks into one buffer that holds only what has not been consumed yet: the pending bytes move
/// to the front before more are read, and the buffer grows only when they fill it (up to a limit). Knows the line
/// and byte of the first pending byte, for positions in messages.
/// </summary>
internal sealed class ChunkedInput
{
    // Large enough that a stream of ordinary events is read in few calls, small enough not to matter beside them.
    private const int FirstBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxPending;
    private byte[] _buffer;
    private int _start;
    private int _end;

    /// <summary>Creates the input.</summary>
    /// <param name="stream">The stream, read from its position; not disposed.</param>
    /// <param name="maxPending">The most pending bytes to hold, at least 1 (the buffer stays one byte larger, to tell more).</param>
    /// <param name="firstBufferBytes">The first buffer's size (tests make it small).</param>
    public ChunkedInput(Stream stream, int maxPending, int firstBufferBytes = FirstBufferBytes)
    {
        _stream = stream;
        _maxPending = maxPending;
        _buffer = new byte[Math.Max(1, Math.Min(firstBufferBytes, maxPending + 1L > Array.MaxLength ? Array.MaxLength : maxPending + 1))];
    }

    /// <summary>The most pending bytes held.</summary>
    public int MaxPending => _maxPending;

    /// <summary>Whether more than <see cref="MaxPending"/> bytes are pending: the value they start is over the limit.</summary>
    public bool IsOverLimit => _end - _start > _maxPending;

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Pending => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Whether the stream has ended: <see cref="Pending"/> is all there is.</summary>
    public bool Ended { get; private set; }

    /// <summary>The zero-based line of the first pending byte.</summary>
    public long Line { get; private set; }

    /// <summary>The zero-based byte, within its line, of the first pending byte.</summary>
    public long BytePositionInLine { get; private set; }

    /// <summary>
    /// Reads more of the stream (one read: what arrives is handled at once, a pipe is not waited on to fill the
    /// buffer); <see langword="false"/> when the stream has ended. Called when the pending bytes are not enough
    /// for one value, and not once they are <see cref="IsOverLimit"/>. What the stream throws is not caught.
    /// </summary>
    public async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        // Not every stream looks at the token (a memory stream, say): a long read stops here all the same.
        cancellationToken.ThrowIfCancellationRequested();
        if (Ended)
        {
            return false;
        }

        if (_start > 0)
        {
            Pending.CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (IsOverLimit)
            {
                throw new InvalidOperationException("The pending bytes are over the limit: the caller reads no more.");
            }

            Array.Resize(ref _buffer, (int)Math.Min(Math.Min((long)_buffer.Length * 2, (long)_maxPending + 1), Array.MaxLength));
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        Ended = read == 0;
        return !Ended;
    }

    /// <summary>The line and byte in the line just after the last pending byte.</summary>
    public (long Line, long BytePositionInLine) PositionAfterPending()
    {
        ReadOnlySpan<byte> pending = Pending;
        int lastNewLine = pending.LastIndexOf((byte)'\n');
        return lastNewLine < 0
            ? (Line, BytePositionInLine + pending.Length)
            : (Line + pending.Count((byte)'\n'), pending.Length - lastNewLine - 1);
    }

    /// <summary>Drops the first <paramref name="count"/> pending bytes without counting them (a byte order mark).</summary>
    public void Discard(int count) => _start += count;

    /// <summary>Consumes the first <paramref name="count"/> pending bytes, counting their lines.</summary>
    public void Consume(int count)
    {
        ReadOnlySpan<byte> consumed = Pending[..count];
        int lastNewLine = consumed.LastIndexOf((byte)'\n');
        if (lastNewLine >= 0)
        {
            Line += consumed.Count((byte)'\n');
            BytePositionInLine = count - lastNewLine - 1;
        }
        else
        {
            BytePositionInLine += count;
        }

        _start += count;
    }
}
