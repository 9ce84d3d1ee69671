using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MediaEvents.Tests;

/// <summary>
/// Random JSON values, each written two ways: plainly, and as the same tokens spelled differently (whitespace
/// between tokens, characters escaped as <c>\uXXXX</c> in either case, <c>\/</c>, surrogate pairs escaped,
/// optionally comments). Seeded, so that a failure names a seed that reproduces it.
/// </summary>
internal sealed class JsonSpellings
{
    // Characters that test the escapes: ASCII, JSON's own specials, a control character, non-ASCII, an astral one.
    private static readonly string[] s_pieces = ["a", "Z", "0", " ", "/", "\\", "\"", "\n", "\u0001", "é", "€", "😀", "data", "@odata.type"];
    private static readonly string[] s_numbers = ["0", "-1", "42", "3.25", "-0.5", "1e3", "2.5E-7", "9223372036854775808"];
    private static readonly string[] s_whitespace = ["", " ", "\n", "\t", "\r\n  "];

    private readonly Random _random;

    public JsonSpellings(int seed) => _random = new Random(seed);

    /// <summary>A random JSON value nesting at most <paramref name="depth"/> objects and arrays.</summary>
    public JsonTree Value(int depth = 4)
    {
        int kind = _random.Next(depth > 0 ? 7 : 5);
        return kind switch
        {
            0 => new JsonTree.Str(Text()),
            1 => new JsonTree.Num(s_numbers[_random.Next(s_numbers.Length)]),
            2 => new JsonTree.Literal(_random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" }),
            3 or 4 when depth == 0 => new JsonTree.Str(Text()),
            3 or 5 => new JsonTree.Obj(Enumerable.Range(0, _random.Next(4)).Select(i => (Text() + i.ToString(CultureInfo.InvariantCulture), Value(depth - 1))).ToArray()),
            _ => new JsonTree.Arr(Enumerable.Range(0, _random.Next(4)).Select(_ => Value(depth - 1)).ToArray()),
        };
    }

    /// <summary>A random value that is not JSON null (which a <c>RawJsonValue</c> does not hold).</summary>
    public JsonTree NonNullValue()
    {
        JsonTree value;
        do
        {
            value = Value();
        }
        while (value is JsonTree.Literal { Text: "null" });

        return value;
    }

    /// <summary>A random object (what an unknown member's value or an event's data most often is).</summary>
    public JsonTree.Obj Object(int depth = 3) =>
        new(Enumerable.Range(0, 1 + _random.Next(4)).Select(i => (Text() + i.ToString(CultureInfo.InvariantCulture), Value(depth - 1))).ToArray());

    /// <summary>The value written with no whitespace and only the escapes JSON requires.</summary>
    public static string Plain(JsonTree value)
    {
        var text = new StringBuilder();
        Write(value, text, null, comments: false);
        return text.ToString();
    }

    /// <summary>The same tokens spelled differently, with comments between tokens when <paramref name="comments"/>.</summary>
    public string Respelled(JsonTree value, bool comments = false)
    {
        var text = new StringBuilder();
        Write(value, text, _random, comments);
        return text.ToString();
    }

    /// <summary>The value with one token changed: a string or number gains a character, or an object loses its last member.</summary>
    public JsonTree Changed(JsonTree value) => value switch
    {
        JsonTree.Str s => new JsonTree.Str(s.Value + "x"),
        JsonTree.Num n => new JsonTree.Num(n.Text == "0" ? "1" : n.Text + "0"),
        JsonTree.Literal l => new JsonTree.Literal(l.Text == "true" ? "false" : "true"),
        JsonTree.Obj { Members.Length: 0 } => new JsonTree.Arr([]),
        JsonTree.Obj o when _random.Next(2) == 0 => new JsonTree.Obj(o.Members[..^1]),
        JsonTree.Obj o => new JsonTree.Obj([.. o.Members[..^1], (o.Members[^1].Name, Changed(o.Members[^1].Value))]),
        JsonTree.Arr { Items.Length: 0 } => new JsonTree.Arr([new JsonTree.Literal("null")]),
        JsonTree.Arr a => new JsonTree.Arr([Changed(a.Items[0]), .. a.Items[1..]]),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private string Text() => string.Concat(Enumerable.Range(0, _random.Next(4)).Select(_ => s_pieces[_random.Next(s_pieces.Length)]));

    private static void Write(JsonTree value, StringBuilder text, Random? random, bool comments)
    {
        switch (value)
        {
            case JsonTree.Str s:
                WriteString(s.Value, text, random);
                break;
            case JsonTree.Num n:
                text.Append(n.Text);
                break;
            case JsonTree.Literal l:
                text.Append(l.Text);
                break;
            case JsonTree.Obj o:
                text.Append('{');
                for (int i = 0; i < o.Members.Length; i++)
                {
                    Gap(text, random, comments, i > 0 ? "," : string.Empty);
                    WriteString(o.Members[i].Name, text, random);
                    Gap(text, random, comments, ":");
                    Write(o.Members[i].Value, text, random, comments);
                }

                Gap(text, random, comments, "}");
                break;
            case JsonTree.Arr a:
                text.Append('[');
                for (int i = 0; i < a.Items.Length; i++)
                {
                    Gap(text, random, comments, i > 0 ? "," : string.Empty);
                    Write(a.Items[i], text, random, comments);
                }

                Gap(text, random, comments, "]");
                break;
        }
    }

    // A structural character with what may surround it: whitespace, and a comment where the reader skips them
    // (System.Text.Json takes none between a property name and its colon).
    private static void Gap(StringBuilder text, Random? random, bool comments, string structural)
    {
        if (random is not null)
        {
            text.Append(s_whitespace[random.Next(s_whitespace.Length)]);
            if (comments && structural != ":" && random.Next(4) == 0)
            {
                text.Append("/* c */");
            }
        }

        text.Append(structural);
        if (random is not null)
        {
            text.Append(s_whitespace[random.Next(s_whitespace.Length)]);
        }
    }

    private static void WriteString(string value, StringBuilder text, Random? random)
    {
        text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            // A surrogate pair is escaped whole (two escapes) or not at all: half of one has no UTF-8 form.
            string c = char.IsHighSurrogate(value[i]) ? value.Substring(i++, 2) : value[i].ToString();
            bool required = c is "\"" or "\\" || c[0] < ' ';
            if (random is null || (!required && random.Next(3) != 0))
            {
                text.Append(c switch
                {
                    "\"" => "\\\"",
                    "\\" => "\\\\",
                    "\n" => "\\n",
                    _ when c[0] < ' ' => "\\u" + ((int)c[0]).ToString("x4", CultureInfo.InvariantCulture),
                    _ => c,
                });
                continue;
            }

            // An escape the plain spelling does not use.
            string format = random.Next(2) == 0 ? "x4" : "X4";
            text.Append(c == "/" && random.Next(2) == 0
                ? "\\/"
                : string.Concat(c.Select(unit => "\\u" + ((int)unit).ToString(format, CultureInfo.InvariantCulture))));
        }

        text.Append('"');
    }
}

/// <summary>A JSON value as a tree, so that it can be spelled in more than one way.</summary>
internal abstract record JsonTree
{
    public sealed record Str(string Value) : JsonTree;

    public sealed record Num(string Text) : JsonTree;

    public sealed record Literal(string Text) : JsonTree;

    public sealed record Obj((string Name, JsonTree Value)[] Members) : JsonTree;

    public sealed record Arr(JsonTree[] Items) : JsonTree;
}
