using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Webhook.Tests;

public sealed class HandshakeTests
{
    private const string Code = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6";

    [Fact]
    public async Task Validation_with_header_answers_the_code()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events?code={WebhookServer.Secret}")
        {
            Content = new StringContent(Events.Validation(Code), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", "SubscriptionValidation");

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($$"""{"validationResponse":"{{Code}}"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Validation_recognised_from_the_body_alone_answers_the_code_and_changes_no_state()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        using HttpResponseMessage response = await server.PostEventsAsync(Events.Validation(Code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($$"""{"validationResponse":"{{Code}}"}""", await response.Content.ReadAsStringAsync());
        Assert.True(WebhookServer.IsEmpty(await server.GetStatusAsync()));
    }

    [Fact]
    public async Task Validation_header_without_a_validation_event_is_400()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events?code={WebhookServer.Secret}")
        {
            Content = new StringContent(Events.Batch(Events.JobState("transforms/t/jobs/j", Events.T0, "Queued", "Scheduled")), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", "SubscriptionValidation");

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("validationCode", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Validation_body_over_the_limit_is_413_with_or_without_content_length(bool withLength)
    {
        await using WebhookServer server = await WebhookServer.StartAsync(["--Webhook:MaxInputBytes=1024"]);
        string big = Events.Validation(Code) + new string(' ', 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events?code={WebhookServer.Secret}")
        {
            Content = withLength ? new StringContent(big, Encoding.UTF8, "application/json") : new ChunkedContent(big),
        };
        request.Headers.Add("aeg-event-type", "SubscriptionValidation");

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Webhook:MaxInputBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_needs_the_secret()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        using HttpResponseMessage response = await server.Client.PostAsync("/api/events", new StringContent(Events.Validation(Code), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CloudEvents_handshake_from_the_default_origin_is_allowed_with_its_rate()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        request.Headers.Add("WebHook-Request-Rate", "120");
        request.Headers.Add("WebHook-Request-Callback", "https://eventgrid.azure.net/callback?key=abc");

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
        Assert.Equal("120", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Rate")));
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task CloudEvents_handshake_uses_the_configured_origins_and_rate_limit()
    {
        await using WebhookServer server = await WebhookServer.StartAsync(["--Webhook:AllowedOrigins=events.contoso.example, other.example", "--Webhook:MaxRatePerMinute=60"]);
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events");
        request.Headers.Add("WebHook-Request-Origin", "EVENTS.contoso.example");
        request.Headers.Add("WebHook-Request-Rate", "1000");

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("EVENTS.contoso.example", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
        Assert.Equal("60", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Rate")));

        using var refused = new HttpRequestMessage(HttpMethod.Options, "/api/events");
        refused.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        using HttpResponseMessage refusedResponse = await server.Client.SendAsync(refused);
        Assert.Equal(HttpStatusCode.Forbidden, refusedResponse.StatusCode);
    }

    [Fact]
    public async Task CloudEvents_handshake_from_another_origin_is_refused_with_403_and_no_consent_headers()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events");
        request.Headers.Add("WebHook-Request-Origin", "attacker.example");
        request.Headers.Add("WebHook-Request-Callback", "https://attacker.example/grant");

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("WebHook-Allowed-Origin"));
        Assert.False(response.Headers.Contains("WebHook-Allowed-Rate"));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attacker.example", await response.Content.ReadAsStringAsync());
        Assert.Contains(server.Logs.Entries, entry => entry.Message.Contains("https://attacker.example/grant"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("eventgrid.azure.net", "fast")]
    [InlineData("eventgrid.azure.net", "0")]
    public async Task Not_a_CloudEvents_handshake_is_400_without_consent_headers(string? origin, string? rate)
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events");
        if (origin is not null)
        {
            request.Headers.Add("WebHook-Request-Origin", origin);
        }

        if (rate is not null)
        {
            request.Headers.Add("WebHook-Request-Rate", rate);
        }

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, header => header.Key.StartsWith("WebHook-Allowed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Wildcard_allows_any_origin()
    {
        await using WebhookServer server = await WebhookServer.StartAsync(["--Webhook:AllowedOrigins:0=*"]);
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events");
        request.Headers.Add("WebHook-Request-Origin", "anything.example");

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("anything.example", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
    }
}
