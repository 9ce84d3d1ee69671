using System;
using MediaEvents.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaEvents.Webhook;

/// <summary>
/// Builds the webhook app. Tests use <see cref="CreateBuilder"/> to replace services (e.g. the
/// <see cref="IMediaStateStore"/> or the <see cref="TimeProvider"/>) before <see cref="Build(WebApplicationBuilder)"/>.
/// </summary>
public static class WebhookApp
{
    /// <summary>The path of the state.</summary>
    public const string StatusPath = "/status";

    /// <summary>The path of the liveness probe.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Creates the builder with the webhook's services; configuration comes from appsettings.json, the environment and <paramref name="args"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebhookApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddMediaEventsWebhook(builder.Services);
        return builder;
    }

    /// <summary>Builds the app from the builder and maps the endpoints.</summary>
    /// <exception cref="OptionsValidationException">The <c>Webhook</c> configuration is not valid (e.g. no secret).</exception>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebApplication app = builder.Build();
        MapMediaEventsWebhook(app);
        return app;
    }

    /// <summary>Builds the app with its endpoints.</summary>
    /// <exception cref="OptionsValidationException">The <c>Webhook</c> configuration is not valid (e.g. no secret).</exception>
    public static WebApplication Build(string[] args) => Build(CreateBuilder(args));

    /// <summary>
    /// Adds the options (validated when the app starts), the state store <c>Webhook:State</c> names, the tracker over
    /// it, the activity log and the endpoints.
    /// </summary>
    public static IServiceCollection AddMediaEventsWebhook(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WebhookOptions>()
            .Configure<IConfiguration>(static (options, configuration) => options.ReadFrom(configuration.GetSection(WebhookOptions.SectionName)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(static provider => provider.GetRequiredService<IOptions<WebhookOptions>>().Value);
        services.TryAddSingleton<SharedSecret>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static provider => StateStores.Create(provider.GetRequiredService<WebhookOptions>().State));
        services.TryAddSingleton(static provider => new MediaStateTracker(
            provider.GetRequiredService<IMediaStateStore>(), MediaStateTrackerOptions.Default, provider.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StateTableStartup>());
        services.TryAddSingleton<IMediaEventAsyncVisitor, MediaActivityLog>();
        services.TryAddSingleton<EventsEndpoint>();
        services.TryAddSingleton<HandshakeEndpoint>();
        services.TryAddSingleton<StatusEndpoint>();
        return services;
    }

    /// <summary>Maps POST and OPTIONS on the events path, <c>/status</c> and <c>/healthz</c>.</summary>
    /// <exception cref="OptionsValidationException">The <c>Webhook</c> configuration is not valid (e.g. no secret).</exception>
    public static WebApplication MapMediaEventsWebhook(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Reading the options validates them: a bad configuration stops the app here, before it listens.
        WebhookOptions options = app.Services.GetRequiredService<WebhookOptions>();
        if (!options.RequiresSecret)
        {
            Log.RunningAnonymously(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookApp)));
        }

        // RequestDelegate handlers: no reflection-built parameter binding, so the app stays trim-safe.
        EventsEndpoint events = app.Services.GetRequiredService<EventsEndpoint>();
        HandshakeEndpoint handshake = app.Services.GetRequiredService<HandshakeEndpoint>();
        StatusEndpoint status = app.Services.GetRequiredService<StatusEndpoint>();
        app.MapPost(options.Path, events.HandleAsync);
        app.MapMethods(options.Path, new[] { HttpMethods.Options }, handshake.HandleAsync);
        app.MapGet(StatusPath, status.HandleAsync);
        app.MapGet(HealthPath, static context =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("ok", context.RequestAborted);
        });
        return app;
    }
}
