using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Tests.CloudEvents;

public class BinaryModeTests
{
    private const string Id = "00000000-0000-0000-0000-000000000002";
    private const string Source = "/subscriptions/s-2/resourceGroups/rg/providers/Microsoft.Media/mediaservices/acct";
    private const string Data = """{"label":"VideoAnalyzerPreset_0","progress":86}""";

    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    // The binary form of Structured: the same attributes as headers, the same data as the body.
    private static List<KeyValuePair<string, string>> Headers(string type = MediaEventTypes.JobOutputProgress) =>
    [
        new("ce-specversion", "1.0"),
        new("ce-type", type),
        new("ce-source", Source),
        new("ce-subject", "transforms/VideoAnalyzerTransform/jobs/job-2"),
        new("ce-id", Id),
        new("ce-time", "2018-12-10T18:20:12.1514867Z"),
        new("ce-dataschema", "https://example.com/schemas/progress.json"),
        new("ce-comexampleextension1", "value"),
        new("Host", "webhook.example.com"),
        new("Content-Length", "48"),
    ];

    private static string Structured(string type = MediaEventTypes.JobOutputProgress) => $$"""
        {"specversion":"1.0","type":"{{type}}","source":"{{Source}}","subject":"transforms/VideoAnalyzerTransform/jobs/job-2","id":"{{Id}}",
         "time":"2018-12-10T18:20:12.1514867Z","dataschema":"https://example.com/schemas/progress.json","comexampleextension1":"value",
         "datacontenttype":"application/json","data":{{Data}}}
        """;

    private static MediaEventBatch ReadBinary(IEnumerable<KeyValuePair<string, string>> headers, string? contentType = "application/json", string body = Data) =>
        s_reader.ReadBinaryCloudEvent(headers, contentType, Encoding.UTF8.GetBytes(body));

    private static List<KeyValuePair<string, string>> With(string name, string value) =>
        Headers().Where(header => !header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Append(new(name, value)).ToList();

    private static List<KeyValuePair<string, string>> Without(string name) =>
        Headers().Where(header => !header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();

    [Theory]
    [InlineData(MediaEventTypes.JobOutputProgress)]
    [InlineData("Contoso.Orders.Shipped")]
    public void BinaryAndStructuredForms_ReadTheSameEvent(string type)
    {
        MediaEventBatch binary = ReadBinary(Headers(type));
        MediaEventBatch structured = s_reader.Read(Structured(type));

        Assert.True(Assert.Single(binary).Succeeded);
        Assert.Equal(TestInput.Describe(structured), TestInput.Describe(binary));
    }

    [Fact]
    public void KnownType_EveryAttributeLandsInItsProperty()
    {
        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(ReadBinary(Headers()).Events));

        Assert.Equal(Id, e.Id);
        Assert.Same(MediaEventTypes.JobOutputProgressType, e.Type);
        Assert.Same(MediaEventTypes.JobOutputProgressType.Name, e.EventType);
        Assert.Equal(MediaEventSchema.CloudEvents, e.Schema);
        Assert.Equal("1.0", e.SpecVersion);
        Assert.Equal(Source, e.Source);
        Assert.Equal(new DateTimeOffset(2018, 12, 10, 18, 20, 12, TimeSpan.Zero).AddTicks(1514867), e.Time);
        Assert.Equal("application/json", e.DataContentType);
        Assert.Equal("https://example.com/schemas/progress.json", e.DataSchema);
        Json.JsonMember extension = Assert.Single(e.UnknownMembers!);
        Assert.Equal("comexampleextension1", extension.Name);
        Assert.Equal("\"value\"", TestInput.Text(extension.RawValue));
        Assert.Equal(Data, TestInput.Text(e.RawData));
        Assert.True(e.BinaryData.IsEmpty);
        Assert.Equal(86L, e.Data.Progress);
    }

    [Fact]
    public void HeaderNames_AreReadInAnyCase_AndOtherHeadersAreIgnored()
    {
        var headers = Headers().Select(h => new KeyValuePair<string, string>(h.Key.StartsWith("ce-", StringComparison.Ordinal) ? "CE-" + h.Key[3..].ToUpperInvariant() : h.Key, h.Value));

        MediaEventBatch batch = ReadBinary(headers);

        Assert.Equal(TestInput.Describe(ReadBinary(Headers())), TestInput.Describe(batch));
    }

    [Theory]
    [InlineData("Euro%20%E2%82%AC%20%F0%9F%98%80", "Euro € 😀")]
    [InlineData("euro%20%e2%82%ac", "euro €")]
    [InlineData("%41%42C", "ABC")]
    [InlineData("  plain/subject\t", "plain/subject")]
    [InlineData("\"quoted \\\"text\\\" and %25\"", "quoted \"text\" and %")]
    [InlineData("\"\"", "")]
    public void HeaderValues_ArePercentDecoded_AndQuotedStringsUnquoted(string header, string expected)
    {
        MediaEvent e = Assert.Single(ReadBinary(With("ce-subject", header)).Events);

        Assert.Equal(expected, e.Subject);
    }

    [Fact]
    public void PercentEncodedExtension_IsKeptAsTheJsonStringOfItsStructuredForm()
    {
        MediaEvent e = Assert.Single(ReadBinary(With("ce-comexampleextension1", "a%20%22b%22")).Events);

        Assert.Equal("a \"b\"", Assert.Single(e.UnknownMembers!).Value.GetString());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("text/json")]
    [InlineData("application/vnd.contoso.progress+json")]
    public void JsonContentTypes_MakeTheBodyTheTypedData(string contentType)
    {
        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(ReadBinary(Headers(), contentType).Events));

        Assert.Equal(contentType, e.DataContentType);
        Assert.Equal(86L, e.Data.Progress);
    }

    [Fact]
    public void ByteOrderMarkAndWhiteSpaceAroundTheBody_AreNotData()
    {
        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(ReadBinary(Headers(), body: "\uFEFF \r\n" + Data + "\n").Events));

        Assert.Equal(Data, TestInput.Text(e.RawData));
    }

    [Theory]
    [InlineData("application/xml", "<progress>86</progress>")]
    [InlineData("application/octet-stream", "\u0001\u0002")]
    [InlineData(null, "{\"order\":17}")]
    public void UnknownType_WithDataThatIsNotDeclaredJson_KeepsTheBodyAsBytes(string? contentType, string body)
    {
        MediaEvent e = Assert.Single(ReadBinary(Headers("Contoso.Orders.Shipped"), contentType, body).Events);

        Assert.False(e.IsKnown);
        Assert.Equal(contentType, e.DataContentType);
        Assert.Equal(body, TestInput.Text(e.BinaryData));
        Assert.True(e.RawData.IsEmpty);
        Assert.Equal("null", TestInput.Written(e.WriteData));
    }

    [Fact]
    public void UnknownType_WithJsonData_KeepsItAsRawData()
    {
        MediaEvent e = Assert.Single(ReadBinary(Headers("Contoso.Orders.Shipped"), "application/json", "{\"order\":17}").Events);

        Assert.Equal(17, e.GetRawDataElement().GetProperty("order").GetInt32());
        Assert.True(e.BinaryData.IsEmpty);
    }

    [Fact]
    public void KnownType_WithoutContentType_IsReadAsJson()
    {
        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(ReadBinary(Headers(), contentType: null).Events));

        Assert.Null(e.DataContentType);
        Assert.Equal(86L, e.Data.Progress);
    }

    [Fact]
    public void EmptyBody_IsAnEventWithoutData_ForAnUnknownType()
    {
        MediaEvent e = Assert.Single(ReadBinary(Headers("Contoso.Ping"), body: string.Empty).Events);

        Assert.True(e.RawData.IsEmpty);
        Assert.True(e.BinaryData.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public void BadHeaders_FailTheEvent_NamingTheHeaderAndWhatWasWrong(string name, string? value, string expectedPath, string expectedReason)
    {
        List<KeyValuePair<string, string>> headers = value is null ? Without(name) : With(name, value);

        MediaEventReadFailure failure = Assert.Single(ReadBinary(headers).Failures);

        Assert.Equal(expectedPath, failure.Path);
        Assert.Contains(expectedReason, failure.Reason, StringComparison.Ordinal);
        Assert.Equal(0, failure.Index);
        Assert.Equal(Data, TestInput.Text(failure.RawEvent));
    }

    public static TheoryData<string, string?, string, string> BadHeaders() => new()
    {
        { "ce-specversion", null, "ce-specversion", "the request has no 'ce-specversion' header: it is not a binary-mode CloudEvent" },
        { "ce-specversion", "0.3", "ce-specversion", "the CloudEvents specification version is '0.3': only 1.0 is read" },
        { "ce-specversion", "", "ce-specversion", "the CloudEvents specification version is '': only 1.0 is read" },
        { "ce-id", null, "ce-id", "the required header 'ce-id' is missing" },
        { "ce-source", null, "ce-source", "the required header 'ce-source' is missing" },
        { "ce-type", null, "ce-type", "the required header 'ce-type' is missing" },
        { "ce-id", " ", "ce-id", "the header 'ce-id' is empty: an event's id is a non-empty string" },
        { "ce-type", "", "ce-type", "the header 'ce-type' is empty" },
        { "ce-subject", "50%", "ce-subject", "the value of 'ce-subject' has '%' at character 3, which is not a percent-encoded byte (a '%' and two hexadecimal digits)" },
        { "ce-subject", "a%G1b", "ce-subject", "has '%G1' at character 2, which is not a percent-encoded byte" },
        { "ce-subject", "a%2", "ce-subject", "has '%2' at character 2" },
        { "ce-subject", "%C0%A0", "ce-subject", "the value of 'ce-subject' percent-decodes to bytes that are not UTF-8" },
        { "ce-subject", "%FF", "ce-subject", "percent-decodes to bytes that are not UTF-8" },
        { "ce-subject", "\"open", "ce-subject", "the value of 'ce-subject' opens a quoted string that it does not close" },
        { "ce-subject", "\"closed\" trailing", "ce-subject", "has text after the closing quote of its quoted string" },
        { "ce-time", "yesterday", "ce-time", "expected an RFC 3339 date and time such as \"2018-04-05T17:31:00Z\", found the string \"yesterday\"" },
        { "ce-time", "2018-13-45T99:00:00Z", "ce-time", "expected an RFC 3339 date and time" },
        { "ce-datacontenttype", "application/json", "ce-datacontenttype", "the header 'ce-datacontenttype' must not be present: in binary mode the Content-Type is the datacontenttype" },
        { "ce-", "x", "ce-", "the header 'ce-' names no attribute" },
    };

    [Fact]
    public void AHeaderGivenTwice_FailsTheEvent()
    {
        List<KeyValuePair<string, string>> headers = Headers();
        headers.Add(new("CE-Subject", "another"));

        MediaEventReadFailure failure = Assert.Single(ReadBinary(headers).Failures);

        Assert.Equal("CE-Subject", failure.Path);
        Assert.Equal("the header 'CE-Subject' appears more than once", failure.Reason);
    }

    [Fact]
    public void AFailure_NamesTheEventByItsIdAndType_EvenWhenAnEarlierHeaderStoppedTheReading()
    {
        List<KeyValuePair<string, string>> headers = [new("ce-time", "soon"), .. Without("ce-time")];

        MediaEventReadFailure failure = Assert.Single(ReadBinary(headers).Failures);

        Assert.Equal("ce-time", failure.Path);
        Assert.Equal(Id, failure.Id);
        Assert.Equal(MediaEventTypes.JobOutputProgress, failure.EventType);
    }

    [Fact]
    public void KnownType_WithDataThatIsNotJson_FailsNamingTheContentType()
    {
        MediaEventReadFailure failure = Assert.Single(ReadBinary(Headers(), "text/plain", "progress=86").Failures);

        Assert.Equal("$", failure.Path);
        Assert.Equal("a Microsoft.Media.JobOutputProgress event carries its data as JSON, and the datacontenttype 'text/plain' is not JSON", failure.Reason);
        Assert.Equal(Id, failure.Id);
    }

    [Fact]
    public void KnownType_WithAnEmptyBody_Fails()
    {
        MediaEventReadFailure failure = Assert.Single(ReadBinary(Headers(), body: " ").Failures);

        Assert.Equal("a Microsoft.Media.JobOutputProgress event carries its data as a JSON object, found the body empty", failure.Reason);
    }

    [Theory]
    [InlineData("{\"progress\":", "the body is not valid JSON (datacontenttype 'application/json'):")]
    [InlineData("{\"progress\":1} {}", "the body is not valid JSON (datacontenttype 'application/json'):")]
    [InlineData("not json", "the body is not valid JSON (datacontenttype 'application/json'):")]
    public void JsonBodyThatIsNotJson_Fails(string body, string expected)
    {
        MediaEventReadFailure failure = Assert.Single(ReadBinary(Headers(), body: body).Failures);

        Assert.Equal("$", failure.Path);
        Assert.StartsWith(expected, failure.Reason, StringComparison.Ordinal);
        Assert.Contains("(line 1, byte ", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownType_WithJsonContentType_ButABodyThatIsNotJson_Fails()
    {
        MediaEventReadFailure failure = Assert.Single(ReadBinary(Headers("Contoso.Orders.Shipped"), body: "<order/>").Failures);

        Assert.StartsWith("the body is not valid JSON", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueAtFaultInTheData_HasItsPathFromTheBody()
    {
        MediaEventReadFailure failure = Assert.Single(ReadBinary(Headers(), body: """{"label":"x","progress":"abc"}""").Failures);

        Assert.Equal("$.progress", failure.Path);
        Assert.Equal("expected an integer (int64), found the string \"abc\"", failure.Reason);
        Assert.Equal(MediaEventTypes.JobOutputProgress, failure.EventType);
    }

    [Fact]
    public void TooDeepData_FailsLikeTheStructuredForm()
    {
        var reader = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxDepth = 3 });
        string deep = """{"label":"x","progress":1,"extra":{"a":{"b":1}}}""";

        MediaEventReadFailure binary = Assert.Single(reader.ReadBinaryCloudEvent(Headers(), "application/json", Encoding.UTF8.GetBytes(deep)).Failures);
        MediaEventReadFailure structured = Assert.Single(reader.Read(Structured().Replace(Data, deep, StringComparison.Ordinal)).Failures);

        Assert.Equal(structured.Reason, binary.Reason);
        Assert.Equal(structured.Path.Replace("$.data", "$", StringComparison.Ordinal), binary.Path);
    }

    [Fact]
    public async Task AStreamBody_ReadsAsMemoryDoes_AndIsRefusedPastTheLimit()
    {
        byte[] body = Encoding.UTF8.GetBytes(Data);

        MediaEventBatch fromStream = await s_reader.ReadBinaryCloudEventAsync(Headers(), "application/json", new ForwardOnlyStream(body, chunk: 7));
        var small = MediaEventDispatcher.CreateReader(new MediaEventReaderOptions { MaxInputBytes = 10 });
        var tooLarge = await Assert.ThrowsAsync<MediaEventFormatException>(() => small.ReadBinaryCloudEventAsync(Headers(), null, new MemoryStream(body)).AsTask());

        Assert.Equal(TestInput.Describe(ReadBinary(Headers())), TestInput.Describe(fromStream));
        Assert.Contains("MaxInputBytes", tooLarge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => s_reader.ReadBinaryCloudEvent(null!, null, ReadOnlyMemory<byte>.Empty));
    }
}
