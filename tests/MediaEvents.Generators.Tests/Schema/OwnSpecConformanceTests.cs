using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace MediaEvents.Generators.Tests.Schema;

/// <summary>
/// Our <c>schemas/MediaServices.json</c> must keep the upstream structure exactly while every piece of prose
/// (each <c>description</c> and <c>info.title</c>) is written in our own words.
/// </summary>
public sealed class OwnSpecConformanceTests
{
    private const int ExpectedDefinitionCount = 29;

    private static readonly Regex s_eventDataName = new("^Media(?<event>.+)EventData$", RegexOptions.CultureInvariant);

    // The code generator reads the event type out of this phrase and checks it against the definition name.
    private static readonly Regex s_eventTypePhrase = new(
        @"for a Microsoft\.Media\.(?<event>[A-Za-z0-9]+) event", RegexOptions.CultureInvariant);

    private static readonly Regex s_nonWord = new(@"[^\p{L}\p{Nd}]+", RegexOptions.CultureInvariant);

    [SkippableFact]
    public void Structure_matches_upstream_apart_from_prose()
    {
        JsonNode upstream = LoadUpstreamOrSkip();
        JsonNode own = Load(RepositoryPaths.OwnSpec);

        string? difference = FindFirstDifference(upstream, own, "$", isNameMap: false);

        if (difference is not null)
        {
            Assert.Fail($"{RepositoryPaths.OwnSpec} differs from upstream in structure. {difference}");
        }
    }

    [SkippableFact]
    public void Every_description_is_present_non_empty_and_our_own_wording()
    {
        JsonNode upstream = LoadUpstreamOrSkip();
        Dictionary<string, JsonNode?> upstreamProse = CollectProse(upstream);
        Dictionary<string, JsonNode?> ownProse = CollectProse(Load(RepositoryPaths.OwnSpec));
        var problems = new List<string>();

        foreach (KeyValuePair<string, JsonNode?> entry in ownProse)
        {
            string? text = AsString(entry.Value);
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{entry.Key}: must be a non-empty string, found {Show(entry.Value)}.");
            }
            else if (upstreamProse.TryGetValue(entry.Key, out JsonNode? theirs)
                && AsString(theirs) is string theirText
                && Normalize(theirText) == Normalize(text))
            {
                problems.Add($"{entry.Key}: same wording as upstream ({Show(theirs)}); write it in our own words.");
            }
        }

        foreach (string path in upstreamProse.Keys.Where(path => !ownProse.ContainsKey(path)))
        {
            problems.Add($"{path}: upstream documents this member but our spec has no text for it.");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Event_data_descriptions_name_their_event_type()
    {
        JsonObject definitions = Definitions(Load(RepositoryPaths.OwnSpec));
        var problems = new List<string>();

        foreach (KeyValuePair<string, JsonNode?> definition in definitions)
        {
            string description = AsString(definition.Value?["description"]) ?? string.Empty;
            string[] named = s_eventTypePhrase.Matches(description).Select(match => match.Groups["event"].Value).ToArray();
            Match eventData = s_eventDataName.Match(definition.Key);

            if (eventData.Success)
            {
                string expected = eventData.Groups["event"].Value;
                if (named.Length == 0 || named.Any(name => name != expected))
                {
                    problems.Add($"{definition.Key}: description must say \"for a Microsoft.Media.{expected} event\" "
                        + $"and name no other event type, found \"{description}\".");
                }
            }
            else if (named.Length > 0)
            {
                problems.Add($"{definition.Key}: is not event data, so its description must not say "
                    + $"\"for a Microsoft.Media.{named[0]} event\".");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Spec_has_the_expected_number_of_definitions()
    {
        JsonObject definitions = Definitions(Load(RepositoryPaths.OwnSpec));

        Assert.Equal(ExpectedDefinitionCount, definitions.Count);
    }

    private static JsonNode LoadUpstreamOrSkip()
    {
        string path = RepositoryPaths.UpstreamSpec;
        Skip.IfNot(
            File.Exists(path),
            $"Upstream spec not found at {path}. Check out the shared directory beside the repository "
            + $"or set {RepositoryPaths.SharedDirectoryVariable}.");
        return Load(path);
    }

    private static JsonNode Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path} holds the JSON literal null.");

    private static JsonObject Definitions(JsonNode spec) =>
        spec["definitions"] as JsonObject
        ?? throw new InvalidDataException("The spec has no \"definitions\" object.");

    /// <summary>
    /// Prose members are free text: every <c>description</c> and <c>info.title</c>. Inside a map of names
    /// (definitions, properties) a key is a name, never prose, even if it is called "description".
    /// </summary>
    private static bool IsProse(string objectPath, string key, bool isNameMap) =>
        !isNameMap && (key == "description" || (objectPath == "$.info" && key == "title"));

    /// <summary>Members whose value maps names to schemas; their member order is significant.</summary>
    private static bool HoldsNameMap(string key, bool isNameMap) =>
        !isNameMap && (key is "definitions" or "properties");

    /// <summary>Returns a sentence naming the first structural difference, or null when there is none.</summary>
    private static string? FindFirstDifference(JsonNode? expected, JsonNode? actual, string path, bool isNameMap)
    {
        JsonValueKind expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        JsonValueKind actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        if (expectedKind != actualKind)
        {
            return Mismatch(path, Show(expected), Show(actual));
        }

        switch (expected, actual)
        {
            case (JsonObject expectedObject, JsonObject actualObject):
                return FindFirstObjectDifference(expectedObject, actualObject, path, isNameMap);

            case (JsonArray expectedArray, JsonArray actualArray):
                for (int i = 0; i < Math.Min(expectedArray.Count, actualArray.Count); i++)
                {
                    string? difference = FindFirstDifference(expectedArray[i], actualArray[i], $"{path}[{i}]", isNameMap: false);
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return expectedArray.Count == actualArray.Count
                    ? null
                    : Mismatch(path, $"{expectedArray.Count} items", $"{actualArray.Count} items");

            default:
                string expectedText = Show(expected);
                string actualText = Show(actual);
                return expectedText == actualText ? null : Mismatch(path, expectedText, actualText);
        }
    }

    private static string? FindFirstObjectDifference(JsonObject expected, JsonObject actual, string path, bool isNameMap)
    {
        string[] expectedKeys = expected.Select(member => member.Key).Where(key => !IsProse(path, key, isNameMap)).ToArray();
        string[] actualKeys = actual.Select(member => member.Key).Where(key => !IsProse(path, key, isNameMap)).ToArray();

        if (isNameMap)
        {
            for (int i = 0; i < Math.Max(expectedKeys.Length, actualKeys.Length); i++)
            {
                string? expectedKey = i < expectedKeys.Length ? expectedKeys[i] : null;
                string? actualKey = i < actualKeys.Length ? actualKeys[i] : null;
                if (expectedKey != actualKey)
                {
                    return $"At {path}, member #{i + 1} (names and their order must match): "
                        + $"upstream has {ShowKey(expectedKey)}, ours has {ShowKey(actualKey)}.";
                }
            }
        }
        else
        {
            if (expectedKeys.FirstOrDefault(key => !actual.ContainsKey(key)) is string missing)
            {
                return Mismatch(Member(path, missing), Show(expected[missing]), "no such member");
            }

            if (actualKeys.FirstOrDefault(key => !expected.ContainsKey(key)) is string extra)
            {
                return Mismatch(Member(path, extra), "no such member", Show(actual[extra]));
            }
        }

        foreach (string key in expectedKeys)
        {
            string? difference = FindFirstDifference(expected[key], actual[key], Member(path, key), HoldsNameMap(key, isNameMap));
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    /// <summary>Maps the JSON path of every prose member to its value.</summary>
    private static Dictionary<string, JsonNode?> CollectProse(JsonNode spec)
    {
        var prose = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Visit(spec, "$", isNameMap: false);
        return prose;

        void Visit(JsonNode? node, string path, bool isNameMap)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (KeyValuePair<string, JsonNode?> member in obj)
                    {
                        if (IsProse(path, member.Key, isNameMap))
                        {
                            prose[Member(path, member.Key)] = member.Value;
                        }
                        else
                        {
                            Visit(member.Value, Member(path, member.Key), HoldsNameMap(member.Key, isNameMap));
                        }
                    }

                    break;

                case JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        Visit(array[i], $"{path}[{i}]", isNameMap: false);
                    }

                    break;
            }
        }
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>Case, spacing and punctuation changes alone do not make a description our own.</summary>
    private static string Normalize(string text) => s_nonWord.Replace(text, " ").Trim().ToLowerInvariant();

    private static string Member(string path, string key) =>
        key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{key}"
            : $"{path}[{JsonValue.Create(key).ToJsonString()}]";

    private static string Mismatch(string path, string upstream, string ours) =>
        $"At {path}: upstream has {upstream}, ours has {ours}.";

    private static string ShowKey(string? key) => key is null ? "no member" : $"\"{key}\"";

    private static string Show(JsonNode? node)
    {
        const int MaxLength = 160;
        string json = node?.ToJsonString() ?? "null";
        return json.Length <= MaxLength ? json : string.Concat(json.AsSpan(0, MaxLength), "...");
    }
}
