using System;

namespace MediaEvents;

/// <summary>How a batch reports events that could not be read.</summary>
public enum MediaEventFailureMode
{
    /// <summary>Failures are collected in <see cref="MediaEventBatch.Failures"/>; nothing is thrown for them.</summary>
    Collect,

    /// <summary>After every readable event has been handled, one <see cref="MediaEventBatchException"/> carries all failures.</summary>
    Throw,
}

/// <summary>Limits and behaviour of a <see cref="MediaEventReader"/>.</summary>
public sealed class MediaEventReaderOptions
{
    private int _maxDepth = 64;
    private long _maxInputBytes = 64L * 1024 * 1024;
    private int _maxEvents = int.MaxValue;

    /// <summary>The shared default options.</summary>
    public static MediaEventReaderOptions Default { get; } = new();

    /// <summary>
    /// The deepest nesting one event may have, counting the event object as 1 (default 64). An event nested deeper
    /// fails alone; the rest of its batch is read.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "The maximum depth must be at least 1.");
    }

    /// <summary>The largest input, in bytes, read from a stream (default 64 MiB); more is refused before it is parsed.</summary>
    public long MaxInputBytes
    {
        get => _maxInputBytes;
        init => _maxInputBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxInputBytes), value, "The maximum input size must be at least 1 byte.");
    }

    /// <summary>
    /// The most events one delivery may hold (default: no limit). Reading stops at the first event past it, with a
    /// <see cref="MediaEventFormatException"/> whose <see cref="MediaEventFormatException.MaxEvents"/> is this limit,
    /// so that a delivery of a great many small events costs no more than the limit's worth (Event Grid itself never
    /// delivers more than 5,000). When dispatching as events are read, the events before the limit were dispatched.
    /// </summary>
    public int MaxEvents
    {
        get => _maxEvents;
        init => _maxEvents = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxEvents), value, "The maximum number of events must be at least 1.");
    }

    /// <summary>
    /// Whether a member that appears more than once in one JSON object is accepted, its last value winning (the
    /// envelope's members, the data's and those the spec does not define alike). By default (<see langword="false"/>)
    /// such an event fails, naming the path of the repeated member: otherwise a validator that reads the first value
    /// and a handler that reads the last could see two different events in one. Named after System.Text.Json's
    /// <c>AllowDuplicateProperties</c>.
    /// </summary>
    public bool AllowDuplicateMembers { get; init; }

    /// <summary>Whether failures are only collected (default) or also thrown once, after dispatch.</summary>
    public MediaEventFailureMode FailureMode { get; init; } = MediaEventFailureMode.Collect;
}
