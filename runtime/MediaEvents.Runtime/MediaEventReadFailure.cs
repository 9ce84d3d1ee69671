using System;
using System.Globalization;
using System.Text;

namespace MediaEvents;

/// <summary>Why one event of a batch could not be read. The other events of the batch are not affected.</summary>
public sealed class MediaEventReadFailure
{
    // For the reader's failures, the path below the event (e.g. ".data.progress"), joined to the event's place when
    // the whole path is first asked for: a hostile delivery may fail every one of its events, and most failures are
    // counted, not read, so their paths are not built. A value's failure keeps the position of the value in the
    // event instead, and its relative path is found from it. The joined path is cached; two threads may both build it.
    private readonly string? _relativePath;
    private readonly long _position;
    private readonly PathRoot _root;
    private string? _path;

    /// <summary>Creates a failure record.</summary>
    public MediaEventReadFailure(int index, string? id, string? eventType, string path, string reason, ReadOnlyMemory<byte> rawEvent)
    {
        Index = index;
        Id = id;
        EventType = eventType;
        _path = path ?? throw new ArgumentNullException(nameof(path));
        _relativePath = string.Empty;
        _root = PathRoot.Built;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        RawEvent = rawEvent;
    }

    // The reader's failure: the path is the event's place in the delivery ($[index] in an array, $ alone) followed by
    // the relative path, joined when first asked for. The reason is usually one of the reader's constant texts.
    internal MediaEventReadFailure(int index, bool inArray, string? id, string? eventType, string relativePath, string reason, ReadOnlyMemory<byte> rawEvent)
        : this(index, inArray, id, eventType, reason, rawEvent, position: 0)
    {
        _relativePath = relativePath;
    }

    // The failure of the value that starts at position in the raw event: the relative path is found when first needed.
    internal MediaEventReadFailure(int index, bool inArray, string? id, string? eventType, string reason, ReadOnlyMemory<byte> rawEvent, long position)
    {
        Index = index;
        Id = id;
        EventType = eventType;
        _position = position;
        _root = inArray ? PathRoot.ArrayItem : PathRoot.Single;
        Reason = reason;
        RawEvent = rawEvent;
    }

    // What the relative path is relative to: nothing (the path was given whole), the event at Index of an array, or
    // the one event of a delivery that is a single object.
    private enum PathRoot : byte
    {
        Built,
        ArrayItem,
        Single,
    }

    /// <summary>The event's position in its batch (0 for a single event).</summary>
    public int Index { get; }

    /// <summary>The event's id, when it could be read.</summary>
    public string? Id { get; }

    /// <summary>The event's type, when it could be read.</summary>
    public string? EventType { get; }

    /// <summary>The JSON path of the value at fault, from the batch root, e.g. <c>$[3].data.output.progress</c>.</summary>
    public string Path => _path ??=
        (_root == PathRoot.ArrayItem ? "$[" + Index.ToString(CultureInfo.InvariantCulture) + "]" : "$")
        + (_relativePath ?? Json.JsonPathLocator.PathTo(RawEvent.Span, _position));

    /// <summary>What was wrong, e.g. <c>expected an integer (int64), found the string "abc"</c>.</summary>
    public string Reason { get; }

    /// <summary>The event's raw JSON as it arrived, so that nothing is lost.</summary>
    public ReadOnlyMemory<byte> RawEvent { get; }

    /// <summary>The whole story in one line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("event ").Append(Index);
        if (Id is not null || EventType is not null)
        {
            text.Append(" (");
            if (Id is not null)
            {
                text.Append("id '").Append(Id).Append('\'');
            }

            if (EventType is not null)
            {
                text.Append(Id is not null ? ", " : string.Empty).Append("type '").Append(EventType).Append('\'');
            }

            text.Append(')');
        }

        return text.Append(" at ").Append(Path).Append(": ").Append(Reason).ToString();
    }
}
