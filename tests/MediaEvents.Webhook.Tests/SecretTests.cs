using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Xunit;

namespace MediaEvents.Webhook.Tests;

public sealed class SecretTests
{
    private static string OneEvent => Events.Batch(Events.JobState("transforms/t/jobs/j", Events.T0, "Queued", "Scheduled"));

    [Theory]
    [InlineData("/api/events", null, null, "no shared secret")]
    [InlineData("/api/events?code=wrong", null, null, "wrong")]
    [InlineData("/api/events?code=", null, null, "no shared secret")]
    [InlineData("/api/events", "X-Webhook-Key", "wrong", "wrong")]
    [InlineData("/api/events", "X-Webhook-Key", WebhookServer.Secret + "x", "wrong")]
    [InlineData("/api/events?code=" + WebhookServer.Secret, "X-Webhook-Key", "wrong", "wrong")]
    [InlineData("/api/events?key=" + WebhookServer.Secret, null, null, "no shared secret")]
    [InlineData("/api/events", "X-Other-Key", WebhookServer.Secret, "no shared secret")]
    public async Task Missing_or_wrong_secret_is_401_with_a_problem_body(string path, string? header, string? value, string expected)
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(OneEvent, Encoding.UTF8, "application/json") };
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(WebhookServer.IsEmpty(await server.GetStatusAsync()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Right_secret_in_query_or_header_is_accepted(bool inHeader)
    {
        await using WebhookServer server = await WebhookServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, inHeader ? "/api/events" : $"/api/events?code={WebhookServer.Secret}")
        {
            Content = new StringContent(OneEvent, Encoding.UTF8, "application/json"),
        };
        if (inHeader)
        {
            request.Headers.Add("X-Webhook-Key", WebhookServer.Secret);
        }

        using HttpResponseMessage response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Scheduled", (await server.GetStatusAsync()).GetProperty("jobs").GetProperty("transforms/t/jobs/j").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Names_and_path_are_configurable()
    {
        await using WebhookServer server = await WebhookServer.StartAsync(
            ["--Webhook:Path=/hooks/media", "--Webhook:SecretQueryName=key", "--Webhook:SecretHeaderName=X-Media-Key"]);

        using HttpResponseMessage byQuery = await server.Client.PostAsync(
            $"/hooks/media?key={WebhookServer.Secret}", new StringContent(OneEvent, Encoding.UTF8, "application/json"));
        using var byHeaderRequest = new HttpRequestMessage(HttpMethod.Post, "/hooks/media") { Content = new StringContent(OneEvent, Encoding.UTF8, "application/json") };
        byHeaderRequest.Headers.Add("X-Media-Key", WebhookServer.Secret);
        using HttpResponseMessage byHeader = await server.Client.SendAsync(byHeaderRequest);
        using HttpResponseMessage oldName = await server.Client.PostAsync(
            $"/hooks/media?code={WebhookServer.Secret}", new StringContent(OneEvent, Encoding.UTF8, "application/json"));
        using HttpResponseMessage oldPath = await server.PostEventsAsync(OneEvent);

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldPath.StatusCode);
    }

    [Fact]
    public async Task Status_needs_the_secret_and_healthz_does_not()
    {
        await using WebhookServer server = await WebhookServer.StartAsync();

        using HttpResponseMessage status = await server.Client.GetAsync("/status");
        using HttpResponseMessage health = await server.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_secret_the_app_refuses_to_start_with_a_clear_message()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookServer.StartAsync(withSecret: false));

        string failure = Assert.Single(exception.Failures);
        Assert.Contains("No shared secret is configured", failure, StringComparison.Ordinal);
        Assert.Contains("Webhook:Secret", failure, StringComparison.Ordinal);
        Assert.Contains("Webhook:AllowAnonymous=true", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowAnonymous_accepts_requests_without_a_secret_and_warns()
    {
        await using WebhookServer server = await WebhookServer.StartAsync(["--Webhook:AllowAnonymous=true"], withSecret: false);

        using HttpResponseMessage response = await server.Client.PostAsync("/api/events", new StringContent(OneEvent, Encoding.UTF8, "application/json"));
        using HttpResponseMessage status = await server.Client.GetAsync("/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains(server.Logs.Entries, entry => entry.Message.Contains("AllowAnonymous is true", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--Webhook:MaxInputBytes=lots", "Webhook:MaxInputBytes is 'lots'")]
    [InlineData("--Webhook:MaxInputBytes=0", "Webhook:MaxInputBytes is 0")]
    [InlineData("--Webhook:AllowAnonymous=maybe", "Webhook:AllowAnonymous is 'maybe'")]
    [InlineData("--Webhook:Path=api/events", "must start with '/'")]
    [InlineData("--Webhook:MaxRatePerMinute=-5", "Webhook:MaxRatePerMinute is -5")]
    [InlineData("--Webhook:AllowedOrigins=", "Webhook:AllowedOrigins is empty")]
    public async Task Bad_configuration_stops_the_app(string argument, string expected)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookServer.StartAsync([argument]));

        Assert.Contains(exception.Failures, failure => failure.Contains(expected, StringComparison.Ordinal));
    }
}
