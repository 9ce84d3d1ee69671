using System;
using System.Collections.Generic;
using System.Globalization;

namespace MediaEvents.Webhooks;

/// <summary>
/// The abuse-protection handshake of the CloudEvents HTTP webhook specification (section 4), which Event Grid
/// performs before it delivers CloudEvents to an endpoint: an HTTP <c>OPTIONS</c> request carrying
/// <c>WebHook-Request-Origin</c> (and optionally <c>WebHook-Request-Rate</c> and <c>WebHook-Request-Callback</c>),
/// answered with <c>WebHook-Allowed-Origin</c> and <c>WebHook-Allowed-Rate</c> when delivery is allowed.
/// Pure functions: they take header values and return what to answer; no I/O, no ASP.NET dependency.
/// </summary>
public static class CloudEventsWebhookHandshake
{
    /// <summary>The request header naming the sending system, e.g. <c>eventgrid.azure.net</c>.</summary>
    public const string RequestOriginHeaderName = "WebHook-Request-Origin";

    /// <summary>The optional request header asking for a rate, in requests per minute.</summary>
    public const string RequestRateHeaderName = "WebHook-Request-Rate";

    /// <summary>The optional request header with a URL through which permission can be granted later.</summary>
    public const string RequestCallbackHeaderName = "WebHook-Request-Callback";

    /// <summary>The response header granting delivery to an origin (the origin itself, or <c>*</c>).</summary>
    public const string AllowedOriginHeaderName = "WebHook-Allowed-Origin";

    /// <summary>The response header granting a rate: requests per minute, or <c>*</c> for no limit.</summary>
    public const string AllowedRateHeaderName = "WebHook-Allowed-Rate";

    /// <summary>The response header listing the methods the endpoint accepts (the specification recommends <c>POST</c>).</summary>
    public const string AllowHeaderName = "Allow";

    /// <summary>The value of <see cref="AllowedOriginHeaderName"/> and <see cref="AllowedRateHeaderName"/> that means "any".</summary>
    public const string Wildcard = "*";

    /// <summary>
    /// Decides the handshake with a predicate over the requesting origin.
    /// </summary>
    /// <param name="requestOrigin">The value of <c>WebHook-Request-Origin</c>, or <see langword="null"/> when absent.</param>
    /// <param name="requestRate">The value of <c>WebHook-Request-Rate</c>, or <see langword="null"/> when absent.</param>
    /// <param name="requestCallback">The value of <c>WebHook-Request-Callback</c>, or <see langword="null"/> when absent.</param>
    /// <param name="isOriginAllowed">Decides whether the origin (trimmed, never empty) may deliver events.</param>
    /// <param name="options">How to answer; <see langword="null"/> for the defaults.</param>
    /// <returns>The decision, with the response headers to set when delivery is allowed and the reason when it is not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="isOriginAllowed"/> is null.</exception>
    public static CloudEventsHandshakeResult Evaluate(
        string? requestOrigin,
        string? requestRate,
        string? requestCallback,
        Func<string, bool> isOriginAllowed,
        CloudEventsHandshakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(isOriginAllowed);
        options ??= CloudEventsHandshakeOptions.Default;
        string? origin = Clean(requestOrigin);
        string? callback = Clean(requestCallback);
        if (origin is null)
        {
            return CloudEventsHandshakeResult.Refuse(
                CloudEventsHandshakeRefusal.MissingOrigin,
                $"The request has no {RequestOriginHeaderName} header (or it is empty): the origin of the events is unknown.",
                null,
                callback);
        }

        if (!isOriginAllowed(origin))
        {
            return CloudEventsHandshakeResult.Refuse(
                CloudEventsHandshakeRefusal.OriginNotAllowed,
                $"The origin '{origin}' is not allowed to deliver events to this endpoint.",
                origin,
                callback);
        }

        string? rate = Clean(requestRate);
        string? allowedRate;
        if (rate is not null)
        {
            if (!int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out int requested) || requested <= 0)
            {
                return CloudEventsHandshakeResult.Refuse(
                    CloudEventsHandshakeRefusal.InvalidRequestRate,
                    $"The {RequestRateHeaderName} header '{rate}' is not a positive integer (requests per minute).",
                    origin,
                    callback);
            }

            int granted = options.MaxRatePerMinute is int max ? Math.Min(requested, max) : requested;
            allowedRate = granted.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            allowedRate = options.MaxRatePerMinute?.ToString(CultureInfo.InvariantCulture);
        }

        return CloudEventsHandshakeResult.Allow(options.RespondWithWildcardOrigin ? Wildcard : origin, allowedRate, origin, callback);
    }

    /// <summary>
    /// Decides the handshake with a list of allowed origins, compared ignoring case (origins are DNS names);
    /// an entry <c>*</c> allows every origin.
    /// </summary>
    /// <param name="requestOrigin">The value of <c>WebHook-Request-Origin</c>, or <see langword="null"/> when absent.</param>
    /// <param name="requestRate">The value of <c>WebHook-Request-Rate</c>, or <see langword="null"/> when absent.</param>
    /// <param name="requestCallback">The value of <c>WebHook-Request-Callback</c>, or <see langword="null"/> when absent.</param>
    /// <param name="allowedOrigins">The origins that may deliver events, e.g. <c>eventgrid.azure.net</c>.</param>
    /// <param name="options">How to answer; <see langword="null"/> for the defaults.</param>
    /// <returns>The decision, with the response headers to set when delivery is allowed and the reason when it is not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allowedOrigins"/> is null.</exception>
    public static CloudEventsHandshakeResult Evaluate(
        string? requestOrigin,
        string? requestRate,
        string? requestCallback,
        IEnumerable<string> allowedOrigins,
        CloudEventsHandshakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string entry in allowedOrigins)
        {
            if (Clean(entry) is { } origin)
            {
                allowed.Add(origin);
            }
        }

        bool any = allowed.Contains(Wildcard);
        return Evaluate(requestOrigin, requestRate, requestCallback, origin => any || allowed.Contains(origin), options);
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
