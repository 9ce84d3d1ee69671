using System;
using System.Text;
using System.Text.Json;
using MediaEvents.Webhooks;
using Xunit;

namespace MediaEvents.Tests.Webhooks;

public class EventGridSubscriptionValidationTests
{
    private const string DocPayload = """[{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/x","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/myeventsub/validate?id=0000&t=2022-01-01T00:00:00.0000000Z&apiVersion=2018-05-01-preview&token=1A1A1A1A"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2018-01-25T22:12:19.4556811Z","metadataVersion":"1","dataVersion":"1"}]""";

    private static bool TryRead(string json, out SubscriptionValidationRequest? request) =>
        EventGridSubscriptionValidation.TryRead(Encoding.UTF8.GetBytes(json), out request);

    [Fact]
    public void DocPayload_IsRecognised()
    {
        Assert.True(TryRead(DocPayload, out SubscriptionValidationRequest? request));

        Assert.NotNull(request);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", request.ValidationCode);
        Assert.Equal(
            "https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/myeventsub/validate?id=0000&t=2022-01-01T00:00:00.0000000Z&apiVersion=2018-05-01-preview&token=1A1A1A1A",
            request.ValidationUrl);
        Assert.Equal("2d1781af-3a4c-4d7c-bd0c-e34b19da4e66", request.EventId);
        Assert.Equal("/subscriptions/x", request.Topic);
    }

    [Fact]
    public void DocPayload_AsTextAndWithAByteOrderMark_IsRecognised()
    {
        Assert.True(EventGridSubscriptionValidation.TryRead(DocPayload, out SubscriptionValidationRequest? fromText));
        Assert.True(EventGridSubscriptionValidation.TryRead([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(DocPayload)], out SubscriptionValidationRequest? withBom));

        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", fromText.ValidationCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", withBom.ValidationCode);
    }

    [Fact]
    public void SingleObject_WithoutUrl_IsRecognised()
    {
        const string json = """
            {
              "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
              "data": { "validationCode": "abc" },
              "id": "1"
            }
            """;

        Assert.True(TryRead(json, out SubscriptionValidationRequest? request));

        Assert.Equal("abc", request!.ValidationCode);
        Assert.Null(request.ValidationUrl);
        Assert.Equal("1", request.EventId);
        Assert.Null(request.Topic);
    }

    [Fact]
    public void DataBeforeEventType_NamesInAnyCase_AndUnknownMembers_AreAccepted()
    {
        const string json = """[{"DATA":{"extra":[1,{"a":2}],"ValidationCode":"c\u00e9","validationUrl":null},"topic":null,"EventType":"microsoft.eventgrid.subscriptionvalidationevent","other":{"x":[]}}]""";

        Assert.True(TryRead(json, out SubscriptionValidationRequest? request));

        Assert.Equal("c\u00e9", request!.ValidationCode);
        Assert.Null(request.ValidationUrl);
        Assert.Null(request.EventId);
    }

    [Fact]
    public void FirstEventOfSeveral_IsRead()
    {
        string json = DocPayload.TrimEnd(']') + """,{"id":"2","eventType":"Microsoft.Media.JobStateChange","data":{}}]""";

        Assert.True(TryRead(json, out SubscriptionValidationRequest? request));
        Assert.Equal("2d1781af-3a4c-4d7c-bd0c-e34b19da4e66", request!.EventId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("[42]")]
    [InlineData("[null]")]
    [InlineData("not json")]
    [InlineData("""[{"eventType":"Microsoft.Media.JobStateChange","data":{"validationCode":"abc"}}]""")]
    [InlineData("""[{"type":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc"}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent"}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":null}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":"abc"}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":""}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":null}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":123}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc","validationUrl":5}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc","validationCode":"def"}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc"}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","id":7,"data":{"validationCode":"abc"}}]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc"}}""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc"}}] x""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc"}},{"id":]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc"}}][]""")]
    [InlineData("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc",}}]""")]
    public void MalformedOrOtherInput_IsNotAValidationRequest(string json)
    {
        Assert.False(TryRead(json, out SubscriptionValidationRequest? request));
        Assert.Null(request);
    }

    [Fact]
    public void NullText_IsNotAValidationRequest()
    {
        Assert.False(EventGridSubscriptionValidation.TryRead((string?)null, out SubscriptionValidationRequest? request));
        Assert.Null(request);
    }

    [Fact]
    public void DeeplyNestedOrInvalidUtf8Input_ReturnsFalseWithoutThrowing()
    {
        string deep = """[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc","x":""" + new string('[', 5000) + new string(']', 5000) + "}}]";
        byte[] badUtf8 = Encoding.UTF8.GetBytes("""[{"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"Z"}}]""");
        badUtf8[Array.IndexOf(badUtf8, (byte)'Z')] = 0xFF;

        Assert.False(TryRead(deep, out _));
        Assert.False(EventGridSubscriptionValidation.TryRead(badUtf8, out _));
    }

    [Fact]
    public void TruncatedAtEveryByte_ReturnsFalseWithoutThrowing()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(DocPayload);
        for (int length = 0; length < utf8.Length; length++)
        {
            Assert.False(EventGridSubscriptionValidation.TryRead(utf8.AsSpan(0, length), out _));
        }

        Assert.True(EventGridSubscriptionValidation.TryRead(utf8, out _));
    }

    [Fact]
    public void CreateResponse_IsTheExactJson()
    {
        Assert.Equal(
            """{"validationResponse":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}""",
            EventGridSubscriptionValidation.CreateResponse("512d38b6-c7b8-40c8-89fe-f46f9e9622b6"));
    }

    [Theory]
    [InlineData("a\"b\\c", "a\\u0022b\\\\c")]
    [InlineData("line\nbreak\t", "line\\nbreak\\t")]
    [InlineData("<script>&'", "\\u003Cscript\\u003E\\u0026\\u0027")]
    [InlineData("caf\u00e9", "caf\\u00E9")]
    [InlineData("", "")]
    public void CreateResponse_EscapesTheCode(string code, string escaped)
    {
        string response = EventGridSubscriptionValidation.CreateResponse(code);

        Assert.Equal("{\"validationResponse\":\"" + escaped + "\"}", response);
        using JsonDocument document = JsonDocument.Parse(response);
        Assert.Equal(code, document.RootElement.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public void CreateResponse_RoundTripsTheReadCode()
    {
        Assert.True(TryRead(DocPayload, out SubscriptionValidationRequest? request));

        byte[] utf8 = EventGridSubscriptionValidation.CreateResponseUtf8(request!.ValidationCode);

        Assert.Equal(EventGridSubscriptionValidation.CreateResponse(request.ValidationCode), Encoding.UTF8.GetString(utf8));
        Assert.Throws<ArgumentNullException>(static () => EventGridSubscriptionValidation.CreateResponse(null!));
    }

    [Theory]
    [InlineData("SubscriptionValidation", true)]
    [InlineData("subscriptionvalidation", true)]
    [InlineData(" SubscriptionValidation ", true)]
    [InlineData("Notification", false)]
    [InlineData("SubscriptionDeletion", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidationRequest_ReadsTheAegEventTypeHeader(string? header, bool expected)
    {
        Assert.Equal(expected, EventGridSubscriptionValidation.IsValidationRequest(header));
    }

    [Fact]
    public void Request_RequiresACode()
    {
        Assert.Throws<ArgumentException>(static () => new SubscriptionValidationRequest(string.Empty, null, null, null));
        Assert.Throws<ArgumentNullException>(static () => new SubscriptionValidationRequest(null!, null, null, null));
    }
}
