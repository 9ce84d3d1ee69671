using System;

namespace MediaEvents.Webhooks;

/// <summary>
/// The content of an Event Grid subscription validation event (<c>Microsoft.EventGrid.SubscriptionValidationEvent</c>):
/// what the endpoint echoes back to prove that it wants the events.
/// </summary>
public sealed class SubscriptionValidationRequest
{
    /// <summary>Creates the request from the values of the validation event.</summary>
    /// <param name="validationCode">The code to echo in the response (<c>data.validationCode</c>).</param>
    /// <param name="validationUrl">The URL that validates the subscription when called (<c>data.validationUrl</c>), if any.</param>
    /// <param name="eventId">The validation event's <c>id</c>, if any.</param>
    /// <param name="topic">The validation event's <c>topic</c>, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="validationCode"/> is null or empty.</exception>
    public SubscriptionValidationRequest(string validationCode, string? validationUrl, string? eventId, string? topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(validationCode);
        ValidationCode = validationCode;
        ValidationUrl = validationUrl;
        EventId = eventId;
        Topic = topic;
    }

    /// <summary>
    /// The code to echo back (<c>data.validationCode</c>), e.g. with
    /// <see cref="EventGridSubscriptionValidation.CreateResponse(string)"/>.
    /// </summary>
    public string ValidationCode { get; }

    /// <summary>
    /// The URL that validates the subscription when it receives a GET (<c>data.validationUrl</c>), for endpoints that
    /// cannot answer synchronously; <see langword="null"/> when the event has none.
    /// </summary>
    public string? ValidationUrl { get; }

    /// <summary>The validation event's <c>id</c>, or <see langword="null"/> when it has none.</summary>
    public string? EventId { get; }

    /// <summary>The validation event's <c>topic</c> (the resource path of the subscription's source), or <see langword="null"/>.</summary>
    public string? Topic { get; }

    /// <inheritdoc />
    public override string ToString() => $"Event Grid subscription validation {EventId} ({Topic})";
}
