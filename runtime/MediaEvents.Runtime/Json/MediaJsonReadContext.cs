using System;

namespace MediaEvents.Json;

/// <summary>
/// What a generated reader needs beyond the reader itself: the deepest container an event may open, and, when
/// the reader runs over a buffer we hold, that buffer, so members the spec does not define are kept as slices of
/// it instead of copies. Deep values are only met in such members; <see cref="MediaJson.ReadUnknownMember"/>
/// enforces the limit there, so that one over-deep event fails alone.
/// </summary>
public readonly struct MediaJsonReadContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="maxReaderDepth">The deepest <see cref="System.Text.Json.Utf8JsonReader.CurrentDepth"/> at which an object or array may start.</param>
    /// <param name="buffer">The bytes the reader runs over, or empty when unknown.</param>
    public MediaJsonReadContext(int maxReaderDepth, ReadOnlyMemory<byte> buffer = default)
    {
        MaxReaderDepth = maxReaderDepth;
        Buffer = buffer;
        Strings = null;
        AllowDuplicateMembers = false;
    }

    internal MediaJsonReadContext(int maxReaderDepth, ReadOnlyMemory<byte> buffer, Utf8StringTable? strings, bool allowDuplicateMembers)
    {
        MaxReaderDepth = maxReaderDepth;
        Buffer = buffer;
        Strings = strings;
        AllowDuplicateMembers = allowDuplicateMembers;
    }

    /// <summary>
    /// A context without a depth limit of its own (the reader's own limit still applies), no buffer, and no
    /// duplicate members accepted.
    /// </summary>
    public static MediaJsonReadContext Unlimited => new(int.MaxValue);

    /// <summary>The deepest <see cref="System.Text.Json.Utf8JsonReader.CurrentDepth"/> at which an object or array may start.</summary>
    public int MaxReaderDepth { get; }

    /// <summary>The bytes the reader runs over (its <c>TokenStartIndex</c> indexes them), or empty.</summary>
    public ReadOnlyMemory<byte> Buffer { get; }

    /// <summary>
    /// Whether a member that appears more than once in one object is accepted, the last value winning (as
    /// <see cref="MediaEventReaderOptions.AllowDuplicateMembers"/> sets it for a reader). By default a repeated
    /// member fails, naming its path.
    /// </summary>
    public bool AllowDuplicateMembers { get; init; }

    /// <summary>The reading thread's table of repeated short strings, when the reader runs over a delivery.</summary>
    internal Utf8StringTable? Strings { get; }
}
