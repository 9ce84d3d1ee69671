using System;
using System.Text;

namespace MediaEvents;

/// <summary>Why one event of a batch could not be read. The other events of the batch are not affected.</summary>
public sealed class MediaEventReadFailure
{
    /// <summary>Creates a failure record.</summary>
    public MediaEventReadFailure(int index, string? id, string? eventType, string path, string reason, ReadOnlyMemory<byte> rawEvent)
    {
        Index = index;
        Id = id;
        EventType = eventType;
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        RawEvent = rawEvent;
    }

    /// <summary>The event's position in its batch (0 for a single event).</summary>
    public int Index { get; }

    /// <summary>The event's id, when it could be read.</summary>
    public string? Id { get; }

    /// <summary>The event's type, when it could be read.</summary>
    public string? EventType { get; }

    /// <summary>The JSON path of the value at fault, from the batch root, e.g. <c>$[3].data.output.progress</c>.</summary>
    public string Path { get; }

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
