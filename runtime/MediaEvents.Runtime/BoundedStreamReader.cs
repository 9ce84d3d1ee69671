using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents;

/// <summary>
/// Reads a stream into memory up to a limit: a request body, say, before it is parsed. More than the limit is
/// refused as soon as it is seen, without reading (or holding) the rest.
/// </summary>
/// <remarks>
/// <see cref="MediaEventReader.ReadAsync"/> reads its stream this way, with
/// <see cref="MediaEventReaderOptions.MaxInputBytes"/> as the limit. Use it directly to tell a body that is too
/// large (HTTP 413, say) from one that is not a delivery of events (400) by the exception alone:
/// <code>
/// ReadOnlyMemory&lt;byte&gt; body;
/// try
/// {
///     body = await BoundedStreamReader.ReadToEndAsync(request.Body, 1024 * 1024, cancellationToken);
/// }
/// catch (InputTooLargeException)
/// {
///     return Results.StatusCode(413);
/// }
///
/// MediaEventBatch batch = reader.Read(body);
/// </code>
/// </remarks>
public static class BoundedStreamReader
{
    // A stream that cannot tell its length is read into a buffer of this size first, doubled as it fills.
    private const int FirstBufferBytes = 16 * 1024;

    /// <summary>
    /// Reads <paramref name="stream"/> from its position to its end, or fails as soon as it holds more than
    /// <paramref name="maxBytes"/>. A stream that can seek and whose length is over the limit is refused before
    /// anything is read.
    /// </summary>
    /// <param name="stream">The stream to read; it is not disposed.</param>
    /// <param name="maxBytes">
    /// The most bytes to accept, at least 1. A limit above <see cref="Array.MaxLength"/> acts as that length, the
    /// most that one array holds.
    /// </param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>
    /// The content, as memory that nothing else holds: it may be the start of a larger array, so take its
    /// <see cref="ReadOnlyMemory{T}.Length"/>, not the array's.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    /// <exception cref="InputTooLargeException">
    /// The stream holds more than <paramref name="maxBytes"/>; its message says "larger than the limit of N bytes".
    /// </exception>
    public static ValueTask<ReadOnlyMemory<byte>> ReadToEndAsync(Stream stream, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        return ReadToEndCoreAsync(stream, Math.Min(maxBytes, Array.MaxLength), cancellationToken);
    }

    private static async ValueTask<ReadOnlyMemory<byte>> ReadToEndCoreAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw new InputTooLargeException(maxBytes);
        }

        // A stream that tells its length is read into one buffer of that size (a position past the end leaves 1).
        byte[] buffer = new byte[stream.CanSeek ? (int)Math.Max(1, Math.Min(stream.Length - stream.Position, maxBytes)) : (int)Math.Min(FirstBufferBytes, maxBytes)];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length >= maxBytes)
                {
                    // One more byte decides whether the content is exactly at the limit or beyond it.
                    byte[] probe = new byte[1];
                    if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) > 0)
                    {
                        throw new InputTooLargeException(maxBytes);
                    }

                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes));
            }

            int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return new ReadOnlyMemory<byte>(buffer, 0, length);
    }
}
