using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using MediaEvents.Webhooks;
using Xunit;

namespace MediaEvents.Tests.CloudEvents;

public class ContentModeTests
{
    private static readonly MediaEventReader s_reader = MediaEventDispatcher.CreateReader();

    private static string CloudEvent(string id) =>
        $$$"""{"specversion":"1.0","id":"{{{id}}}","source":"/contoso","type":"{{{MediaEventTypes.JobStateChange}}}","data":{"state":"Finished"}}""";

    [Theory]
    [InlineData("application/cloudevents+json", false, DeliveryContentMode.CloudEventsStructured)]
    [InlineData("application/cloudevents+json; charset=utf-8", false, DeliveryContentMode.CloudEventsStructured)]
    [InlineData("Application/CloudEvents+JSON;charset=\"UTF-8\"", true, DeliveryContentMode.CloudEventsStructured)]
    [InlineData("application/cloudevents-batch+json", false, DeliveryContentMode.CloudEventsBatch)]
    [InlineData(" application/cloudevents-batch+json ; charset=utf-8", true, DeliveryContentMode.CloudEventsBatch)]
    [InlineData("application/json", false, DeliveryContentMode.EventGridJson)]
    [InlineData("application/json; charset=utf-8", false, DeliveryContentMode.EventGridJson)]
    [InlineData("text/json", false, DeliveryContentMode.EventGridJson)]
    [InlineData("application/vnd.contoso+json", false, DeliveryContentMode.EventGridJson)]
    [InlineData(null, false, DeliveryContentMode.EventGridJson)]
    [InlineData("", false, DeliveryContentMode.EventGridJson)]
    [InlineData("application/json", true, DeliveryContentMode.CloudEventsBinary)]
    [InlineData("application/xml", true, DeliveryContentMode.CloudEventsBinary)]
    [InlineData("text/plain; charset=iso-8859-1", true, DeliveryContentMode.CloudEventsBinary)]
    [InlineData(null, true, DeliveryContentMode.CloudEventsBinary)]
    [InlineData("text/plain", false, DeliveryContentMode.Unsupported)]
    [InlineData("application/x-www-form-urlencoded", false, DeliveryContentMode.Unsupported)]
    [InlineData("application/cloudevents+avro", false, DeliveryContentMode.Unsupported)]
    [InlineData("application/cloudevents+avro", true, DeliveryContentMode.Unsupported)]
    [InlineData("application/json; charset=utf-16", false, DeliveryContentMode.Unsupported)]
    [InlineData("application/cloudevents+json; charset=iso-8859-1", false, DeliveryContentMode.Unsupported)]
    [InlineData("application/json; charset=utf-16", true, DeliveryContentMode.Unsupported)]
    [InlineData("+json", false, DeliveryContentMode.Unsupported)]
    public void Classify_TellsTheContentModeFromTheContentTypeAndTheSpecVersionHeader(string? contentType, bool hasSpecVersion, DeliveryContentMode expected)
    {
        DeliveryContentMode mode = DeliveryContentTypes.Classify(contentType, hasSpecVersion, out string? reason);

        Assert.Equal(expected, mode);
        Assert.Equal(expected == DeliveryContentMode.Unsupported, reason is not null);
        Assert.Equal(expected, DeliveryContentTypes.Classify(contentType, hasSpecVersion));
    }

    [Theory]
    [InlineData("text/plain", "The Content-Type 'text/plain' is not one that carries events: send application/json (Event Grid schema), application/cloudevents+json, application/cloudevents-batch+json, or a binary-mode CloudEvent with its attributes in ce-* headers.")]
    [InlineData("application/cloudevents+avro", "The Content-Type 'application/cloudevents+avro' is a CloudEvents event format that is not read here: send application/cloudevents+json or application/cloudevents-batch+json.")]
    [InlineData("application/json; charset=utf-16", "The Content-Type 'application/json; charset=utf-16' has the charset 'utf-16': JSON is read as UTF-8 only.")]
    public void Unsupported_SaysWhyNamingTheContentType(string contentType, string expected)
    {
        DeliveryContentTypes.Classify(contentType, hasSpecVersionHeader: false, out string? reason);

        Assert.Equal(expected, reason);
    }

    [Fact]
    public void Classify_FindsTheSpecVersionHeaderInAnyCase()
    {
        var binary = new List<KeyValuePair<string, string>> { new("Host", "x"), new("CE-SpecVersion", "1.0") };
        var plain = new List<KeyValuePair<string, string>> { new("Host", "x"), new("ce-id", "1") };

        Assert.Equal(DeliveryContentMode.CloudEventsBinary, DeliveryContentTypes.Classify("application/json", binary));
        Assert.Equal(DeliveryContentMode.EventGridJson, DeliveryContentTypes.Classify("application/json", plain));
        Assert.Throws<ArgumentNullException>(() => DeliveryContentTypes.Classify("application/json", (IEnumerable<KeyValuePair<string, string>>)null!));
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json;charset=utf-8", true)]
    [InlineData("TEXT/JSON", true)]
    [InlineData("application/ld+json", true)]
    [InlineData("application/cloudevents+json", true)]
    [InlineData("application/jsonp", false)]
    [InlineData("application/json-seq", false)]
    [InlineData("text/plain", false)]
    [InlineData("+json", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsJson_KnowsTheJsonMediaTypes(string? mediaType, bool expected)
    {
        Assert.Equal(expected, DeliveryContentTypes.IsJson(mediaType));
    }

    [Fact]
    public void Structured_ReadsOneEvent_AndRefusesAnArray()
    {
        MediaEventBatch batch = s_reader.ReadStructuredCloudEvent(Encoding.UTF8.GetBytes("\uFEFF " + CloudEvent("one")));
        var refused = Assert.Throws<MediaEventFormatException>(() => s_reader.ReadStructuredCloudEvent(Encoding.UTF8.GetBytes(" [" + CloudEvent("one") + "]")));

        Assert.Equal("one", Assert.Single(batch.Events).Id);
        Assert.Equal("Expected one CloudEvent object (application/cloudevents+json), found an array: a batch is application/cloudevents-batch+json.", refused.Message);
    }

    [Fact]
    public void Batch_ReadsAnArray_EvenAnEmptyOne_AndRefusesAnObject()
    {
        MediaEventBatch batch = s_reader.ReadCloudEventBatch(Encoding.UTF8.GetBytes("[" + CloudEvent("a") + "," + CloudEvent("b") + "]"));
        MediaEventBatch empty = s_reader.ReadCloudEventBatch(Encoding.UTF8.GetBytes("[]"));
        var refused = Assert.Throws<MediaEventFormatException>(() => s_reader.ReadCloudEventBatch(Encoding.UTF8.GetBytes(CloudEvent("a"))));

        Assert.Equal(new[] { "a", "b" }, new[] { batch[0].Event!.Id, batch[1].Event!.Id });
        Assert.Empty(empty);
        Assert.Equal("Expected a JSON array of CloudEvents (application/cloudevents-batch+json), found an object: one event is application/cloudevents+json.", refused.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    public void StructuredAndBatch_ReportInputThatIsNotJson_AsReadDoes(string input)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(input);
        string expected = Assert.Throws<MediaEventFormatException>(() => s_reader.Read(utf8)).Message;

        Assert.Equal(expected, Assert.Throws<MediaEventFormatException>(() => s_reader.ReadStructuredCloudEvent(utf8)).Message);
        Assert.Equal(expected, Assert.Throws<MediaEventFormatException>(() => s_reader.ReadCloudEventBatch(utf8)).Message);
    }

    [Fact]
    public async Task StreamEntryPoints_ReadAsTheMemoryOnesDo()
    {
        byte[] one = Encoding.UTF8.GetBytes(CloudEvent("one"));
        byte[] many = Encoding.UTF8.GetBytes("[" + CloudEvent("a") + "]");

        MediaEventBatch structured = await s_reader.ReadStructuredCloudEventAsync(new ForwardOnlyStream(one, chunk: 5));
        MediaEventBatch batch = await s_reader.ReadCloudEventBatchAsync(new MemoryStream(many));

        Assert.Equal(TestInput.Describe(s_reader.Read(one)), TestInput.Describe(structured));
        Assert.Equal(TestInput.Describe(s_reader.Read(many)), TestInput.Describe(batch));
        await Assert.ThrowsAsync<MediaEventFormatException>(() => s_reader.ReadCloudEventBatchAsync(new MemoryStream(one)).AsTask());
    }
}
