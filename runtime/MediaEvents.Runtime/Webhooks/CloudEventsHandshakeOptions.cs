using System;

namespace MediaEvents.Webhooks;

/// <summary>How <see cref="CloudEventsWebhookHandshake"/> answers an allowed handshake.</summary>
public sealed class CloudEventsHandshakeOptions
{
    private readonly int? _maxRatePerMinute;

    /// <summary>The defaults: echo the origin, grant the requested rate, and send no rate when none was requested.</summary>
    public static CloudEventsHandshakeOptions Default { get; } = new();

    /// <summary>
    /// Whether <c>WebHook-Allowed-Origin</c> is <c>*</c> (any origin) instead of the requesting origin echoed back
    /// (default <see langword="false"/>). The origin must still pass the allow-list or predicate.
    /// </summary>
    public bool RespondWithWildcardOrigin { get; init; }

    /// <summary>
    /// The highest rate granted, in requests per minute; <see langword="null"/> (default) grants the requested rate.
    /// A larger requested rate is lowered to this one; when no rate was requested, this one is still sent, as the
    /// specification recommends.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int? MaxRatePerMinute
    {
        get => _maxRatePerMinute;
        init => _maxRatePerMinute = value is null or > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxRatePerMinute), value, "The rate must be a positive number of requests per minute.");
    }
}
