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
    private readonly string[] _strings;
    private readonly byte[][] _names;
    private readonly JsonEncodedText[] _encoded;

    // The indexes of the names of each length: an exact match compares only names of the right length.
    private readonly int[][] _byLength;

    /// <summary>Creates the set; a name's index is its position in <paramref name="names"/>.</summary>
    public MediaJsonPropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _strings = (string[])names.Clone();
        _names = Array.ConvertAll(names, static name => Encoding.UTF8.GetBytes(name));
        _encoded = Array.ConvertAll(names, static name => JsonEncodedText.Encode(name));
        int longest = 0;
        foreach (byte[] name in _names)
        {
            longest = Math.Max(longest, name.Length);
        }

        var byLength = new System.Collections.Generic.List<int>[longest + 1];
        for (int i = 0; i < _names.Length; i++)
        {
            (byLength[_names[i].Length] ??= new System.Collections.Generic.List<int>()).Add(i);
        }

        _byLength = Array.ConvertAll(byLength, static indexes => indexes?.ToArray() ?? Array.Empty<int>());
    }

    /// <summary>The name at <paramref name="index"/>, as the spec spells it.</summary>
    public string NameAt(int index) => _strings[index];

    /// <summary>The name at <paramref name="index"/>, encoded for a writer.</summary>
    public JsonEncodedText Encoded(int index) => _encoded[index];

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
        if (utf8Name.Length < _byLength.Length)
        {
            foreach (int i in _byLength[utf8Name.Length])
            {
                if (utf8Name.SequenceEqual(names[i]))
                {
                    return i;
                }
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
