using System;

namespace MediaEvents.Json;

/// <summary>A generated extensible enum: a string value, known to the spec or not.</summary>
/// <typeparam name="TSelf">The enum type.</typeparam>
public interface IMediaJsonEnum<TSelf>
    where TSelf : struct, IMediaJsonEnum<TSelf>
{
    /// <summary>The value as it arrived.</summary>
    string Value { get; }

    /// <summary>The value for UTF-8 text: a known value without allocating when it matches exactly.</summary>
    static abstract TSelf FromUtf8(ReadOnlySpan<byte> utf8Value);

    /// <summary>The value for a string, known or not.</summary>
    static abstract TSelf FromString(string value);
}
