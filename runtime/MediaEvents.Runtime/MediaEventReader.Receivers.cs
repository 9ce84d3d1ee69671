using System;
using System.Collections.Generic;

namespace MediaEvents;

// Where the one pass over a delivery hands each event's result: a batch collects them, a dispatch passes each
// event on as soon as it is read and keeps only the failures.
public sealed partial class MediaEventReader
{
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
}
