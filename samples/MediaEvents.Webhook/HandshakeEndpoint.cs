using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MediaEvents.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace MediaEvents.Webhook;

/// <summary>
/// <c>OPTIONS /api/events</c>: the CloudEvents abuse-protection handshake that Event Grid performs before it
/// delivers CloudEvents. Allowed: 200 with <c>WebHook-Allowed-Origin</c>, <c>WebHook-Allowed-Rate</c> and
/// <c>Allow</c>. Refused: none of those headers (the specification reads only their absence as refusal), with
/// 403 for an origin that is not allowed and 400 for a request that is not a handshake (no origin, bad rate).
/// No secret is required: the answer grants nothing but consent, and the secret may travel only on deliveries.
/// </summary>
public sealed class HandshakeEndpoint
{
    private readonly IReadOnlyList<string> _allowedOrigins;
    private readonly CloudEventsHandshakeOptions _handshakeOptions;
    private readonly ILogger<HandshakeEndpoint> _logger;

    /// <summary>Creates the endpoint.</summary>
    public HandshakeEndpoint(WebhookOptions options, ILogger<HandshakeEndpoint> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowedOrigins = options.AllowedOrigins;
        _handshakeOptions = new CloudEventsHandshakeOptions { MaxRatePerMinute = options.MaxRatePerMinute };
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Answers the handshake.</summary>
    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IHeaderDictionary headers = context.Request.Headers;
        CloudEventsHandshakeResult result = CloudEventsWebhookHandshake.Evaluate(
            Header(headers, CloudEventsWebhookHandshake.RequestOriginHeaderName),
            Header(headers, CloudEventsWebhookHandshake.RequestRateHeaderName),
            Header(headers, CloudEventsWebhookHandshake.RequestCallbackHeaderName),
            _allowedOrigins,
            _handshakeOptions);
        if (result.IsAllowed)
        {
            foreach (KeyValuePair<string, string> header in result.ResponseHeaders)
            {
                context.Response.Headers[header.Key] = header.Value;
            }

            Log.HandshakeAllowed(_logger, result.ToString());
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        Log.HandshakeRefused(_logger, result.Reason, result.CallbackUrl);
        return result.Refusal == CloudEventsHandshakeRefusal.OriginNotAllowed
            ? Responses.WriteProblemAsync(context, StatusCodes.Status403Forbidden, "Origin not allowed", result.Reason!)
            : Responses.WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Not a CloudEvents handshake", result.Reason!);
    }

    private static string? Header(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out StringValues values) ? values.ToString() : null;
}
