using System;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

public sealed partial class MediaEventReader
{
    /// <summary>
    /// A pass over a delivery that stops after each event, for dispatch that awaits between events. A
    /// <see cref="Utf8JsonReader"/> is a ref struct and cannot live across an await: the cursor keeps what resumes it
    /// (the rest of the input and the reader's state, line numbers included) and makes a reader over them per event.
    /// Nothing is read ahead: an event is read when it is asked for.
    /// </summary>
    private struct DeliveryCursor
    {
        private readonly bool _inArray;
        private ReadOnlyMemory<byte> _rest;
        private JsonReaderState _state;
        private int _index;

        /// <summary>Opens a delivery: its first token must start an array of events or an event object.</summary>
        /// <exception cref="MediaEventFormatException">The input is empty, not JSON, or neither an array nor an object.</exception>
        public DeliveryCursor(ReadOnlyMemory<byte> utf8Json)
        {
            utf8Json = Open(utf8Json);
            var reader = new Utf8JsonReader(utf8Json.Span, s_readerOptions);
            try
            {
                reader.Read();
            }
            catch (Exception exception) when (IsReaderFailure(exception))
            {
                throw NotJson(exception, complete: false);
            }

            _index = 0;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    // Resumed after the '[': each event starts with the token after the previous one.
                    _inArray = true;
                    _rest = utf8Json[checked((int)reader.BytesConsumed)..];
                    _state = reader.CurrentState;
                    break;
                case JsonTokenType.StartObject:
                    // Resumed from the start: the one event is read with its first token.
                    _inArray = false;
                    _rest = utf8Json;
                    _state = new JsonReaderState(s_readerOptions);
                    break;
                default:
                    throw NotEvents(utf8Json.Span, ref reader);
            }
        }

        /// <summary>
        /// Reads the next event, which fails alone if it cannot be read; or, at the end of the delivery, checks that
        /// nothing follows it and returns false.
        /// </summary>
        /// <exception cref="MediaEventFormatException">
        /// The input stops being JSON before the next event's end, something follows the delivery, or the next event
        /// is one more than <see cref="MediaEventReaderOptions.MaxEvents"/>.
        /// </exception>
        public bool TryRead(MediaEventReader owner, out MediaEventReadResult result)
        {
            var reader = new Utf8JsonReader(_rest.Span, isFinalBlock: true, _state);
            bool complete = false;
            try
            {
                complete = _inArray ? MediaJson.Advance(ref reader) == JsonTokenType.EndArray : _index > 0;
                if (complete)
                {
                    reader.Read();
                    result = default;
                    return false;
                }

                if (!_inArray)
                {
                    reader.Read();
                }
                else if (_index == owner._options.MaxEvents)
                {
                    throw MediaEventFormatException.TooManyEvents(_index);
                }

                // The string table is the current thread's, and an await may have moved the dispatch to another thread.
                result = owner.ReadEvent(ref reader, _rest, _index++, _inArray, Utf8StringTable.Current, DeferredFailure.Current);
            }
            catch (Exception exception) when (IsReaderFailure(exception))
            {
                throw NotJson(exception, complete);
            }

            _rest = _rest[checked((int)reader.BytesConsumed)..];
            _state = reader.CurrentState;
            return true;
        }
    }
}
