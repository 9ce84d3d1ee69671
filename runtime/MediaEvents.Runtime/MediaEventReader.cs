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
    /// Reads a CloudEvent in the structured content mode of the HTTP binding (<c>application/cloudevents+json</c>):
    /// one event object in the CloudEvents JSON format, into a batch of one. Events are read as by
    /// <see cref="Read(ReadOnlyMemory{byte})"/>, and keep slices of this memory.
    /// </summary>
    /// <exception cref="MediaEventFormatException">The bytes are not one JSON event object (a JSON array is the batched mode's).</exception>
    public MediaEventBatch ReadStructuredCloudEvent(ReadOnlyMemory<byte> utf8Json)
    {
        if (FirstByte(utf8Json.Span) == '[')
        {
            throw new MediaEventFormatException(
                "Expected one CloudEvent object (application/cloudevents+json), found an array: a batch is application/cloudevents-batch+json.");
        }

        return Read(utf8Json);
    }

    /// <summary>
    /// Reads CloudEvents in the batched content mode of the HTTP binding (<c>application/cloudevents-batch+json</c>):
    /// a JSON array of events in the CloudEvents JSON format, perhaps empty. Events are read as by
    /// <see cref="Read(ReadOnlyMemory{byte})"/>, and keep slices of this memory.
    /// </summary>
    /// <exception cref="MediaEventFormatException">The bytes are not a JSON array of events (one object is the structured mode's).</exception>
    public MediaEventBatch ReadCloudEventBatch(ReadOnlyMemory<byte> utf8Json)
    {
        if (FirstByte(utf8Json.Span) == '{')
        {
            throw new MediaEventFormatException(
                "Expected a JSON array of CloudEvents (application/cloudevents-batch+json), found an object: one event is application/cloudevents+json.");
        }

        return Read(utf8Json);
    }

    /// <summary>
    /// Reads a CloudEvent in the binary content mode of the HTTP binding into a batch of one: its attributes from
    /// the <c>ce-*</c> headers (names in any case, values percent-decoded), its data from the body, whose
    /// <c>Content-Type</c> is the event's <c>datacontenttype</c>. The event is the one its structured form gives.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <c>ce-specversion</c> must be <c>1.0</c>, and <c>ce-id</c>, <c>ce-source</c> and <c>ce-type</c> must be
    /// present and not empty; <c>ce-time</c> is read as a structured event's <c>time</c> is, and a
    /// <c>ce-datacontenttype</c> header must not be present. Other <c>ce-*</c> headers are extension attributes, kept
    /// among <see cref="MediaEvent.UnknownMembers"/> as JSON strings. Headers without the prefix are ignored.
    /// </para>
    /// <para>
    /// A JSON content type (<c>application/json</c>, <c>text/json</c>, <c>*/*+json</c>) makes the body the JSON of
    /// the data (<see cref="MediaEvent.RawData"/>, typed for a known type). Any other content type keeps the body as
    /// <see cref="MediaEvent.BinaryData"/>, and a known type, whose data is JSON, fails. Without a content type, a
    /// known type's body is read as JSON and an unknown type's is kept as bytes. An empty body is an event without
    /// data.
    /// </para>
    /// <para>
    /// What is wrong fails the event, with a reason and a path: the header at fault (<c>ce-time</c>) or the place in
    /// the data, from the body (<c>$.progress</c>). The headers are enumerated again for the id and type of a failure.
    /// </para>
    /// </remarks>
    /// <param name="headers">The request's headers as name/value pairs, one pair per value (a header given twice fails the event).</param>
    /// <param name="contentType">The request's <c>Content-Type</c>, or <see langword="null"/> when it has none.</param>
    /// <param name="body">The request's body, the event's data; the event keeps slices of it.</param>
    /// <returns>A batch of one result: the event, or why it could not be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public MediaEventBatch ReadBinaryCloudEvent(IEnumerable<KeyValuePair<string, string>> headers, string? contentType, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new MediaEventBatch(new List<MediaEventReadResult>(1) { ReadBinaryEvent(headers, contentType, body) });
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

    // The first byte of the JSON, after a byte order mark and white space; 0 when there is none.
    private static byte FirstByte(ReadOnlySpan<byte> utf8Json)
    {
        ReadOnlySpan<byte> content = utf8Json.StartsWith(Encoding.UTF8.Preamble) ? utf8Json[Encoding.UTF8.Preamble.Length..] : utf8Json;
        content = content.TrimStart(" \t\r\n"u8);
        return content.IsEmpty ? (byte)0 : content[0];
    }
}
