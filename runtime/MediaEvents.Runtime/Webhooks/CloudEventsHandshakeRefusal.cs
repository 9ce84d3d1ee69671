namespace MediaEvents.Webhooks;

/// <summary>Why <see cref="CloudEventsWebhookHandshake"/> refused a handshake.</summary>
public enum CloudEventsHandshakeRefusal
{
    /// <summary>The handshake was allowed.</summary>
    None,

    /// <summary>The request has no (or an empty) <c>WebHook-Request-Origin</c> header.</summary>
    MissingOrigin,

    /// <summary>The requesting origin is not in the allow-list, or the predicate rejected it.</summary>
    OriginNotAllowed,

    /// <summary>The <c>WebHook-Request-Rate</c> header is not a positive integer.</summary>
    InvalidRequestRate,
}
