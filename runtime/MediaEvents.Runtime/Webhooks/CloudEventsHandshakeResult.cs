using System.Collections.Generic;

namespace MediaEvents.Webhooks;

/// <summary>
/// The outcome of a CloudEvents webhook handshake. When <see cref="IsAllowed"/>, set every one of
/// <see cref="ResponseHeaders"/> on the <c>OPTIONS</c> response (status 200); when not, set none of the
/// <c>WebHook-Allowed-*</c> headers, so that the sender reads no consent (e.g. answer 403 with <see cref="Reason"/>).
/// </summary>
public sealed class CloudEventsHandshakeResult
{
    private CloudEventsHandshakeResult(
        bool isAllowed,
        CloudEventsHandshakeRefusal refusal,
        string? reason,
        string? allowedOrigin,
        string? allowedRate,
        string? requestOrigin,
        string? callbackUrl)
    {
        IsAllowed = isAllowed;
        Refusal = refusal;
        Reason = reason;
        AllowedOrigin = allowedOrigin;
        AllowedRate = allowedRate;
        RequestOrigin = requestOrigin;
        CallbackUrl = callbackUrl;
        var headers = new List<KeyValuePair<string, string>>();
        if (isAllowed)
        {
            headers.Add(new(CloudEventsWebhookHandshake.AllowedOriginHeaderName, allowedOrigin!));
            if (allowedRate is not null)
            {
                headers.Add(new(CloudEventsWebhookHandshake.AllowedRateHeaderName, allowedRate));
            }

            headers.Add(new(CloudEventsWebhookHandshake.AllowHeaderName, "POST, OPTIONS"));
        }

        ResponseHeaders = headers.AsReadOnly();
    }

    /// <summary>Whether the origin may deliver events.</summary>
    public bool IsAllowed { get; }

    /// <summary>Why the handshake was refused, or <see cref="CloudEventsHandshakeRefusal.None"/> when it was allowed.</summary>
    public CloudEventsHandshakeRefusal Refusal { get; }

    /// <summary>Why the handshake was refused, in words; <see langword="null"/> when it was allowed.</summary>
    public string? Reason { get; }

    /// <summary>The value of <c>WebHook-Allowed-Origin</c> (the origin, or <c>*</c>); <see langword="null"/> when refused.</summary>
    public string? AllowedOrigin { get; }

    /// <summary>
    /// The value of <c>WebHook-Allowed-Rate</c> (requests per minute); <see langword="null"/> when refused, or when
    /// no rate was requested and no maximum is configured.
    /// </summary>
    public string? AllowedRate { get; }

    /// <summary>The requesting origin, trimmed; <see langword="null"/> when the header was absent or empty.</summary>
    public string? RequestOrigin { get; }

    /// <summary>
    /// The value of <c>WebHook-Request-Callback</c>, if any: a URL through which permission can be granted later
    /// (by an HTTPS GET), for example after an administrator approves a refused origin.
    /// </summary>
    public string? CallbackUrl { get; }

    /// <summary>
    /// The headers to set on the response, in order: <c>WebHook-Allowed-Origin</c>, <c>WebHook-Allowed-Rate</c>
    /// (when <see cref="AllowedRate"/> is set) and <c>Allow: POST, OPTIONS</c>. Empty when refused.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; }

    /// <inheritdoc />
    public override string ToString() => IsAllowed ? $"allowed: {AllowedOrigin} at {AllowedRate ?? "unstated rate"}" : $"refused: {Reason}";

    internal static CloudEventsHandshakeResult Allow(string allowedOrigin, string? allowedRate, string requestOrigin, string? callbackUrl) =>
        new(true, CloudEventsHandshakeRefusal.None, null, allowedOrigin, allowedRate, requestOrigin, callbackUrl);

    internal static CloudEventsHandshakeResult Refuse(CloudEventsHandshakeRefusal refusal, string reason, string? requestOrigin, string? callbackUrl) =>
        new(false, refusal, reason, null, null, requestOrigin, callbackUrl);
}
