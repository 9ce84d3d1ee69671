using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace MediaEvents;

// The reader's parts, one file each: the entry points for memory (this file) and for streams (.Streams.cs); where
// each event's result goes (.Receivers.cs); the pass over a delivery (.Delivery.cs); one event, which fails alone
// (.Failures.cs); the envelope and its data (.Envelope.cs); the envelope's members by name (.EnvelopeMembers.cs);
// dispatch to asynchronous handlers (.Async.cs), through a pass that stops after each event (.DeliveryCursor.cs).

/// <summary>
/// Reads deliveries of events — a JSON array or a single object, each event in the Event Grid schema or in
/// CloudEvents 1.0 — into typed events, with one result per event. One event that cannot be read fails alone.
/// </summary>
public sealed partial class MediaEventReader
{
    // The reader's own depth limit is lifted: our limit applies per event (MediaEventReaderOptions.MaxDepth).
    private static readonly JsonReaderOptions s_readerOptions = new() { MaxDepth = int.MaxValue };

    private readonly MediaEventCatalog _catalog;
    private readonly MediaEventReaderOptions _options;

    /// <summary>Creates a reader for the event types of <paramref name="catalog"/>.</summary>
    public MediaEventReader(MediaEventCatalog catalog, MediaEventReaderOptions? options = null)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _options = options ?? MediaEventReaderOptions.Default;
    }

    /// <summary>The options this reader applies.</summary>
    public MediaEventReaderOptions Options => _options;

    /// <summary>Reads a delivery from JSON text.</summary>
    /// <exception cref="MediaEventFormatException">The text is not a JSON array or object of events.</exception>
    public MediaEventBatch Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Reads a delivery from UTF-8 JSON, without copying it: events keep slices of this array
    /// (<see cref="MediaEvent.RawData"/>, unknown members), so it must not change while they are in use.
    /// </summary>
    /// <exception cref="MediaEventFormatException">The bytes are not a JSON array or object of events.</exception>
    public MediaEventBatch Read(byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(new ReadOnlyMemory<byte>(utf8Json));
    }

    /// <summary>Reads a delivery from UTF-8 JSON (copied once, so that events can keep slices of it).</summary>
    /// <exception cref="MediaEventFormatException">The bytes are not a JSON array or object of events.</exception>
    public MediaEventBatch Read(ReadOnlySpan<byte> utf8Json) => Read(new ReadOnlyMemory<byte>(utf8Json.ToArray()));

    /// <summary>
    /// Reads a delivery from UTF-8 JSON. Events keep slices of this memory (<see cref="MediaEvent.RawData"/>,
    /// unknown members): it must not change while they are in use.
    /// </summary>
    /// <exception cref="MediaEventFormatException">The bytes are not a JSON array or object of events.</exception>
    public MediaEventBatch Read(ReadOnlyMemory<byte> utf8Json)
    {
        var collector = new Collector(new List<MediaEventReadResult>(4));
        ReadEach(utf8Json, ref collector);
        return new MediaEventBatch(collector.Results);
    }

    /// <summary>
    /// Reads a delivery and hands each event to <paramref name="dispatch"/> as soon as it is read, keeping none of
    /// them: memory stays flat however large the batch. Events that cannot be read are collected in the result
    /// (and thrown at the end with <see cref="MediaEventFailureMode.Throw"/>).
    /// </summary>
    /// <remarks>
    /// Events are dispatched as they are read: when the input stops being JSON part-way, the events before that
    /// point have been dispatched when <see cref="MediaEventFormatException"/> is thrown. (Event Grid delivers at
    /// least once; handlers take a repeated event in their stride.) Read into a <see cref="MediaEventBatch"/>
    /// first where nothing may be handled before the whole delivery is known to be well formed. What
    /// <paramref name="dispatch"/> throws ends the dispatch and comes out of this call unchanged: the events before
    /// it have been handled, the events after it are neither read nor handled.
    /// </remarks>
    /// <exception cref="MediaEventFormatException">The bytes are not a JSON array or object of events.</exception>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    public MediaEventDispatchResult Dispatch(ReadOnlyMemory<byte> utf8Json, Action<MediaEvent> dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return Dispatch(utf8Json, dispatch, static (mediaEvent, dispatch) => dispatch(mediaEvent));
    }

    /// <summary>
    /// Dispatches a delivery as <see cref="Dispatch(ReadOnlyMemory{byte}, Action{MediaEvent})"/> does, passing
    /// <paramref name="state"/> along with each event, so that a static callback needs no closure.
    /// </summary>
    /// <typeparam name="TState">What the callback needs, e.g. the visitor to route events to.</typeparam>
    /// <exception cref="MediaEventFormatException">The bytes are not a JSON array or object of events.</exception>
    /// <exception cref="MediaEventBatchException">Some events failed and the failure mode is Throw.</exception>
    public MediaEventDispatchResult Dispatch<TState>(ReadOnlyMemory<byte> utf8Json, TState state, Action<MediaEvent, TState> dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var dispatcher = new Dispatcher<TState>(state, dispatch);
        ReadEach(utf8Json, ref dispatcher);
        var outcome = new MediaEventDispatchResult(dispatcher.Count, dispatcher.Failures);
        if (_options.FailureMode == MediaEventFailureMode.Throw)
        {
            outcome.ThrowIfFailed();
        }

        return outcome;
    }
}
