using System;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// The failure of the event being read from a delivery, recorded where reading it would throw: a delivery of bad
/// values then costs about what reading it costs, rather than an exception per event. One per thread, armed by
/// <see cref="MediaEventReader"/> for the time it reads one event; outside that (a value read on its own, or through
/// System.Text.Json, or a handler's code between two events) a failure throws a <see cref="MediaJsonException"/> as
/// it always did. Arming and disarming write a field of the thread's instance, which the reader holds: reading an
/// event touches no thread-local storage for it; a value reader looks its thread's instance up only when it fails.
/// </summary>
/// <remarks>
/// The first failure of an event is the one kept, with the position of the token at fault; the value is read as
/// absent and reading goes on to the event's end, so the next event starts where it should. The path of the value
/// is found from the position only when asked for (<see cref="JsonPathLocator"/>).
/// </remarks>
internal sealed class DeferredFailure
{
    // The position of a failure whose token is not known yet: a required member found missing when the object is
    // made, located at the object's end by the object reader.
    private const long Unlocated = -1;

    [ThreadStatic]
    private static DeferredFailure? t_current;

    private long _offset;
    private bool _armed;

    private DeferredFailure()
    {
    }

    /// <summary>The calling thread's instance, armed or not.</summary>
    public static DeferredFailure Current => t_current ??= new DeferredFailure();

    /// <summary>The calling thread's failure while it reads an event of a delivery; <see langword="null"/> otherwise.</summary>
    public static DeferredFailure? Armed => t_current is { _armed: true } armed ? armed : null;

    /// <summary>What was wrong; <see langword="null"/> while nothing was.</summary>
    public string? Reason { get; private set; }

    /// <summary>The position of the token at fault, in the buffer of the event's reader.</summary>
    public long Position { get; private set; }

    /// <summary>Whether the event failed.</summary>
    public bool IsSet => Reason is not null;

    /// <summary>Whether the failure waits for the end of the object it belongs to, to know its position.</summary>
    public bool NeedsPosition => Reason is not null && Position == Unlocated;

    /// <summary>Arms the failure, cleared, for the event about to be read (on the thread whose <see cref="Current"/> it is).</summary>
    public void Arm()
    {
        Reason = null;
        _offset = 0;
        _armed = true;
    }

    /// <summary>Disarms the failure: failures throw again.</summary>
    public void Disarm() => _armed = false;

    /// <summary>
    /// Disarms the failure for a read over bytes that are not the event's (decoded <c>data_base64</c>), whose
    /// positions would mean nothing; returns what to pass to <see cref="Resume"/> afterwards.
    /// </summary>
    public static DeferredFailure? Suspend()
    {
        DeferredFailure? armed = Armed;
        armed?.Disarm();
        return armed;
    }

    /// <summary>Arms again the failure that <see cref="Suspend"/> returned, keeping what it recorded.</summary>
    public static void Resume(DeferredFailure? armed)
    {
        if (armed is not null)
        {
            armed._armed = true;
        }
    }

    /// <summary>
    /// Positions recorded from now on are those of a reader over a slice of the event's buffer that starts at
    /// <paramref name="offset"/> (the data, read after the envelope when it came before the event type).
    /// </summary>
    public void SetSliceOffset(long offset) => _offset = offset;

    /// <summary>Records the failure of the token at the reader, unless the event already failed.</summary>
    public void Record(string reason, ref Utf8JsonReader reader)
    {
        if (Reason is null)
        {
            Reason = reason;
            Position = _offset + reader.TokenStartIndex;
        }
    }

    /// <summary>Records the failure of the object being made, located when the object reader reaches its end.</summary>
    public void RecordAtObject(string reason)
    {
        if (Reason is null)
        {
            Reason = reason;
            Position = Unlocated;
        }
    }

    /// <summary>Gives a failure of the object being made the position of the object's end, where the reader is.</summary>
    public void LocateAt(ref Utf8JsonReader reader) => Position = _offset + reader.TokenStartIndex;
}
