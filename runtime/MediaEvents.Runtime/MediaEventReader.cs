using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaEvents.Json;

namespace MediaEvents;

/// <summary>
/// Reads deliveries of events — a JSON array or a single object, each event in the Event Grid schema or in
/// CloudEvents 1.0 — into typed events, with one result per event. One event that cannot be read fails alone.
/// </summary>
public sealed partial class MediaEventReader
{
    // The members of both envelopes; a member's index is its case in ReadEnvelopeAndData. Declared first: the
    // name table below is built from it.
    private static readonly string[] s_envelopeMemberNames =
    {
        "id", "eventType", "type", "subject", "topic", "source", "eventTime", "time", "data",
        "dataVersion", "metadataVersion", "specversion", "datacontenttype", "dataschema",
    };

    private static readonly MediaJsonPropertyNames s_envelopeNames = new(s_envelopeMemberNames);

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
    /// first where nothing may be handled before the whole delivery is known to be well formed.
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
        ReadOnlyMemory<byte> content = await ReadAllAsync(utf8Json, _options.MaxInputBytes, cancellationToken).ConfigureAwait(false);
        return Dispatch(content, state, dispatch);
    }

    // Where ReadEach hands each event's result. A struct, so that the pass is specialised for each receiver and
    // calls it directly: no delegate and no closure per delivery.
    private interface IResultReceiver
    {
        void Receive(in MediaEventReadResult result);
    }

    private readonly struct Collector : IResultReceiver
    {
        public Collector(List<MediaEventReadResult> results) => Results = results;

        public List<MediaEventReadResult> Results { get; }

        public void Receive(in MediaEventReadResult result) => Results.Add(result);
    }

    private struct Dispatcher<TState> : IResultReceiver
    {
        private readonly TState _state;
        private readonly Action<MediaEvent, TState> _dispatch;

        public Dispatcher(TState state, Action<MediaEvent, TState> dispatch)
        {
            _state = state;
            _dispatch = dispatch;
            Count = 0;
            Failures = null;
        }

        public int Count { get; private set; }

        public List<MediaEventReadFailure>? Failures { get; private set; }

        public void Receive(in MediaEventReadResult result)
        {
            Count++;
            if (result.Event is { } mediaEvent)
            {
                _dispatch(mediaEvent, _state);
            }
            else
            {
                (Failures ??= new List<MediaEventReadFailure>()).Add(result.Failure!);
            }
        }
    }

    // The one pass over a delivery: each event's result goes to the receiver in input order as soon as it is known.
    private void ReadEach<TReceiver>(ReadOnlyMemory<byte> utf8Json, ref TReceiver receiver)
        where TReceiver : struct, IResultReceiver
    {
        int index = 0;
        Utf8StringTable table = Utf8StringTable.Current;
        ReadOnlySpan<byte> span = utf8Json.Span;
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
            span = utf8Json.Span;
        }

        // The reader's own depth limit is lifted: our limit applies per event, so one deep event fails alone.
        // Comments are not JSON (and skipping them costs every token a detour): they are a format error.
        if (span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            throw new MediaEventFormatException("The input is empty: expected a JSON array of events or a single event object.");
        }

        var reader = new Utf8JsonReader(span, s_readerOptions);
        bool complete = false;
        try
        {
            reader.Read();

            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    while (MediaJson.Advance(ref reader) != JsonTokenType.EndArray)
                    {
                        receiver.Receive(ReadEvent(ref reader, utf8Json, index++, inArray: true, table));
                    }

                    break;
                case JsonTokenType.StartObject:
                    receiver.Receive(ReadEvent(ref reader, utf8Json, 0, inArray: false, table));
                    break;
                default:
                    throw new MediaEventFormatException(
                        $"Expected a JSON array of events or a single event object, found {Describe(reader.TokenType)}.",
                        span[..checked((int)reader.TokenStartIndex)].Count((byte)'\n'),
                        reader.TokenStartIndex - (span[..checked((int)reader.TokenStartIndex)].LastIndexOf((byte)'\n') + 1));
            }

            complete = true;
            reader.Read();
        }
        catch (InvalidOperationException exception)
        {
            throw new MediaEventFormatException("The input is not valid UTF-8.", null, null, exception);
        }
        catch (JsonException exception) when (exception is not MediaJsonException)
        {
            throw new MediaEventFormatException(
                (complete ? "Unexpected content after the end of the events: " : "The input is not valid JSON: ") + StjMessage(exception.Message),
                exception.LineNumber,
                exception.BytePositionInLine,
                exception);
        }
    }

    /// <summary>Reads a delivery from a stream, refusing more than <see cref="MediaEventReaderOptions.MaxInputBytes"/>.</summary>
    /// <exception cref="MediaEventFormatException">The content is too large or not a JSON array or object of events.</exception>
    public async ValueTask<MediaEventBatch> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ReadOnlyMemory<byte> content = await ReadAllAsync(utf8Json, _options.MaxInputBytes, cancellationToken).ConfigureAwait(false);
        return Read(content);
    }

    /// <summary>Reads all of a stream, or fails as soon as it grows past the limit.</summary>
    internal static async ValueTask<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        byte[] buffer = new byte[stream.CanSeek ? (int)Math.Max(1, Math.Min(stream.Length - stream.Position, maxBytes)) : (int)Math.Min(16 * 1024, maxBytes)];
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
                        throw TooLarge(maxBytes);
                    }

                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, Math.Min(maxBytes, Array.MaxLength)));
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

    private static MediaEventFormatException TooLarge(long maxBytes) =>
        new($"The input is larger than the limit of {maxBytes} bytes (MediaEventReaderOptions.MaxInputBytes).");

    private MediaEventReadResult ReadEvent(ref Utf8JsonReader reader, ReadOnlyMemory<byte> buffer, int index, bool inArray, Utf8StringTable table)
    {
        // Built only for a failure: the path of every event would cost an allocation per event.
        string path() => inArray ? "$[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : "$";

        int start = checked((int)reader.TokenStartIndex);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            string found = Describe(reader.TokenType);
            reader.Skip();
            return Fail(index, null, null, path(), $"expected an event object, found {found}", buffer[start..checked((int)reader.BytesConsumed)]);
        }

        // Nothing is kept for the failure path: it is rare, and it finds the event's end and identity itself.
        int depth = reader.CurrentDepth;
        var context = new MediaJsonReadContext(depth + _options.MaxDepth - 1, buffer, table);
        string reason;
        string relativePath = string.Empty;
        try
        {
            return new MediaEventReadResult(index, ReadEnvelopeAndData(ref reader, context), null);
        }
        catch (MediaJsonException exception)
        {
            reason = exception.Reason;
            relativePath = exception.RelativePath;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString refuses text that is not UTF-8; the JSON structure itself is intact.
            reason = "a string of the event is not valid UTF-8";
        }

        // Only this event is lost: the reader goes on to the event's end, and the event's id and type are read from
        // its bytes, wherever in the event they are.
        while (!(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            MediaJson.Advance(ref reader);
        }

        ReadOnlyMemory<byte> raw = buffer[start..checked((int)reader.BytesConsumed)];
        (string? id, string? eventType) = ScanIdentity(raw.Span);
        return Fail(index, id, eventType, path() + relativePath, reason, raw);
    }

    // A failure names the event even when its id or type comes after the value at fault.
    private static (string? Id, string? EventType) ScanIdentity(ReadOnlySpan<byte> utf8Event)
    {
        string? id = null;
        string? eventType = null;
        try
        {
            var scout = new Utf8JsonReader(utf8Event, s_readerOptions);
            scout.Read();
            while (scout.Read() && scout.TokenType == JsonTokenType.PropertyName)
            {
                int property = s_envelopeNames.Match(ref scout);
                scout.Read();
                if (scout.TokenType == JsonTokenType.String && property == 0)
                {
                    id ??= TryGetString(ref scout);
                }
                else if (scout.TokenType == JsonTokenType.String && property is 1 or 2)
                {
                    eventType ??= TryGetString(ref scout);
                }

                scout.Skip();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Best effort only: the failure is reported with what could be read.
        }

        return (id, eventType);

        // An id that is not UTF-8 is not reported, but the type after it still is.
        static string? TryGetString(ref Utf8JsonReader scout)
        {
            try
            {
                return scout.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    private static MediaEventReadResult Fail(int index, string? id, string? eventType, string path, string reason, ReadOnlyMemory<byte> raw) =>
        new(index, null, new MediaEventReadFailure(index, id, eventType, path, reason, raw));

    private MediaEvent ReadEnvelopeAndData(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        var envelope = default(MediaEventEnvelope);
        bool hasData = false;
        bool dataIsNull = false;
        object? data = null;
        List<JsonMember>? unknown = null;
        string? member = null;
        try
        {
            while (MediaJson.Advance(ref reader) != JsonTokenType.EndObject)
            {
                int property = MatchEnvelopeMember(ref reader);
                if (property < 0)
                {
                    member = null;
                    MediaJson.ReadUnknownMember(ref reader, context, ref unknown);
                    continue;
                }

                member = s_envelopeMemberNames[property];
                MediaJson.Advance(ref reader);
                switch (property)
                {
                    case 0:
                        ReadId(ref reader, context, ref envelope);
                        break;
                    case 1:
                    case 2:
                        ReadEventType(ref reader, ref envelope, member);
                        break;
                    case 3:
                        envelope.Subject = ReadEnvelopeString(ref reader, context);
                        break;
                    case 4:
                    case 5:
                        envelope.Source = ReadEnvelopeString(ref reader, context);
                        break;
                    case 6:
                    case 7:
                        envelope.Time = ReadTime(ref reader);
                        break;
                    case 8:
                        hasData = true;
                        dataIsNull = reader.TokenType == JsonTokenType.Null;
                        int dataStart = checked((int)reader.TokenStartIndex);

                        // Usually the type precedes the data, and the data is read in the same pass.
                        if (envelope.KnownType is not null && !dataIsNull)
                        {
                            data = envelope.KnownType.ReadDataObject(ref reader, context);
                        }
                        else
                        {
                            MediaJson.SkipValue(ref reader, context);
                        }

                        envelope.RawData = context.Buffer[dataStart..checked((int)reader.BytesConsumed)];
                        break;
                    case 9:
                        envelope.DataVersion = Intern(ref reader, "1.0"u8, "1.0");
                        break;
                    case 10:
                        envelope.MetadataVersion = Intern(ref reader, "1"u8, "1");
                        break;
                    case 11:
                        envelope.SpecVersion = Intern(ref reader, "1.0"u8, "1.0");
                        break;
                    case 12:
                        envelope.DataContentType = Intern(ref reader, "application/json"u8, "application/json");
                        break;
                    case 13:
                        envelope.DataSchema = ReadEnvelopeString(ref reader);
                        break;
                }
            }

            member = null;
            envelope.UnknownMembers = JsonMembers.From(unknown);
            if (envelope.EventType is null)
            {
                throw new MediaJsonException(envelope.SpecVersion is null
                    ? "the event has neither 'eventType' (Event Grid schema) nor 'specversion' and 'type' (CloudEvents 1.0)"
                    : "the CloudEvents event has no 'type'");
            }

            if (!envelope.HasId)
            {
                throw MediaJson.MissingRequired("id");
            }

            if (envelope.KnownType is null)
            {
                return new MediaEvent(envelope.EventType, envelope);
            }

            if (!hasData || dataIsNull)
            {
                var missing = new MediaJsonException($"a {envelope.EventType} event carries its data as a JSON object, found {(hasData ? "null" : "no 'data' member")}");
                throw hasData ? missing.InProperty("data") : missing;
            }

            if (data is null)
            {
                // The data came before the type: read it now from its slice.
                member = "data";
                var dataReader = new Utf8JsonReader(envelope.RawData.Span, s_readerOptions);
                dataReader.Read();
                var dataContext = new MediaJsonReadContext(context.MaxReaderDepth - reader.CurrentDepth - 1, envelope.RawData, context.Strings);
                data = envelope.KnownType.ReadDataObject(ref dataReader, dataContext);
            }

            return envelope.KnownType.CreateEvent(data, envelope);
        }
        catch (MediaJsonException exception) when (member is not null)
        {
            throw exception.InProperty(member);
        }
    }

    // The members of both envelopes, by their exact bytes first (constant comparisons the JIT unrolls), then
    // escaped or in another case through the name table.
    private static int MatchEnvelopeMember(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            ReadOnlySpan<byte> name = reader.ValueSpan;
            int exact = name.Length switch
            {
                2 when name.SequenceEqual("id"u8) => 0,
                4 when name.SequenceEqual("type"u8) => 2,
                4 when name.SequenceEqual("time"u8) => 7,
                4 when name.SequenceEqual("data"u8) => 8,
                5 when name.SequenceEqual("topic"u8) => 4,
                6 when name.SequenceEqual("source"u8) => 5,
                7 when name.SequenceEqual("subject"u8) => 3,
                9 when name.SequenceEqual("eventType"u8) => 1,
                9 when name.SequenceEqual("eventTime"u8) => 6,
                10 when name.SequenceEqual("dataschema"u8) => 13,
                11 when name.SequenceEqual("dataVersion"u8) => 9,
                11 when name.SequenceEqual("specversion"u8) => 11,
                15 when name.SequenceEqual("metadataVersion"u8) => 10,
                15 when name.SequenceEqual("datacontenttype"u8) => 12,
                _ => -1,
            };
            if (exact >= 0)
            {
                return exact;
            }
        }

        return s_envelopeNames.Match(ref reader);
    }

    private void ReadEventType(ref Utf8JsonReader reader, ref MediaEventEnvelope envelope, string member)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw MediaJson.Unexpected(ref reader, "the event type as a string");
        }

        if (envelope.EventTypeMember is not null)
        {
            throw new MediaJsonException($"the event has both '{envelope.EventTypeMember}' and '{member}'");
        }

        envelope.EventTypeMember = member;
        MediaEventType? known = reader.ValueIsEscaped ? _catalog.Find(reader.GetString()!) : _catalog.Find(reader.ValueSpan);
        envelope.KnownType = known;

        // A known type reuses the catalogue's string: dispatch allocates nothing for the type name.
        envelope.EventType = known is not null && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(known.Utf8Name) ? known.Name : reader.GetString();
    }

    // Ids are unique: caching them would only push out strings that repeat. An ASCII id (a GUID, always, from the
    // service) is kept as its bytes and decoded when first asked for; anything else is decoded now, which also
    // checks that it is UTF-8.
    private static void ReadId(ref Utf8JsonReader reader, MediaJsonReadContext context, ref MediaEventEnvelope envelope)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0 && !context.Buffer.IsEmpty && Ascii.IsValid(reader.ValueSpan))
        {
            envelope.Id = null;
            envelope.AsciiId = context.Buffer.Slice(checked((int)reader.TokenStartIndex) + 1, reader.ValueSpan.Length);
        }
        else
        {
            envelope.Id = ReadEnvelopeString(ref reader);
            envelope.AsciiId = default;
        }
    }

    // Tolerant like the data: a number or boolean where the envelope has a string (e.g. "dataVersion": 1) is its text.
    // The envelope's strings are strings: unlike a data member, an object there is not read as its JSON text.
    private static string? ReadEnvelopeString(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
            ? throw MediaJson.Unexpected(ref reader, "a string")
            : MediaJson.ReadString(ref reader);

    // Topic, source and subject repeat across events: the string table keeps them.
    private static string? ReadEnvelopeString(ref Utf8JsonReader reader, MediaJsonReadContext context) =>
        reader.TokenType == JsonTokenType.String ? MediaJson.ReadString(ref reader, context) : ReadEnvelopeString(ref reader);

    private static string? Intern(ref Utf8JsonReader reader, ReadOnlySpan<byte> commonUtf8, string common) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(commonUtf8)
            ? common
            : ReadEnvelopeString(ref reader);

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && MediaJson.TryReadTimestamp(ref reader, out DateTimeOffset time))
        {
            return time;
        }

        throw MediaJson.Unexpected(ref reader, "an ISO 8601 date and time such as \"2018-04-20T21:26:13.8978772Z\"");
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // System.Text.Json appends its own zero-based position (ours follows, one-based, in the exception's message), and
    // about a trailing comma it advises changing reader options that this reader does not offer: both are cut.
    internal static string StjMessage(string message)
    {
        foreach (string marker in new[] { " Path:", " LineNumber:" })
        {
            int end = message.IndexOf(marker, StringComparison.Ordinal);
            if (end > 0)
            {
                message = message[..end];
            }
        }

        return message
            .Replace(" which is not supported in this mode", string.Empty, StringComparison.Ordinal)
            .Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal)
            .TrimEnd();
    }
}
