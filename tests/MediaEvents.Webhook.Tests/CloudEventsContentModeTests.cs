using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Webhook.Tests;

/// <summary>CloudEvents in every content mode of the HTTP binding, over real HTTP, and content types that cannot be read.</summary>
public sealed class CloudEventsContentModeTests
{
    private const string JobStateChange = "Microsoft.Media.JobStateChange";

    private static string StateData(string previous, string state) => $$"""{"previousState":"{{previous}}","state":"{{state}}"}""";

    private static HttpRequestMessage Post(HttpContent content) => new(HttpMethod.Post, $"/api/events?code={WebhookServer.Secret}") { Content = content };

    private static StringContent Json(string body, string mediaType) =>
        new(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(mediaType));

    // A JobStateChange in binary mode: the attributes in ce-* headers, the data as the body.
    private static HttpRequestMessage Binary(string subjectHeader, string data, string? contentType = "application/json; charset=utf-8", string type = JobStateChange)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(data));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        HttpRequestMessage request = Post(content);
        request.Headers.Add("ce-specversion", "1.0");
        request.Headers.Add("ce-id", Guid.NewGuid().ToString());
        request.Headers.Add("ce-source", Events.Topic);
        request.Headers.Add("ce-type", type);
        request.Headers.Add("ce-subject", subjectHeader);
        request.Headers.Add("ce-time", "2024-05-01T12:00:00Z");
        return request;
    }

    private static async Task<JsonElement> SendAsync(WebhookServer server, HttpRequestMessage request, HttpStatusCode expected)
    {
        using (request)
        using (HttpResponseMessage response = await server.Client.SendAsync(request))
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
    }

    [Fact]
    public async Task BinaryStructuredBatchedAndDataBase64CloudEvents_EachReachTheState()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(StateData("Processing", "Finished")));
        string withDataBase64 = $$"""
            {"specversion":"1.0","id":"{{Guid.NewGuid()}}","source":"{{Events.Topic}}","subject":"transforms/t/jobs/base64","type":"{{JobStateChange}}","time":"2024-05-01T12:00:00Z","datacontenttype":"application/json","data_base64":"{{base64}}"}
            """;

        JsonElement binary = await SendAsync(server, Binary("transforms/t/jobs/binary%20job", StateData("Scheduled", "Processing")), HttpStatusCode.OK);
        JsonElement structured = await SendAsync(
            server,
            Post(Json(Events.CloudEvent(JobStateChange, "transforms/t/jobs/structured", Events.T0, StateData("Queued", "Scheduled")), "application/cloudevents+json; charset=utf-8")),
            HttpStatusCode.OK);
        JsonElement batched = await SendAsync(
            server,
            Post(Json(
                Events.Batch(
                    Events.CloudEvent(JobStateChange, "transforms/t/jobs/batched-1", Events.T0, StateData("Processing", "Canceling")),
                    Events.CloudEvent(JobStateChange, "transforms/t/jobs/batched-2", Events.T0, StateData("Processing", "Error"))),
                "application/cloudevents-batch+json")),
            HttpStatusCode.OK);
        JsonElement decoded = await SendAsync(server, Post(Json(withDataBase64, "application/cloudevents+json")), HttpStatusCode.OK);

        foreach (JsonElement summary in new[] { binary, structured, batched, decoded })
        {
            Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        }

        Assert.Equal(2, batched.GetProperty("applied").GetInt32());
        JsonElement status = await server.GetStatusAsync();
        JsonElement jobs = status.GetProperty("jobs");
        Assert.Equal(5, jobs.EnumerateObject().Count());
        Assert.Equal("Processing", jobs.GetProperty("transforms/t/jobs/binary job").GetProperty("state").GetString());
        Assert.Equal("Scheduled", jobs.GetProperty("transforms/t/jobs/structured").GetProperty("state").GetString());
        Assert.Equal("Canceling", jobs.GetProperty("transforms/t/jobs/batched-1").GetProperty("state").GetString());
        Assert.Equal("Error", jobs.GetProperty("transforms/t/jobs/batched-2").GetProperty("state").GetString());
        Assert.Equal("Finished", jobs.GetProperty("transforms/t/jobs/base64").GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("text/plain", "The Content-Type 'text/plain' is not one that carries events")]
    [InlineData("application/x-www-form-urlencoded", "'application/x-www-form-urlencoded' is not one that carries events")]
    [InlineData("application/cloudevents+avro", "is a CloudEvents event format that is not read here")]
    [InlineData("application/json; charset=utf-16", "has the charset 'utf-16': JSON is read as UTF-8 only")]
    public async Task AContentTypeThatCannotBeRead_Is415_AndNothingIsApplied(string contentType, string expected)
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        string delivery = Events.Batch(Events.JobState("transforms/t/jobs/refused", Events.T0, "Queued", "Scheduled"));

        using HttpRequestMessage request = Post(new ByteArrayContent(Encoding.UTF8.GetBytes(delivery)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } });
        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json, application/cloudevents+json, application/cloudevents-batch+json", Assert.Single(response.Headers.GetValues("Accept-Post")));
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(415, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(WebhookServer.IsEmpty(await server.GetStatusAsync()));
    }

    [Fact]
    public async Task BinaryModeDataThatIsNotJson_Is415ForAKnownType_AndKeptForAnUnknownOne()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        using (HttpRequestMessage known = Binary("transforms/t/jobs/xml", "<state>Finished</state>", "application/xml"))
        using (HttpResponseMessage response = await server.Client.SendAsync(known))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            string detail = problem.RootElement.GetProperty("detail").GetString()!;
            Assert.Contains("the datacontenttype 'application/xml' is not JSON", detail, StringComparison.Ordinal);
        }

        JsonElement unknown = await SendAsync(server, Binary("orders/17", "<order>17</order>", "application/xml", "Contoso.Orders.Shipped"), HttpStatusCode.OK);

        Assert.Equal(0, unknown.GetProperty("applied").GetInt32());
        Assert.Equal(1, unknown.GetProperty("notTracked").GetInt32());
        Assert.True(WebhookServer.IsEmpty(await server.GetStatusAsync()));
    }

    [Fact]
    public async Task ABinaryModeEventWithABadHeader_FailsAlone_NamingTheHeader()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        HttpRequestMessage request = Binary("transforms/t/jobs/late", StateData("Queued", "Scheduled"));
        request.Headers.Remove("ce-time");
        request.Headers.Add("ce-time", "tomorrow");

        JsonElement summary = await SendAsync(server, request, HttpStatusCode.OK);

        JsonElement failure = Assert.Single(summary.GetProperty("failures").EnumerateArray());
        Assert.Equal("ce-time", failure.GetProperty("path").GetString());
        Assert.Contains("RFC 3339", failure.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JobStateChange, failure.GetProperty("eventType").GetString());
        Assert.True(WebhookServer.IsEmpty(await server.GetStatusAsync()));
    }

    [Theory]
    [InlineData("application/cloudevents+json", "[]", "found an array: a batch is application/cloudevents-batch+json")]
    [InlineData("application/cloudevents-batch+json", "{}", "found an object: one event is application/cloudevents+json")]
    public async Task ABodyOfTheOtherModesShape_Is400(string contentType, string body, string expected)
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        using HttpResponseMessage response = await server.Client.SendAsync(Post(Json(body, contentType)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeliveryWithoutAContentType_IsReadAsJson()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Events.Batch(Events.JobState("transforms/t/jobs/untyped", Events.T0, "Queued", "Scheduled"))));

        JsonElement summary = await SendAsync(server, Post(content), HttpStatusCode.OK);

        Assert.Null(content.Headers.ContentType);
        Assert.Equal(1, summary.GetProperty("applied").GetInt32());
        Assert.Equal("Scheduled", (await server.GetStatusAsync()).GetProperty("jobs").GetProperty("transforms/t/jobs/untyped").GetProperty("state").GetString());
    }
}
