using System;
using System.Text;
using Xunit;

namespace MediaEvents.Tests.CloudEvents;

public class DataBase64Tests
{
    private const string Data = """{"label":"VideoAnalyzerPreset_0","progress":86}""";

    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    // A CloudEvent whose data member (or members) is dataMembers, e.g. "data":{...} or "data_base64":"...".
    private static string CloudEvent(string dataMembers, string? contentType = "application/json", string type = MediaEventTypes.JobOutputProgress, string id = "e1")
    {
        string declared = contentType is null ? string.Empty : $"\"datacontenttype\":\"{contentType}\",";
        return $$"""{"specversion":"1.0","id":"{{id}}","source":"/contoso","type":"{{type}}",{{declared}}{{dataMembers}}}""";
    }

    [Theory]
    [InlineData(MediaEventTypes.JobOutputProgress)]
    [InlineData("Contoso.Orders.Shipped")]
    public void JsonContentType_DataBase64ReadsAsTheDataMemberDoes(string type)
    {
        MediaEventBatch encoded = s_reader.Read(CloudEvent($"\"data_base64\":\"{Base64(Data)}\"", type: type));
        MediaEventBatch plain = s_reader.Read(CloudEvent($"\"data\":{Data}", type: type));

        Assert.True(Assert.Single(encoded).Succeeded);
        Assert.Equal(TestInput.Describe(plain), TestInput.Describe(encoded));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("text/json")]
    [InlineData("application/vnd.contoso.progress+json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData(null)]
    public void KnownType_DataBase64IsTypedData_WhenTheContentTypeIsJsonOrAbsent(string? contentType)
    {
        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(s_reader.Read(CloudEvent($"\"data_base64\":\"{Base64(" " + Data + "\n")}\"", contentType)).Events));

        Assert.Equal(86L, e.Data.Progress);
        Assert.Equal(Data, TestInput.Text(e.RawData));
        Assert.True(e.BinaryData.IsEmpty);
    }

    [Fact]
    public void DataBase64_BeforeTheTypeAndContentType_IsReadTheSame()
    {
        string json = $$"""{"data_base64":"{{Base64(Data)}}","specversion":"1.0","id":"e1","source":"/contoso","datacontenttype":"application/json","type":"{{MediaEventTypes.JobOutputProgress}}"}""";

        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(s_reader.Read(json).Events));

        Assert.Equal("VideoAnalyzerPreset_0", e.Data.Label);
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("image/png")]
    [InlineData(null)]
    public void UnknownType_DataBase64ThatIsNotDeclaredJson_IsKeptAsBytes(string? contentType)
    {
        byte[] bytes = [0, 1, 2, 255];

        MediaEvent e = Assert.Single(s_reader.Read(CloudEvent($"\"data_base64\":\"{Convert.ToBase64String(bytes)}\"", contentType, "Contoso.Thumbnail")).Events);

        Assert.Equal(bytes, e.BinaryData.ToArray());
        Assert.True(e.RawData.IsEmpty);
        Assert.Null(e.UnknownMembers);
        Assert.Equal(contentType, e.DataContentType);
    }

    [Fact]
    public void KnownType_DataBase64ThatIsNotJson_FailsAlone_NamingTheContentType()
    {
        string bad = CloudEvent($"\"data_base64\":\"{Base64("progress=86")}\"", "text/plain", id: "bad");
        string good = CloudEvent($"\"data\":{Data}", id: "good");

        MediaEventBatch batch = s_reader.Read("[" + bad + "," + good + "]");

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal("$[0].data_base64", failure.Path);
        Assert.Equal("a Microsoft.Media.JobOutputProgress event carries its data as JSON, and the datacontenttype 'text/plain' is not JSON", failure.Reason);
        Assert.Equal("bad", failure.Id);
        Assert.Equal("good", Assert.Single(batch.Events).Id);
    }

    [Theory]
    [InlineData("\"not base64!\"", "expected a string of base64 (RFC 4648) with its padding, found the string \"not base64!\"")]
    [InlineData("\"AAE\"", "expected a string of base64 (RFC 4648)")]
    [InlineData("42", "expected a string of base64 (RFC 4648) with its padding, found the number 42")]
    [InlineData("{}", "found an object")]
    public void BadBase64_FailsTheEventAlone_AtItsPath(string value, string expected)
    {
        string bad = CloudEvent($"\"data_base64\":{value}", "application/octet-stream", "Contoso.Thumbnail", "bad");

        MediaEventBatch batch = s_reader.Read("[" + CloudEvent($"\"data\":{Data}") + "," + bad + "]");

        MediaEventReadFailure failure = Assert.Single(batch.Failures);
        Assert.Equal("$[1].data_base64", failure.Path);
        Assert.Contains(expected, failure.Reason, StringComparison.Ordinal);
        Assert.Equal("bad", failure.Id);
        Assert.Single(batch.Events);
    }

    [Fact]
    public void DataAndDataBase64Together_FailTheEvent()
    {
        MediaEventReadFailure failure = Assert.Single(s_reader.Read(CloudEvent($"\"data\":{Data},\"data_base64\":\"{Base64(Data)}\"")).Failures);

        Assert.Equal("$.data_base64", failure.Path);
        Assert.Equal("the event has both 'data' and 'data_base64': a CloudEvent carries its data in one of them", failure.Reason);
    }

    [Fact]
    public void NullData_BesideDataBase64_IsNoData()
    {
        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(s_reader.Read(CloudEvent($"\"data\":null,\"data_base64\":\"{Base64(Data)}\"")).Events));

        Assert.Equal(86L, e.Data.Progress);
    }

    [Fact]
    public void NullDataBase64_IsNoData()
    {
        MediaEventReadFailure failure = Assert.Single(s_reader.Read(CloudEvent("\"data_base64\":null")).Failures);

        Assert.Equal("a Microsoft.Media.JobOutputProgress event carries its data as a JSON object, found no 'data' member", failure.Reason);
    }

    [Fact]
    public void AValueAtFaultInTheDecodedData_HasItsPathBelowDataBase64()
    {
        MediaEventReadFailure failure = Assert.Single(s_reader.Read("[" + CloudEvent($"\"data_base64\":\"{Base64("""{"progress":"abc"}""")}\"") + "]").Failures);

        Assert.Equal("$[0].data_base64.progress", failure.Path);
        Assert.Equal("expected an integer (int64), found the string \"abc\"", failure.Reason);
    }

    [Theory]
    [InlineData("{\"progress\":", "the decoded 'data_base64' is not valid JSON (datacontenttype 'application/json'): ")]
    [InlineData("", "a Microsoft.Media.JobOutputProgress event carries its data as a JSON object, found the decoded 'data_base64' empty")]
    public void DecodedDataThatIsNotJson_FailsTheEvent(string decoded, string expected)
    {
        MediaEventReadFailure failure = Assert.Single(s_reader.Read(CloudEvent($"\"data_base64\":\"{Base64(decoded)}\"")).Failures);

        Assert.Equal("$.data_base64", failure.Path);
        Assert.StartsWith(expected, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodedJsonOfAnUnknownType_MustBeJson()
    {
        MediaEventReadFailure failure = Assert.Single(s_reader.Read(CloudEvent($"\"data_base64\":\"{Base64("<xml/>")}\"", type: "Contoso.Orders.Shipped")).Failures);

        Assert.StartsWith("the decoded 'data_base64' is not valid JSON (datacontenttype 'application/json'): ", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMembersOfTheDecodedData_AreKept()
    {
        var e = Assert.IsType<MediaEvent<MediaJobOutputProgressEventData>>(Assert.Single(s_reader.Read(CloudEvent($"\"data_base64\":\"{Base64("""{"progress":1,"extra":[1,2]}""")}\"")).Events));

        Assert.Equal("[1,2]", TestInput.Text(Assert.Single(e.Data.UnknownMembers!).RawValue));
    }
}
