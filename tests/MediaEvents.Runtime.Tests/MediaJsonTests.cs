using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;
using Xunit;

namespace MediaEvents.Tests;

/// <summary>The helpers generated code stands on, used directly as a generated reader would.</summary>
public class MediaJsonTests
{
    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = int.MaxValue });
        Assert.True(reader.Read());
        return reader;
    }

    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("12.50", "12.50")]
    [InlineData("true", "true")]
    [InlineData("null", null)]
    public void ReadString_IsTolerant(string json, string? expected)
    {
        Utf8JsonReader reader = ReaderOn(json);

        Assert.Equal(expected, MediaJson.ReadString(ref reader));
    }

    [Theory]
    [InlineData("""{"action":"Microsoft.Resources/write","evidence":{"role":"Owner"}}""")]
    [InlineData("""[ 1, "two" ]""")]
    public void ReadString_reads_an_object_or_array_as_its_json_text_and_leaves_the_reader_on_its_end(string json)
    {
        Utf8JsonReader reader = ReaderOn("[" + json + ",7]");
        Assert.True(reader.Read());

        Assert.Equal(json, MediaJson.ReadString(ref reader));
        Assert.True(reader.Read());
        Assert.Equal(7, reader.GetInt32());
    }

    [Theory]
    [InlineData("86", 86L)]
    [InlineData("\"86\"", 86L)]
    [InlineData("null", null)]
    public void ReadInt64_IsTolerant(string json, long? expected)
    {
        Utf8JsonReader reader = ReaderOn(json);

        Assert.Equal(expected, MediaJson.ReadInt64(ref reader));
    }

    [Theory]
    [InlineData("\"86 \"", "found the string \"86 \"")]
    [InlineData("\"\"", "found the string \"\"")]
    [InlineData("[]", "found an array")]
    public void ReadInt64_NamesWhatItFound(string json, string found)
    {
        Utf8JsonReader reader = ReaderOn(json);
        MediaJsonException? exception = null;
        try
        {
            MediaJson.ReadInt64(ref reader);
        }
        catch (MediaJsonException thrown)
        {
            exception = thrown;
        }

        Assert.NotNull(exception);
        Assert.Equal("expected an integer (int64), " + found, exception.Reason);
    }

    [Fact]
    public void Exception_PathQuotesNamesThatAreNotPlain()
    {
        MediaJsonException exception = new MediaJsonException("bad").InProperty("progress").AtIndex(2).InProperty("@odata.type").InProperty("data");

        Assert.Equal(".data['@odata.type'][2].progress", exception.RelativePath);
        Assert.Equal("bad (at $.data['@odata.type'][2].progress)", exception.Message);
    }

    [Fact]
    public void UnknownMemberNamedLikeAPath_IsQuotedInTheFailurePath()
    {
        string deep = TestInput.Progress("d", "{\"progress\":1,\"@odata.type\":" + TestInput.Nested(70) + "}");

        MediaEventBatch batch = MediaEventDispatcher.CreateReader().Read(TestInput.Array(deep));

        Assert.Equal("$[0].data['@odata.type']", Assert.Single(batch.Failures).Path);
    }

    [Fact]
    public void ReadUnknownMember_WithABuffer_KeepsASliceAndEnforcesTheDepth()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\":[[1]],\"y\":[[[[1]]]]}");
        var reader = new Utf8JsonReader(utf8);
        var context = new MediaJsonReadContext(3, utf8);
        List<JsonMember>? members = null;
        Assert.True(reader.Read());
        Assert.True(reader.Read());

        MediaJson.ReadUnknownMember(ref reader, context, ref members);
        Assert.True(reader.Read());
        MediaJsonException exception = ReadUnknownMemberFails(ref reader, context, ref members);

        Assert.Equal("[[1]]", TestInput.Text(Assert.Single(members!).RawValue));
        Assert.Equal(".y", exception.RelativePath);
    }

    [Fact]
    public void ReadUnknownMember_WithoutABuffer_CopiesTheValueAndEnforcesTheDepth()
    {
        // Without a buffer the value is copied; the context's depth limit must hold all the same.
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"x\":[[1]],\"y\":[[[[1]]]]}");
        var reader = new Utf8JsonReader(utf8);
        var context = new MediaJsonReadContext(3);
        List<JsonMember>? members = null;
        Assert.True(reader.Read());
        Assert.True(reader.Read());

        MediaJson.ReadUnknownMember(ref reader, context, ref members);
        Assert.True(reader.Read());
        MediaJsonException exception = ReadUnknownMemberFails(ref reader, context, ref members);

        Assert.Equal("[[1]]", TestInput.Text(Assert.Single(members!).RawValue));
        Assert.Equal(".y", exception.RelativePath);
    }

    private static MediaJsonException ReadUnknownMemberFails(ref Utf8JsonReader reader, MediaJsonReadContext context, ref List<JsonMember>? members)
    {
        try
        {
            MediaJson.ReadUnknownMember(ref reader, context, ref members);
        }
        catch (MediaJsonException exception)
        {
            return exception;
        }

        throw new InvalidOperationException($"no failure; members: {string.Join(", ", members ?? new List<JsonMember>())}");
    }
}
