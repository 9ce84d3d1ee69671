using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests;

public class DocumentErrorTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    private static readonly string s_threeEvents = TestInput.Array(
        TestInput.StateChange("a"),
        TestInput.Progress("b", """{"label":"L","progress":1}"""),
        TestInput.StateChange("c"));

    /// <summary>Reads <paramref name="json"/> every way; each must throw exactly a <see cref="MediaEventFormatException"/>.</summary>
    private static async Task<MediaEventFormatException> FailsWhole(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        MediaEventFormatException fromString = Assert.Throws<MediaEventFormatException>(() => s_reader.Read(json));
        MediaEventFormatException fromSpan = Assert.Throws<MediaEventFormatException>(() => s_reader.Read(utf8.AsSpan()));
        MediaEventFormatException fromMemory = Assert.Throws<MediaEventFormatException>(() => s_reader.Read(new ReadOnlyMemory<byte>(utf8)));
        MediaEventFormatException fromStream = await Assert.ThrowsAsync<MediaEventFormatException>(async () => await s_reader.ReadAsync(new MemoryStream(utf8)));
        MediaEventFormatException fromForwardOnly = await Assert.ThrowsAsync<MediaEventFormatException>(async () => await s_reader.ReadAsync(new ForwardOnlyStream(utf8, 7)));
        foreach (MediaEventFormatException other in new[] { fromSpan, fromMemory, fromStream, fromForwardOnly })
        {
            Assert.Equal(fromString.Message, other.Message);
        }

        return fromString;
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData(" ")]
    [InlineData(" \r\n\t  \n")]
    public async Task EmptyOrWhitespaceOnly_FailsWhole(string json)
    {
        MediaEventFormatException exception = await FailsWhole(json);

        // The reader says so in its own words: "The input does not contain any JSON tokens".
        Assert.True(
            exception.Message.Contains("empty", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("does not contain any JSON tokens", StringComparison.Ordinal),
            exception.Message);
    }

    [Fact]
    public async Task OnlyAComment_FailsWhole_AsNotJson()
    {
        MediaEventFormatException exception = await FailsWhole("/* only a comment */");

        Assert.Contains("not valid JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedInTheMiddleOfTheThirdEvent_FailsWhole()
    {
        int third = s_threeEvents.IndexOf("{\"id\":\"c\"", StringComparison.Ordinal);
        string truncated = s_threeEvents[..(third + 60)];

        MediaEventFormatException exception = await FailsWhole(truncated);

        Assert.StartsWith("The input is not valid JSON", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, exception.LineNumber);
        Assert.NotNull(exception.BytePositionInLine);
        Assert.InRange(exception.BytePositionInLine!.Value, third, truncated.Length);
        Assert.Contains("(line 1, byte ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedOnALaterLine_ReportsThatLine()
    {
        string json = "[\n" + TestInput.StateChange("a") + ",\n" + TestInput.StateChange("b") + ",\n{\"id\":\"c\",\"eventType\":";

        MediaEventFormatException exception = await FailsWhole(json);

        Assert.Equal(3, exception.LineNumber);
        Assert.Contains("(line 4, byte ", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "a number")]
    [InlineData("\"events\"", "a string")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    public async Task TopLevelValueThatIsNotAnArrayOrObject_FailsWhole(string json, string found)
    {
        MediaEventFormatException exception = await FailsWhole(json);

        Assert.StartsWith($"Expected a JSON array of events or a single event object, found {found}.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, exception.LineNumber);
        Assert.Equal(0, exception.BytePositionInLine);
    }

    [Fact]
    public async Task TopLevelNumberOnALaterLine_ReportsWhereItIs()
    {
        MediaEventFormatException exception = await FailsWhole("\n\n   42");

        Assert.Equal(2, exception.LineNumber);
        Assert.Equal(3, exception.BytePositionInLine);
    }

    [Theory]
    [InlineData("x")]
    [InlineData(" ]")]
    [InlineData(",{}")]
    [InlineData("[]")]
    [InlineData(" {\"id\":\"d\"}")]
    public async Task TrailingGarbage_FailsWhole(string garbage)
    {
        MediaEventFormatException exception = await FailsWhole(s_threeEvents + garbage);

        Assert.StartsWith("Unexpected content after the end of the events", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, exception.LineNumber);
        Assert.Equal(s_threeEvents.Length + garbage.IndexOf(garbage.TrimStart()[0], StringComparison.Ordinal), exception.BytePositionInLine);
    }

    [Theory]
    [InlineData("[{\"id\":\"a\",}]")]
    [InlineData("[{\"id\":'a'}]")]
    [InlineData("[{id:\"a\"}]")]
    [InlineData("[{\"id\":\"a\"}{\"id\":\"b\"}]")]
    [InlineData("[{\"id\":\"a\"},]")]
    [InlineData("[{\"id\":\"a\",\"data\":[1,2}]")]
    [InlineData("{\"id\":\"a\"")]
    [InlineData("[")]
    [InlineData("{")]
    public async Task MalformedJson_FailsWhole(string json)
    {
        MediaEventFormatException exception = await FailsWhole(json);

        Assert.StartsWith("The input is not valid JSON", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(exception);
    }

    [Theory]
    [InlineData("[{\"id\":\"a\",}]", "The input is not valid JSON: The JSON object contains a trailing comma at the end. (line 1, byte 12)")]
    [InlineData("[{\"id\":\"a\"},\n]", "The input is not valid JSON: The JSON array contains a trailing comma at the end. (line 2, byte 1)")]
    public async Task TrailingComma_SaysSo_WithoutAdvisingReaderOptionsUsersCannotChange(string json, string message)
    {
        MediaEventFormatException exception = await FailsWhole(json);

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public async Task InvalidUtf8InTheIdAndData_FailsThatEventAlone_HoweverItIsRead()
    {
        byte[] good = Encoding.UTF8.GetBytes(TestInput.StateChange("good"));
        byte[] bad = Encoding.UTF8.GetBytes("""{"id":"X","eventType":"Microsoft.Media.JobStateChange","data":{"state":"Y"}}""");
        bad[bad.AsSpan().IndexOf((byte)'X')] = 0xFF;
        bad[bad.AsSpan().IndexOf((byte)'Y')] = 0xC3;
        byte[] utf8 = [(byte)'[', .. good, (byte)',', .. bad, (byte)']'];

        // The input as a whole is JSON: one string that is not UTF-8 fails its own event, not the delivery.
        foreach (MediaEventBatch batch in new[]
        {
            s_reader.Read(utf8.AsSpan()),
            s_reader.Read(new ReadOnlyMemory<byte>(utf8)),
            await s_reader.ReadAsync(new MemoryStream(utf8)),
            await s_reader.ReadAsync(new ForwardOnlyStream(utf8, 7)),
        })
        {
            Assert.Equal("good", Assert.Single(batch.Events).Id);
            MediaEventReadFailure failure = Assert.Single(batch.Failures);
            Assert.Equal(1, failure.Index);
            Assert.Equal("$[1].id", failure.Path);
            Assert.Equal("the string is not valid UTF-8", failure.Reason);
            Assert.Equal(bad, failure.RawEvent.ToArray());
        }
    }

    // The string table decodes repeated short strings itself: a byte that is not UTF-8 must fail the event there too,
    // not turn into U+FFFD, whatever the member and however long the string.
    [Theory]
    [InlineData("subject", 8)]
    [InlineData("subject", 300)]
    [InlineData("topic", 8)]
    [InlineData("dataVersion", 2)]
    [InlineData("label", 8)]
    [InlineData("label", 300)]
    public void InvalidUtf8InAStringMember_FailsThatEventAlone(string member, int length)
    {
        // '~' marks the byte that becomes 0xC3: a lead byte followed by the closing quote is not UTF-8.
        string value = new string('a', length) + "~";
        string json = member switch
        {
            "subject" => TestInput.StateChange("bad").Replace("transforms/T/jobs/bad", value, StringComparison.Ordinal),
            "topic" => TestInput.StateChange("bad").Replace(TestInput.Topic, value, StringComparison.Ordinal),
            "dataVersion" => TestInput.StateChange("bad").Replace("\"dataVersion\":\"1.0\"", $"\"dataVersion\":\"{value}\"", StringComparison.Ordinal),
            _ => TestInput.Progress("bad", $$"""{"label":"{{value}}","progress":1}"""),
        };
        byte[] bad = Encoding.UTF8.GetBytes(json);
        bad[bad.AsSpan().IndexOf((byte)'~')] = 0xC3;
        byte[] utf8 = [(byte)'[', .. Encoding.UTF8.GetBytes(TestInput.StateChange("good")), (byte)',', .. bad, (byte)']'];

        MediaEventBatch batch = s_reader.Read(utf8);

        Assert.Equal("good", Assert.Single(batch.Events).Id);
        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal("bad", failure.Id);
        Assert.Equal(member == "label" ? "$[1].data.label" : "$[1]." + member, failure.Path);
        Assert.Equal("the string is not valid UTF-8", failure.Reason);
    }
}
