using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents;

// Deliveries from a stream: read whole into memory first (up to MaxInputBytes), then read as from memory, so that
// events can keep slices of it.
public sealed partial class MediaEventReader
{
    /// <summary>Reads a delivery from a stream, refusing more than <see cref="MediaEventReaderOptions.MaxInputBytes"/>.</summary>
    /// <exception cref="MediaEventFormatException">The content is too large or not a JSON array or object of events.</exception>
    public async ValueTask<MediaEventBatch> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ReadOnlyMemory<byte> content = await ReadToEndAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return Read(content);
    }

    /// <summary>
    /// Reads a structured-mode CloudEvent from a stream, refusing more than
    /// <see cref="MediaEventReaderOptions.MaxInputBytes"/>, as <see cref="ReadStructuredCloudEvent(ReadOnlyMemory{byte})"/> does.
    /// </summary>
    /// <exception cref="MediaEventFormatException">The content is too large or not one JSON event object.</exception>
    public async ValueTask<MediaEventBatch> ReadStructuredCloudEventAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadStructuredCloudEvent(await ReadToEndAsync(utf8Json, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Reads a batch of CloudEvents from a stream, refusing more than
    /// <see cref="MediaEventReaderOptions.MaxInputBytes"/>, as <see cref="ReadCloudEventBatch(ReadOnlyMemory{byte})"/> does.
    /// </summary>
    /// <exception cref="MediaEventFormatException">The content is too large or not a JSON array of events.</exception>
    public async ValueTask<MediaEventBatch> ReadCloudEventBatchAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadCloudEventBatch(await ReadToEndAsync(utf8Json, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Reads a binary-mode CloudEvent whose body is a stream, refusing more than
    /// <see cref="MediaEventReaderOptions.MaxInputBytes"/>, as
    /// <see cref="ReadBinaryCloudEvent(IEnumerable{KeyValuePair{string, string}}, string?, ReadOnlyMemory{byte})"/> does.
    /// </summary>
    /// <exception cref="MediaEventFormatException">The body is too large.</exception>
    public async ValueTask<MediaEventBatch> ReadBinaryCloudEventAsync(IEnumerable<KeyValuePair<string, string>> headers, string? contentType, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        return ReadBinaryCloudEvent(headers, contentType, await ReadToEndAsync(body, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reads a delivery from a stream (up to <see cref="MediaEventReaderOptions.MaxInputBytes"/>) and dispatches it as <see cref="Dispatch(ReadOnlyMemory{byte}, Action{MediaEvent})"/> does.</summary>
    /// <exception cref="MediaEventFormatException">The content is too large or not a JSON array or object of events.</exception>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    public ValueTask<MediaEventDispatchResult> DispatchAsync(Stream utf8Json, Action<MediaEvent> dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return DispatchAsync(utf8Json, dispatch, static (mediaEvent, dispatch) => dispatch(mediaEvent), cancellationToken);
    }

    /// <summary>Reads a delivery from a stream and dispatches it as <see cref="Dispatch{TState}(ReadOnlyMemory{byte}, TState, Action{MediaEvent, TState})"/> does.</summary>
    /// <exception cref="MediaEventFormatException">The content is too large or not a JSON array or object of events.</exception>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    public async ValueTask<MediaEventDispatchResult> DispatchAsync<TState>(Stream utf8Json, TState state, Action<MediaEvent, TState> dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(dispatch);
        ReadOnlyMemory<byte> content = await ReadToEndAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return Dispatch(content, state, dispatch);
    }

    // Too much input is a format error of the delivery, naming the option that sets the limit.
    private async ValueTask<ReadOnlyMemory<byte>> ReadToEndAsync(Stream utf8Json, CancellationToken cancellationToken)
    {
        try
        {
            return await BoundedStreamReader.ReadToEndAsync(utf8Json, _options.MaxInputBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (InputTooLargeException exception)
        {
            throw new MediaEventFormatException(
                $"The input is larger than the limit of {exception.MaxBytes} bytes (MediaEventReaderOptions.MaxInputBytes).",
                innerException: exception);
        }
    }
}
