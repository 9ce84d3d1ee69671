using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MediaEvents.Benchmarks;

/// <summary>
/// A JSON walk without <c>Utf8JsonReader</c>: recursive descent over the bytes, strings scanned 16 bytes at a
/// time, validating as strictly as the reader does (RFC 8259 grammar, control characters in strings, escapes,
/// literals, numbers, a depth limit) and creating nothing. It measures what a tokenizer of our own could gain at
/// most, for the README's reasoning about the CloudEvents target: <c>--parts</c> prints it beside the floor.
/// It is not a reader: it counts tokens and stops at the first error.
/// </summary>
public ref struct HandWrittenWalk
{
    private const int MaxDepth = 1000;

    private readonly ReadOnlySpan<byte> _json;
    private int _position;
    private int _tokens;

    private HandWrittenWalk(ReadOnlySpan<byte> json)
    {
        _json = json;
        _position = 0;
        _tokens = 0;
    }

    /// <summary>Counts the tokens of a JSON text (as the floor does), or throws <see cref="FormatException"/>.</summary>
    public static int CountTokens(ReadOnlySpan<byte> json)
    {
        var walk = new HandWrittenWalk(json);
        walk.Value(0);
        walk.SkipWhitespace();
        if (walk._position != json.Length)
        {
            throw walk.Error("content after the end of the value");
        }

        return walk._tokens;
    }

    private void Value(int depth)
    {
        SkipWhitespace();
        if (_position >= _json.Length)
        {
            throw Error("the text ends before a value");
        }

        _tokens++;
        switch (_json[_position])
        {
            case (byte)'{':
                Object(depth + 1);
                break;
            case (byte)'[':
                Array(depth + 1);
                break;
            case (byte)'"':
                String();
                break;
            case (byte)'t':
                Literal("true"u8);
                break;
            case (byte)'f':
                Literal("false"u8);
                break;
            case (byte)'n':
                Literal("null"u8);
                break;
            default:
                Number();
                break;
        }
    }

    private void Object(int depth)
    {
        CheckDepth(depth);
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            _tokens++;
            return;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name");
            }

            String();
            _tokens++;
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("expected ':'");
            }

            _position++;
            Value(depth);
            SkipWhitespace();
            switch (Next())
            {
                case (byte)',':
                    continue;
                case (byte)'}':
                    _tokens++;
                    return;
                default:
                    throw Error("expected ',' or '}'");
            }
        }
    }

    private void Array(int depth)
    {
        CheckDepth(depth);
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            _tokens++;
            return;
        }

        while (true)
        {
            Value(depth);
            SkipWhitespace();
            switch (Next())
            {
                case (byte)',':
                    continue;
                case (byte)']':
                    _tokens++;
                    return;
                default:
                    throw Error("expected ',' or ']'");
            }
        }
    }

    // From the opening quote to after the closing one: 16 bytes at a time up to a quote, a backslash or a control
    // character, then byte by byte for the tail.
    private void String()
    {
        _position++;
        ref byte start = ref MemoryMarshal.GetReference(_json);
        Vector128<byte> quote = Vector128.Create((byte)'"');
        Vector128<byte> backslash = Vector128.Create((byte)'\\');
        Vector128<byte> space = Vector128.Create((byte)' ');
        while (true)
        {
            int at = _position;
            while (at + Vector128<byte>.Count <= _json.Length)
            {
                Vector128<byte> block = Vector128.LoadUnsafe(ref start, (nuint)at);
                uint stops = Vector128.ExtractMostSignificantBits(
                    Vector128.Equals(block, quote) | Vector128.Equals(block, backslash) | Vector128.LessThan(block, space));
                if (stops != 0)
                {
                    at += BitOperations.TrailingZeroCount(stops);
                    goto Stop;
                }

                at += Vector128<byte>.Count;
            }

            while (at < _json.Length && _json[at] >= ' ' && _json[at] != '"' && _json[at] != '\\')
            {
                at++;
            }

            if (at >= _json.Length)
            {
                throw Error("a string is not closed");
            }

        Stop:
            _position = at + 1;
            switch (_json[at])
            {
                case (byte)'"':
                    return;
                case (byte)'\\':
                    Escape();
                    break;
                default:
                    throw Error("a control character in a string");
            }
        }
    }

    private void Escape()
    {
        switch (Next())
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return;
            case (byte)'u':
                for (int i = 0; i < 4; i++)
                {
                    if (!char.IsAsciiHexDigit((char)Next()))
                    {
                        throw Error("an escape \\u without four hex digits");
                    }
                }

                return;
            default:
                throw Error("an unknown escape");
        }
    }

    private void Number()
    {
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            Digits();
        }
        else
        {
            throw Error("expected a value");
        }

        if (Peek() == '.')
        {
            _position++;
            RequireDigits();
        }

        if (Peek() is (byte)'e' or (byte)'E')
        {
            _position++;
            if (Peek() is (byte)'+' or (byte)'-')
            {
                _position++;
            }

            RequireDigits();
        }

        if (IsDigit(Peek()))
        {
            throw Error("a number with a leading zero");
        }
    }

    private void RequireDigits()
    {
        if (!IsDigit(Peek()))
        {
            throw Error("expected a digit");
        }

        Digits();
    }

    private void Digits()
    {
        while (IsDigit(Peek()))
        {
            _position++;
        }
    }

    private void Literal(ReadOnlySpan<byte> literal)
    {
        if (!_json[_position..].StartsWith(literal))
        {
            throw Error("expected a value");
        }

        _position += literal.Length;
    }

    private void SkipWhitespace()
    {
        while (_position < _json.Length && _json[_position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            _position++;
        }
    }

    private readonly void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("nested too deep");
        }
    }

    private static bool IsDigit(int value) => (uint)(value - '0') <= 9;

    // The byte at the position, or -1 at the end.
    private readonly int Peek() => _position < _json.Length ? _json[_position] : -1;

    private int Next() => _position < _json.Length ? _json[_position++] : throw Error("the text ends too early");

    private readonly FormatException Error(string reason) => new($"Not JSON at byte {_position}: {reason}.");
}
