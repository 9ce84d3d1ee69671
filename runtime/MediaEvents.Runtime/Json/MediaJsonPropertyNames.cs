using System;
using System.Text;
using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>
/// The property names of one generated type, matched against a JSON property name without allocating: first
/// exactly, then ignoring ASCII case (the service and its documentation disagree on case, e.g.
/// <c>nonincreasingCount</c> and <c>nonIncreasingCount</c>).
/// </summary>
public sealed class MediaJsonPropertyNames
{
    private const int StackBufferSize = 256;
    private readonly byte[][] _names;

    /// <summary>Creates the set; a name's index is its position in <paramref name="names"/>.</summary>
    public MediaJsonPropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = Array.ConvertAll(names, static name => Encoding.UTF8.GetBytes(name));
    }

    /// <summary>The index of the property name the reader is on, or -1 when the name is not one of these.</summary>
    public int Match(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return Match(reader.ValueSpan);
        }

        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        Span<byte> buffer = length <= StackBufferSize ? stackalloc byte[StackBufferSize] : new byte[length];
        int written = reader.CopyString(buffer);
        return Match(buffer[..written]);
    }

    /// <summary>The index of <paramref name="utf8Name"/>, or -1 when it is not one of these names.</summary>
    public int Match(ReadOnlySpan<byte> utf8Name)
    {
        byte[][] names = _names;
        for (int i = 0; i < names.Length; i++)
        {
            if (utf8Name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(utf8Name, names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
