using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// The equality promise of raw JSON, on random values spelled two ways (<see cref="JsonSpellings"/>): whitespace,
/// comments and string escapes do not make two values different, equal values hash alike, and a changed token
/// makes them different. Checked on <see cref="RawJson"/>, on each type built on it, and on generated records,
/// whose equality users get through it.
/// </summary>
public sealed class RawJsonEqualityTests
{
    private const int ValuesPerSeed = 25;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 1; seed <= 20; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RawJson_TheSameTokensSpelledDifferently_AreEqual_AndHashAlike(int seed)
    {
        var spellings = new JsonSpellings(seed);
        for (int i = 0; i < ValuesPerSeed; i++)
        {
            JsonTree value = spellings.Value();
            byte[] plain = Utf8(JsonSpellings.Plain(value));
            byte[] other = Utf8(spellings.Respelled(value, comments: true));
            string pair = $"seed {seed}, value {i}: {Text(plain)} and {Text(other)}";

            // The premise, independently of RawJson: both spellings are one JSON value.
            Assert.True(JsonElement.DeepEquals(Element(plain), Element(other)), pair);

            Assert.True(RawJson.TokensEqual(plain, other), pair);
            Assert.True(RawJson.TokensEqual(other, plain), pair);
            Assert.True(RawJson.GetTokensHashCode(plain) == RawJson.GetTokensHashCode(other), pair);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RawJson_AChangedToken_MakesValuesUnequal(int seed)
    {
        var spellings = new JsonSpellings(seed);
        for (int i = 0; i < ValuesPerSeed; i++)
        {
            JsonTree value = spellings.Value();
            byte[] plain = Utf8(JsonSpellings.Plain(value));
            byte[] changed = Utf8(spellings.Respelled(spellings.Changed(value), comments: true));
            string pair = $"seed {seed}, value {i}: {Text(plain)} and {Text(changed)}";

            Assert.False(RawJson.TokensEqual(plain, changed), pair);
            Assert.False(RawJson.TokensEqual(changed, plain), pair);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RawJsonValue_EqualAcrossSpellings_HashesAlike_AndFindsItselfInASet(int seed)
    {
        var spellings = new JsonSpellings(seed);
        for (int i = 0; i < ValuesPerSeed; i++)
        {
            JsonTree value = spellings.NonNullValue();
            RawJsonValue plain = RawJsonValue.Parse(JsonSpellings.Plain(value));
            RawJsonValue other = RawJsonValue.Parse(spellings.Respelled(value));
            RawJsonValue changed = RawJsonValue.Parse(JsonSpellings.Plain(spellings.Changed(value)));
            string values = $"seed {seed}, value {i}: {plain}, {other}, {changed}";

            Assert.True(plain.Equals(other) && other.Equals(plain) && plain.Equals((object)other), values);
            Assert.True(plain.GetHashCode() == other.GetHashCode(), values);
            Assert.True(new HashSet<RawJsonValue> { plain }.Contains(other), values);
            Assert.False(plain.Equals(changed) || changed.Equals(plain), values);
            Assert.False(new HashSet<RawJsonValue> { plain }.Contains(changed), values);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void JsonMembers_EqualAcrossSpellings_HashAlike_AndDifferWhenAValueChanges(int seed)
    {
        var spellings = new JsonSpellings(seed);
        for (int i = 0; i < ValuesPerSeed; i++)
        {
            JsonTree.Obj value = spellings.Object();
            JsonMembers plain = Members(value, JsonSpellings.Plain);
            JsonMembers other = Members(value, json => spellings.Respelled(json, comments: true));
            string members = $"seed {seed}, value {i}: {string.Join(", ", plain)} and {string.Join(", ", other)}";

            Assert.True(plain.Equals(other) && other.Equals(plain) && plain.Equals((object)other), members);
            Assert.True(plain.GetHashCode() == other.GetHashCode(), members);
            Assert.All(plain.Zip(other), pair => Assert.True(pair.First.GetHashCode() == pair.Second.GetHashCode(), members));

            var changedMember = new JsonTree.Obj([.. value.Members[..^1], (value.Members[^1].Name, spellings.Changed(value.Members[^1].Value))]);
            JsonMembers changed = Members(changedMember, JsonSpellings.Plain);
            Assert.False(plain.Equals(changed) || changed.Equals(plain), members);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GeneratedRecords_ReadFromTwoSpellings_AreEqual_AndHashAlike(int seed)
    {
        MediaEventReader reader = MediaEventDispatcher.CreateReader();
        var spellings = new JsonSpellings(seed);
        for (int i = 0; i < ValuesPerSeed; i++)
        {
            // A JobFinished payload: spec members, a known and an unknown kind of output, and members the spec lacks.
            JsonTree.Obj data = Concat(
                Obj(("previousState", Str("Processing")), ("state", Str("Finished")), ("correlationData", Obj(("k", Str("v/é"))))),
                Obj(("outputs", new JsonTree.Arr(
                [
                    Concat(Obj(("@odata.type", Str("#Microsoft.Media.JobOutputAsset")), ("assetName", Str("out-1")), ("progress", new JsonTree.Num("100")), ("state", Str("Finished"))), spellings.Object()),
                    Concat(Obj(("@odata.type", Str("#Contoso.FutureOutput")), ("progress", new JsonTree.Num("5")), ("state", Str("Queued"))), spellings.Object()),
                ]))),
                spellings.Object());
            MediaJobFinishedEventData plain = ReadJobFinished(reader, JsonSpellings.Plain(data));
            MediaJobFinishedEventData other = ReadJobFinished(reader, spellings.Respelled(data));
            MediaJobFinishedEventData changed = ReadJobFinished(reader, JsonSpellings.Plain(new JsonTree.Obj([.. data.Members[..^1], (data.Members[^1].Name, spellings.Changed(data.Members[^1].Value))])));
            string records = $"seed {seed}, value {i}: {JsonSpellings.Plain(data)}";

            Assert.IsType<UnknownMediaJobOutput>(plain.Outputs![1]);
            Assert.NotNull(plain.UnknownMembers);
            Assert.True(plain.Equals(other) && other.Equals(plain), records);
            Assert.True(plain.GetHashCode() == other.GetHashCode(), records);
            Assert.True(plain.Outputs[1].GetHashCode() == other.Outputs![1].GetHashCode(), records);
            Assert.False(plain.Equals(changed), records);
        }
    }

    private static MediaJobFinishedEventData ReadJobFinished(MediaEventReader reader, string data)
    {
        MediaEventBatch batch = reader.Read(TestInput.Event("f", MediaEventTypes.JobFinished, data));
        Assert.False(batch.HasFailures, string.Join("\n", batch.Failures) + "\n" + data);
        return Assert.IsType<MediaEvent<MediaJobFinishedEventData>>(Assert.Single(batch.Events)).Data;
    }

    private static JsonMembers Members(JsonTree.Obj value, Func<JsonTree, string> spell) =>
        new(value.Members.Select(member => new JsonMember(member.Name, Utf8(spell(member.Value)))));

    private static JsonTree.Obj Obj(params (string Name, JsonTree Value)[] members) => new(members);

    private static JsonTree.Obj Concat(params JsonTree.Obj[] objects) => new(objects.SelectMany(static o => o.Members).ToArray());

    private static JsonTree.Str Str(string value) => new(value);

    private static JsonElement Element(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        return JsonElement.ParseValue(ref reader);
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
