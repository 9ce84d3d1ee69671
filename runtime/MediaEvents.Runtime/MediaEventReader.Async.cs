using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents;

// Asynchronous dispatch: each event is read, handed to an asynchronous handler and awaited before the next is read.
// The pass over the delivery is the same as the synchronous one (DeliveryCursor), one event at a time.
public sealed partial class MediaEventReader
{
    /// <summary>
    /// Reads a delivery and hands each event to <paramref name="dispatch"/>, awaiting it before the next event is
    /// read: handlers run one at a time, in delivery order, and no event is kept. Events that cannot be read are
    /// collected in the result (and thrown at the end with <see cref="MediaEventFailureMode.Throw"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// What a handler throws ends the dispatch and comes out of this call unchanged, as with
    /// <see cref="Dispatch(ReadOnlyMemory{byte}, Action{MediaEvent})"/>: the events before it have been handled, the
    /// events after it are neither read nor handled, and no result is returned.
    /// </para>
    /// <para>
    /// <paramref name="cancellationToken"/> is passed to every handler and checked before each event is handed on:
    /// once it is cancelled, no further handler is called and <see cref="OperationCanceledException"/> is thrown.
    /// A delivery whose every event has been handled completes normally.
    /// </para>
    /// <para>
    /// When the input stops being JSON part-way, the events before that point have been handled when
    /// <see cref="MediaEventFormatException"/> is thrown; read into a <see cref="MediaEventBatch"/> first and use
    /// <see cref="DispatchAsync{TState}(MediaEventBatch, TState, Func{MediaEvent, TState, CancellationToken, ValueTask}, CancellationToken)"/>
    /// where nothing may be handled before the whole delivery is known to be well formed.
    /// </para>
    /// </remarks>
    /// <exception cref="MediaEventFormatException">The bytes are not a JSON array or object of events.</exception>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<MediaEventDispatchResult> DispatchAsync(ReadOnlyMemory<byte> utf8Json, Func<MediaEvent, CancellationToken, ValueTask> dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return DispatchAsync(utf8Json, dispatch, static (mediaEvent, dispatch, cancellationToken) => dispatch(mediaEvent, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Dispatches a delivery as <see cref="DispatchAsync(ReadOnlyMemory{byte}, Func{MediaEvent, CancellationToken, ValueTask}, CancellationToken)"/>
    /// does, passing <paramref name="state"/> along with each event, so that a static callback needs no closure.
    /// </summary>
    /// <typeparam name="TState">What the callback needs, e.g. the visitor to route events to.</typeparam>
    /// <exception cref="MediaEventFormatException">The bytes are not a JSON array or object of events.</exception>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<MediaEventDispatchResult> DispatchAsync<TState>(ReadOnlyMemory<byte> utf8Json, TState state, Func<MediaEvent, TState, CancellationToken, ValueTask> dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var delivery = new DeliveryCursor(utf8Json);
        int count = 0;
        List<MediaEventReadFailure>? failures = null;
        while (delivery.TryRead(this, out MediaEventReadResult result))
        {
            count++;
            if (result.Event is { } mediaEvent)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Outside the cursor's reading: what the handler throws is the handler's, never a format error.
                await dispatch(mediaEvent, state, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                (failures ??= new List<MediaEventReadFailure>()).Add(result.Failure!);
            }
        }

        var outcome = new MediaEventDispatchResult(count, failures);
        if (_options.FailureMode == MediaEventFailureMode.Throw)
        {
            outcome.ThrowIfFailed();
        }

        return outcome;
    }

    /// <summary>
    /// Reads a delivery from a stream (up to <see cref="MediaEventReaderOptions.MaxInputBytes"/>) and dispatches it as
    /// <see cref="DispatchAsync(ReadOnlyMemory{byte}, Func{MediaEvent, CancellationToken, ValueTask}, CancellationToken)"/> does.
    /// </summary>
    /// <exception cref="MediaEventFormatException">The content is too large or not a JSON array or object of events.</exception>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<MediaEventDispatchResult> DispatchAsync(Stream utf8Json, Func<MediaEvent, CancellationToken, ValueTask> dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return DispatchAsync(utf8Json, dispatch, static (mediaEvent, dispatch, cancellationToken) => dispatch(mediaEvent, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Reads a delivery from a stream (up to <see cref="MediaEventReaderOptions.MaxInputBytes"/>) and dispatches it as
    /// <see cref="DispatchAsync{TState}(ReadOnlyMemory{byte}, TState, Func{MediaEvent, TState, CancellationToken, ValueTask}, CancellationToken)"/> does.
    /// </summary>
    /// <typeparam name="TState">What the callback needs, e.g. the visitor to route events to.</typeparam>
    /// <exception cref="MediaEventFormatException">The content is too large or not a JSON array or object of events.</exception>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<MediaEventDispatchResult> DispatchAsync<TState>(Stream utf8Json, TState state, Func<MediaEvent, TState, CancellationToken, ValueTask> dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(dispatch);
        ReadOnlyMemory<byte> content = await ReadToEndAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return await DispatchAsync(content, state, dispatch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands each event of a batch that was read to <paramref name="dispatch"/>, in order, awaiting each before the
    /// next; the events that failed are skipped (and thrown at the end with <see cref="MediaEventFailureMode.Throw"/>).
    /// A handler's exception and cancellation end the dispatch as they do in
    /// <see cref="DispatchAsync(ReadOnlyMemory{byte}, Func{MediaEvent, CancellationToken, ValueTask}, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TState">What the callback needs, e.g. the visitor to route events to.</typeparam>
    /// <returns>The same batch.</returns>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<MediaEventBatch> DispatchAsync<TState>(MediaEventBatch batch, TState state, Func<MediaEvent, TState, CancellationToken, ValueTask> dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(dispatch);
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch[i].Event is { } mediaEvent)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await dispatch(mediaEvent, state, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_options.FailureMode == MediaEventFailureMode.Throw)
        {
            batch.ThrowIfFailed();
        }

        return batch;
    }
}
