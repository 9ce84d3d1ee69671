using System;
using System.Text.Json;
using System.Threading.Tasks;
using MediaEvents.Webhook.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaEvents.Webhook;

/// <summary><c>GET /status</c>: the state the events built, as JSON (source-generated serialization). Needs the secret.</summary>
public sealed class StatusEndpoint
{
    private readonly SharedSecret _secret;
    private readonly IMediaStateStore _store;
    private readonly ILogger<StatusEndpoint> _logger;

    /// <summary>Creates the endpoint.</summary>
    public StatusEndpoint(SharedSecret secret, IMediaStateStore store, ILogger<StatusEndpoint> logger)
    {
        _secret = secret ?? throw new ArgumentNullException(nameof(secret));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Writes the state.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SecretCheck check = _secret.Check(context.Request);
        if (check != SecretCheck.Accepted)
        {
            string detail = _secret.Describe(check);
            Log.Unauthorized(_logger, context.Request.Path, detail);
            await Responses.WriteProblemAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail).ConfigureAwait(false);
            return;
        }

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(_store.Snapshot(), WebhookJsonContext.Default.StatusSnapshot);
        context.Response.Headers.CacheControl = "no-store";
        await Responses.WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }
}
