using System;
using System.Collections.Generic;
using System.Text;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>
/// The runtime's JSON value types compare by content, and equal values hash alike, so that generated records
/// holding them work as dictionary keys and in sets.
/// </summary>
public sealed class ValueEqualityTests
{
    private static void AssertEqualWithTheSameHash<T>(T left, T right)
        where T : IEquatable<T>
    {
        Assert.True(left.Equals(right));
        Assert.True(right.Equals(left));
        Assert.True(left.Equals((object)right));
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.Contains(right, new HashSet<T> { left });
    }

    private static void AssertNotEqual<T>(T left, T right)
        where T : IEquatable<T>
    {
        Assert.False(left.Equals(right));
        Assert.False(right.Equals(left));
        Assert.DoesNotContain(right, new HashSet<T> { left });
    }

    private static JsonMember Member(string name, string json) => new(name, Encoding.UTF8.GetBytes(json));

    private static RawJsonValue Raw(string json) => RawJsonValue.Parse(json);

    [Theory]
    [InlineData("""{"a":"\u0041"}""", """{ "a" : "A" }""")]
    [InlineData("[1,2]", "[ 1 ,\n 2 ]")]
    [InlineData("\"\\u00e9\"", "\"é\"")]
    [InlineData("{\"a\":1 /* c */}", "{\"a\":1}")]
    public void JsonMember_EqualAcrossSpellings_HashesAlike(string left, string right)
    {
        AssertEqualWithTheSameHash(Member("m", left), Member("m", right));
    }

    [Fact]
    public void JsonMember_DiffersByNameOrValue()
    {
        AssertNotEqual(Member("m", "1"), Member("M", "1"));
        AssertNotEqual(Member("m", "1"), Member("m", "1.0"));
        AssertNotEqual(Member("m", "[1,2]"), Member("m", "[2,1]"));
        Assert.False(Member("m", "1").Equals(null));
    }

    [Fact]
    public void JsonMembers_EqualWhenEveryMemberIsEqualInOrder_HashAlike()
    {
        var left = new JsonMembers([Member("a", """{"x":"\u0041"}"""), Member("b", "[1, 2]")]);
        var right = new JsonMembers([Member("a", """{ "x": "A" }"""), Member("b", "[1,2]")]);

        AssertEqualWithTheSameHash(left, right);
        AssertNotEqual(left, new JsonMembers([Member("b", "[1,2]"), Member("a", """{"x":"A"}""")]));
        AssertNotEqual(left, new JsonMembers([Member("a", """{"x":"A"}""")]));
        AssertEqualWithTheSameHash(new JsonMembers([]), new JsonMembers([]));
    }

    [Fact]
    public void ValueList_EqualWhenTheItemsAreEqualInOrder_HashAlike()
    {
        AssertEqualWithTheSameHash(new ValueList<string?>(["a", null, "c"]), new ValueList<string?>(["a", null, "c"]));
        AssertEqualWithTheSameHash(new ValueList<long>([]), new ValueList<long>([]));
        AssertNotEqual(new ValueList<string?>(["a", "c"]), new ValueList<string?>(["c", "a"]));
        AssertNotEqual(new ValueList<long>([1, 2]), new ValueList<long>([1, 2, 3]));
    }

    [Fact]
    public void ValueList_OfRawValues_EqualAcrossSpellings_HashAlike()
    {
        var left = new ValueList<RawJsonValue>([Raw("""{"a":"\u0041"}"""), Raw("[1, 2]")]);
        var right = new ValueList<RawJsonValue>([Raw("""{ "a" : "A" }"""), Raw("[1,2]")]);

        AssertEqualWithTheSameHash(left, right);
        AssertNotEqual(left, new ValueList<RawJsonValue>([Raw("""{"a":"B"}"""), Raw("[1,2]")]));
    }

    [Fact]
    public void ValueMap_EqualWhateverTheOrder_HashAlike()
    {
        var left = new ValueMap<string>([new("a", "1"), new("b", "2"), new("c", "3")]);
        var right = new ValueMap<string>([new("c", "3"), new("a", "1"), new("b", "2")]);

        AssertEqualWithTheSameHash(left, right);
        AssertNotEqual(left, new ValueMap<string>([new("a", "1"), new("b", "2"), new("c", "4")]));
        AssertNotEqual(left, new ValueMap<string>([new("a", "1"), new("b", "2")]));
        AssertNotEqual(left, new ValueMap<string>([new("a", "1"), new("b", "2"), new("C", "3")]));
    }

    [Fact]
    public void ValueMap_LargerThanItsIndexThreshold_EqualWhateverTheOrder_HashAlike()
    {
        var entries = new List<KeyValuePair<string, long>>();
        for (int i = 0; i < 20; i++)
        {
            entries.Add(new("k" + i, i));
        }

        var left = new ValueMap<long>(entries);
        entries.Reverse();

        AssertEqualWithTheSameHash(left, new ValueMap<long>(entries));
    }

    [Fact]
    public void ValueMap_WithARepeatedKey_EqualsTheMapOfItsLastValue()
    {
        var repeated = new ValueMap<string>([new("a", "old"), new("b", "2"), new("a", "new")]);

        AssertEqualWithTheSameHash(repeated, new ValueMap<string>([new("a", "new"), new("b", "2")]));
    }

    [Fact]
    public void ValueMap_OfRawValues_AndNested_EqualAcrossSpellings_HashAlike()
    {
        var left = new ValueList<ValueMap<RawJsonValue>>(
            [new ValueMap<RawJsonValue>([new("x", Raw("""{"a":"\u0041"}""")), new("y", Raw("true"))])]);
        var right = new ValueList<ValueMap<RawJsonValue>>(
            [new ValueMap<RawJsonValue>([new("y", Raw(" true ")), new("x", Raw("""{ "a" : "A" }"""))])]);

        AssertEqualWithTheSameHash(left, right);
        AssertNotEqual(left, new ValueList<ValueMap<RawJsonValue>>(
            [new ValueMap<RawJsonValue>([new("x", Raw("""{"a":"A"}""")), new("y", Raw("false"))])]));
    }
}
