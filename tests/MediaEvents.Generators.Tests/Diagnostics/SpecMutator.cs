using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>One mutant of a spec: its text and what was done to get it.</summary>
/// <param name="Index">The mutant's number; with the seed, all it takes to make it again.</param>
/// <param name="Description">The mutation, for failure messages.</param>
/// <param name="Text">The mutated spec.</param>
internal sealed record Mutant(int Index, string Description, string Text);

/// <summary>
/// Deterministic mutations of a valid swagger file: mutant <c>i</c> comes from <c>new Random(seed + i)</c>, so any
/// one of them can be rebuilt on its own. Text-level mutations break the JSON; structural ones (through
/// <see cref="JsonNode"/>) keep it valid JSON but bend the swagger in ways the generator must diagnose.
/// </summary>
internal sealed class SpecMutator
{
    private static readonly string[] s_replacementValues = { "null", "42", "[]", "{}", "\"x\"" };

    // Strings that are legal JSON but awkward as C# names, literals or doc comments.
    private static readonly string[] s_awkwardStrings =
    {
        string.Empty, " ", "x", "class", "Class", "1st", "Value", "IsKnown", "UnknownMembers", "EqualityContract", "@odata.type",
        "a b", "a-b", "a.b", "_", "__", "line one\nline two", "tab\there", "quote\"inside", "back\\slash", "</summary>", "*/ /*",
        "// comment", "{0}", "MediaEventTypes", "MediaEventsJsonContext", "Microsoft.Media.X", "for a Microsoft.Media.JobProcessing event",
        "\u00e9t\u00e9", "\u4e2d\u6587", "\ud83d\ude00", new string('x', 600), "null", "true", "System", "global",
    };

    private static readonly string[] s_types = { "string", "integer", "number", "boolean", "array", "object", "null", "file", "int", string.Empty };

    private static readonly string[] s_formats = { "int32", "int64", "int128", "date-time", "date", "double", "float", "uuid", "uri", "byte", "binary", "duration", string.Empty, "Int64" };

    private static readonly Func<SpecMutator, Random, (string Description, string Text)>[] s_mutations =
    {
        static (mutator, random) => mutator.Truncate(random),
        static (mutator, random) => mutator.DeleteCharacter(random),
        static (mutator, random) => mutator.InsertCharacter(random),
        static (mutator, random) => mutator.ReplaceValue(random),
        static (mutator, random) => mutator.ReplaceValue(random),
        static (mutator, random) => mutator.StringTypeToFile(random),
        static (mutator, random) => mutator.RemoveReferencedDefinition(random),
        static (mutator, random) => mutator.ReplaceStringWithAwkward(random),
        static (mutator, random) => mutator.RenameProperty(random),
        static (mutator, random) => mutator.ChangeKeyword(random, "type", s_types),
        static (mutator, random) => mutator.ChangeKeyword(random, "format", s_formats),
        static (mutator, random) => mutator.RenameDefinition(random),
        static (mutator, random) => mutator.ChangeRequired(random),
        static (mutator, random) => mutator.ChangeDiscriminator(random),
        static (mutator, random) => mutator.ChangeEnum(random),
        static (mutator, random) => mutator.RemoveMember(random),
    };

    private readonly string _text;
    private readonly int _seed;
    private readonly List<Token> _tokens;

    public SpecMutator(string text, int seed)
    {
        _text = text;
        _seed = seed;
        _tokens = Tokenize(text);
    }

    public Mutant Create(int index)
    {
        var random = new Random(unchecked(_seed + index));
        for (int attempt = 0; attempt < 10; attempt++)
        {
            (string description, string text) = s_mutations[random.Next(s_mutations.Length)](this, random);
            if (text != _text)
            {
                return new Mutant(index, description, text);
            }
        }

        return new Mutant(index, "truncate at 1 (fallback)", _text.Substring(0, 1));
    }

    private (string, string) Truncate(Random random)
    {
        int offset = random.Next(1, _text.Length - 1);
        return ($"truncate at offset {offset} ({Where(offset)})", _text.Substring(0, offset));
    }

    private (string, string) DeleteCharacter(Random random)
    {
        int offset = NonWhitespaceOffset(random);
        return ($"delete {Show(_text[offset].ToString())} at offset {offset} ({Where(offset)})", _text.Remove(offset, 1));
    }

    private (string, string) InsertCharacter(Random random)
    {
        string inserted = "{}[],:\"x0-"[random.Next(10)].ToString();
        int offset = random.Next(_text.Length);
        return ($"insert {Show(inserted)} at offset {offset} ({Where(offset)})", _text.Insert(offset, inserted));
    }

    private (string, string) ReplaceValue(Random random)
    {
        Token[] values = _tokens.Where(static token => !token.IsPropertyName).ToArray();
        Token token = values[random.Next(values.Length)];
        string replacement = s_replacementValues[random.Next(s_replacementValues.Length)];
        string original = _text.Substring(token.Start, token.End - token.Start);
        return ($"replace the value {Show(original)} at offset {token.Start} ({Where(token.Start)}) with {replacement}", Splice(token.Start, token.End, replacement));
    }

    private (string, string) StringTypeToFile(Random random)
    {
        const string from = "\"type\": \"string\"";
        var offsets = new List<int>();
        for (int offset = _text.IndexOf(from, StringComparison.Ordinal); offset >= 0; offset = _text.IndexOf(from, offset + 1, StringComparison.Ordinal))
        {
            offsets.Add(offset);
        }

        int chosen = offsets[random.Next(offsets.Count)];
        return ($"swap \"type\": \"string\" for \"type\": \"file\" at offset {chosen} ({Where(chosen)})", Splice(chosen, chosen + from.Length, "\"type\": \"file\""));
    }

    private (string, string) ReplaceStringWithAwkward(Random random)
    {
        Token[] strings = _tokens.Where(token => !token.IsPropertyName && _text[token.Start] == '"').ToArray();
        Token token = strings[random.Next(strings.Length)];
        string replacement = s_awkwardStrings[random.Next(s_awkwardStrings.Length)];
        return ($"replace the string {Show(_text.Substring(token.Start, token.End - token.Start))} at offset {token.Start} ({Where(token.Start)}) with {Show(replacement)}", Splice(token.Start, token.End, JsonString(replacement)));
    }

    private (string, string) RenameProperty(Random random)
    {
        // A member of some "properties" object: the generator turns these into C# property names.
        JsonObject root = Root();
        JsonObject[] owners = Descendants(root).OfType<JsonObject>().Where(static item => item.Parent is JsonObject parent && item.GetPropertyName() == "properties" && parent.Parent is not null).Where(static item => item.Count > 0).ToArray();
        JsonObject owner = owners[random.Next(owners.Length)];
        string oldName = owner.Select(static item => item.Key).ElementAt(random.Next(owner.Count));
        string newName = random.Next(3) == 0
            ? owner.Select(static item => item.Key).ElementAt(random.Next(owner.Count)).ToUpperInvariant()
            : s_awkwardStrings[random.Next(s_awkwardStrings.Length)];
        if (owner.ContainsKey(newName))
        {
            return ($"rename property {Show(oldName)} to existing {Show(newName)} (no-op)", _text);
        }

        RenameKey(owner, oldName, newName);
        return ($"rename the property {Show(oldName)} of {owner.GetPath()} to {Show(newName)}", Serialize(root));
    }

    private (string, string) ChangeKeyword(Random random, string keyword, string[] choices)
    {
        JsonObject root = Root();
        JsonObject[] owners = Descendants(root).OfType<JsonObject>().Where(item => item[keyword] is JsonValue).ToArray();
        JsonObject owner = owners[random.Next(owners.Length)];
        string value = choices[random.Next(choices.Length)];
        owner[keyword] = value;
        return ($"set {owner.GetPath()}.{keyword} to {Show(value)}", Serialize(root));
    }

    private (string, string) RemoveReferencedDefinition(Random random)
    {
        JsonObject root = Root();
        string[] targets = Descendants(root).OfType<JsonObject>()
            .Select(static item => item["$ref"]?.GetValue<string>())
            .Where(static target => target is not null && target.StartsWith("#/definitions/", StringComparison.Ordinal))
            .Select(static target => target!.Substring("#/definitions/".Length))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(static target => target, StringComparer.Ordinal)
            .ToArray();
        string removed = targets[random.Next(targets.Length)];
        root["definitions"]!.AsObject().Remove(removed);
        return ($"remove the definition {removed}, which a $ref points at", Serialize(root));
    }

    private (string, string) RenameDefinition(Random random)
    {
        JsonObject root = Root();
        JsonObject definitions = root["definitions"]!.AsObject();
        string oldName = definitions.Select(static item => item.Key).ElementAt(random.Next(definitions.Count));
        string newName = random.Next(2) == 0
            ? definitions.Select(static item => item.Key).ElementAt(random.Next(definitions.Count)).Replace("Media", "Media-", StringComparison.Ordinal)
            : s_awkwardStrings[random.Next(s_awkwardStrings.Length)];
        if (definitions.ContainsKey(newName))
        {
            return ($"rename definition {oldName} to existing {Show(newName)} (no-op)", _text);
        }

        RenameKey(definitions, oldName, newName);
        bool updateReferences = random.Next(2) == 0;
        if (updateReferences)
        {
            foreach (JsonObject reference in Descendants(root).OfType<JsonObject>().Where(item => item["$ref"]?.GetValue<string>() == "#/definitions/" + oldName).ToArray())
            {
                reference["$ref"] = "#/definitions/" + newName;
            }
        }

        return ($"rename the definition {oldName} to {Show(newName)}{(updateReferences ? " and its references" : string.Empty)}", Serialize(root));
    }

    private (string, string) ChangeRequired(Random random)
    {
        JsonObject root = Root();
        JsonObject[] definitions = root["definitions"]!.AsObject().Select(static item => item.Value).OfType<JsonObject>().ToArray();
        JsonObject definition = definitions[random.Next(definitions.Length)];
        string[] names = (definition["properties"] as JsonObject)?.Select(static item => item.Key).ToArray() ?? Array.Empty<string>();
        string added = random.Next(3) == 0 || names.Length == 0 ? "ghost" : names[random.Next(names.Length)];
        JsonNode required = random.Next(4) == 0 ? JsonValue.Create(added)! : new JsonArray(JsonValue.Create(added));
        definition["required"] = required;
        return ($"set {definition.GetPath()}.required to {required.ToJsonString()}", Serialize(root));
    }

    private (string, string) ChangeDiscriminator(Random random)
    {
        JsonObject root = Root();
        JsonObject[] definitions = root["definitions"]!.AsObject().Select(static item => item.Value).OfType<JsonObject>().ToArray();
        JsonObject definition = definitions[random.Next(definitions.Length)];
        string[] names = (definition["properties"] as JsonObject)?.Select(static item => item.Key).ToArray() ?? Array.Empty<string>();
        string key = random.Next(2) == 0 ? "discriminator" : "x-ms-discriminator-value";
        string value = random.Next(2) == 0 && names.Length > 0 ? names[random.Next(names.Length)] : s_awkwardStrings[random.Next(s_awkwardStrings.Length)];
        definition[key] = value;
        return ($"set {definition.GetPath()}.{key} to {Show(value)}", Serialize(root));
    }

    private (string, string) ChangeEnum(Random random)
    {
        JsonObject root = Root();
        JsonArray[] enums = Descendants(root).OfType<JsonArray>().Where(static item => item.GetPropertyName() == "enum").ToArray();
        JsonArray values = enums[random.Next(enums.Length)];
        string change;
        switch (random.Next(4))
        {
            case 0:
                values.Clear();
                change = "empty";
                break;
            case 1:
                string awkward = s_awkwardStrings[random.Next(s_awkwardStrings.Length)];
                values.Add(awkward);
                change = $"add {Show(awkward)} to";
                break;
            case 2:
                values.Add(values[0]!.GetValue<string>().ToUpperInvariant());
                change = "add an upper-case copy of the first value to";
                break;
            default:
                values.Add(42);
                change = "add 42 to";
                break;
        }

        return ($"{change} {values.GetPath()}", Serialize(root));
    }

    private (string, string) RemoveMember(Random random)
    {
        JsonObject root = Root();
        JsonObject[] owners = Descendants(root).OfType<JsonObject>().Where(static item => item.Count > 0).ToArray();
        JsonObject owner = owners[random.Next(owners.Length)];
        string name = owner.Select(static item => item.Key).ElementAt(random.Next(owner.Count));
        owner.Remove(name);
        return ($"remove {owner.GetPath()}.{Show(name)}", Serialize(root));
    }

    private JsonObject Root() => JsonNode.Parse(_text)!.AsObject();

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(static item => item.Value),
            JsonArray array => array,
            _ => Enumerable.Empty<JsonNode?>(),
        };
        foreach (JsonNode? child in children.ToArray())
        {
            if (child is not null)
            {
                foreach (JsonNode descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }
    }

    // Renames a member in place, keeping the member order.
    private static void RenameKey(JsonObject owner, string oldName, string newName)
    {
        KeyValuePair<string, JsonNode?>[] members = owner.ToArray();
        owner.Clear();
        foreach (KeyValuePair<string, JsonNode?> member in members)
        {
            owner.Add(member.Key == oldName ? newName : member.Key, member.Value);
        }
    }

    private static string Serialize(JsonNode root) =>
        root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string JsonString(string value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Show(string value) => value.Length > 60 ? JsonString(value.Substring(0, 57)) + "..." : JsonString(value);

    private string Splice(int start, int end, string replacement) => _text.Substring(0, start) + replacement + _text.Substring(end);

    private int NonWhitespaceOffset(Random random)
    {
        for (int attempt = 0; ; attempt++)
        {
            int offset = random.Next(_text.Length);
            if (!char.IsWhiteSpace(_text[offset]) || attempt > 20)
            {
                return offset;
            }
        }
    }

    private string Where(int offset)
    {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");
    }

    /// <summary>A value or member name of the JSON text: [Start, End) covers it, objects and arrays whole.</summary>
    private readonly record struct Token(int Start, int End, bool IsPropertyName);

    // A tokenizer for the (valid) original text: strings, numbers and literals, and whole objects and arrays.
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var open = new Stack<int>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '{' or '[')
            {
                open.Push(i);
                i++;
            }
            else if (c is '}' or ']')
            {
                tokens.Add(new Token(open.Pop(), i + 1, false));
                i++;
            }
            else if (c == '"')
            {
                int start = i++;
                while (text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i++;
                int next = i;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                tokens.Add(new Token(start, i, next < text.Length && text[next] == ':'));
            }
            else if (c is '-' or (>= '0' and <= '9') or 't' or 'f' or 'n')
            {
                int start = i;
                while (i < text.Length && text[i] is not (',' or '}' or ']') && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, false));
            }
            else
            {
                i++;
            }
        }

        // The root object would make every replacement a whole-document one; leave it out.
        return tokens.Where(token => !(token.Start == 0 && token.End == text.Length) && !(token.Start == text.IndexOf('{', StringComparison.Ordinal) && text[token.Start] == '{' && token.End == text.LastIndexOf('}') + 1)).ToList();
    }
}
