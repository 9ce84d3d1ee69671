using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaEvents.Webhook.Tests;

/// <summary>The real app, in process, listening on a free port of 127.0.0.1; the tests talk HTTP to it.</summary>
public sealed class WebhookServer : IAsyncDisposable
{
    public const string Secret = "test-secret-5f0c1e";

    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, Uri baseAddress, LogCapture logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The app's tracker, over the store its configuration chose.</summary>
    public MediaEvents.Tracking.MediaStateTracker Tracker => _app.Services.GetRequiredService<MediaEvents.Tracking.MediaStateTracker>();

    public static string EventsDirectory => Path.Combine(AppContext.BaseDirectory, "events");

    /// <summary>Starts the app with the test secret and <paramref name="args"/> (which win), after <paramref name="configure"/> changed the builder.</summary>
    public static async Task<WebhookServer> StartAsync(string[]? args = null, Action<WebApplicationBuilder>? configure = null, bool withSecret = true)
    {
        var allArgs = new List<string> { "--urls=http://127.0.0.1:0", "--environment=Production" };
        if (withSecret)
        {
            allArgs.Add("--Webhook:Secret=" + Secret);
        }

        allArgs.AddRange(args ?? Array.Empty<string>());
        WebApplicationBuilder builder = WebhookApp.CreateBuilder(allArgs.ToArray());
        var logs = new LogCapture();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(logs);
        configure?.Invoke(builder);
        WebApplication app = WebhookApp.Build(builder);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new WebhookServer(app, new Uri(address), logs);
    }

    public static string ReadSample(string name) => File.ReadAllText(Path.Combine(EventsDirectory, name));

    /// <summary>Posts JSON to the events path with the secret in the query string.</summary>
    public Task<HttpResponseMessage> PostEventsAsync(string json, string path = "/api/events") =>
        Client.PostAsync($"{path}?code={Secret}", new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonElement> GetStatusAsync()
    {
        using JsonDocument document = JsonDocument.Parse(await GetStatusTextAsync().ConfigureAwait(false));
        return document.RootElement.Clone();
    }

    /// <summary>The body of <c>/status</c>, exactly as sent.</summary>
    public async Task<string> GetStatusTextAsync()
    {
        using HttpResponseMessage response = await Client.GetAsync($"/status?code={Secret}").ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/status answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }

    /// <summary>Whether the state holds no job and no live event: nothing was applied.</summary>
    public static bool IsEmpty(JsonElement status) =>
        !status.GetProperty("jobs").EnumerateObject().Any() && !status.GetProperty("liveEvents").EnumerateObject().Any();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Keeps every log line of the app.</summary>
    public sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

        public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => _entries.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner._entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
