using System;
using System.Collections.Generic;

namespace MediaEvents.Webhooks;

/// <summary>
/// The content types of event deliveries over HTTP, and which reader entry point each needs: the Event Grid schema
/// as <c>application/json</c>, and the three content modes of the CloudEvents HTTP binding (structured, batched,
/// binary). Pure functions: no I/O, no ASP.NET dependency.
/// </summary>
public static class DeliveryContentTypes
{
    /// <summary>The media type of a JSON delivery, in which Event Grid delivers the Event Grid schema.</summary>
    public const string Json = "application/json";

    /// <summary>The media type of one CloudEvent in structured content mode (the CloudEvents JSON format).</summary>
    public const string CloudEvents = "application/cloudevents+json";

    /// <summary>The media type of a batch of CloudEvents (the CloudEvents JSON batch format).</summary>
    public const string CloudEventsBatch = "application/cloudevents-batch+json";

    /// <summary>
    /// The media types a delivery may have, as a server lists them when it refuses another (e.g. in an
    /// <c>Accept-Post</c> header beside a 415); a binary-mode CloudEvent may have any.
    /// </summary>
    public const string Accepted = Json + ", " + CloudEvents + ", " + CloudEventsBatch;

    /// <summary>The prefix of the headers that carry a binary-mode CloudEvent's attributes (<c>ce-id</c>, <c>ce-type</c>, …).</summary>
    public const string CloudEventsHeaderPrefix = "ce-";

    /// <summary>The header whose presence marks a binary-mode CloudEvent.</summary>
    public const string SpecVersionHeaderName = "ce-specversion";

    private const string CloudEventsFormatPrefix = "application/cloudevents";

    /// <summary>
    /// Tells how a request carries its events from its <c>Content-Type</c> and whether it has a
    /// <c>ce-specversion</c> header. See <see cref="Classify(string?, bool, out string?)"/>.
    /// </summary>
    /// <param name="contentType">The request's <c>Content-Type</c>, or <see langword="null"/> when it has none.</param>
    /// <param name="hasSpecVersionHeader">Whether the request has a <c>ce-specversion</c> header (any case).</param>
    public static DeliveryContentMode Classify(string? contentType, bool hasSpecVersionHeader) =>
        Classify(contentType, hasSpecVersionHeader, out _);

    /// <summary>
    /// Tells how a request carries its events from its <c>Content-Type</c> and its headers. See
    /// <see cref="Classify(string?, bool, out string?)"/>.
    /// </summary>
    /// <param name="contentType">The request's <c>Content-Type</c>, or <see langword="null"/> when it has none.</param>
    /// <param name="headers">The request's headers as name/value pairs; only whether <c>ce-specversion</c> is among them counts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static DeliveryContentMode Classify(string? contentType, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (string.Equals(header.Key, SpecVersionHeaderName, StringComparison.OrdinalIgnoreCase))
            {
                return Classify(contentType, hasSpecVersionHeader: true);
            }
        }

        return Classify(contentType, hasSpecVersionHeader: false);
    }

    /// <summary>
    /// Tells how a request carries its events, as the CloudEvents HTTP binding does: a <c>Content-Type</c> of
    /// <c>application/cloudevents+json</c> is the structured mode and <c>application/cloudevents-batch+json</c> the
    /// batched mode (another CloudEvents event format, e.g. <c>+avro</c>, is unsupported); otherwise a
    /// <c>ce-specversion</c> header makes it the binary mode, whatever the content type of its data; otherwise JSON
    /// (<c>application/json</c>, <c>text/json</c>, <c>*/*+json</c>) is an Event Grid delivery, and anything else is
    /// unsupported. Parameters and case do not matter, but text that must be read as JSON must be UTF-8: another
    /// <c>charset</c> is unsupported. A request without a <c>Content-Type</c> is read as JSON.
    /// </summary>
    /// <param name="contentType">The request's <c>Content-Type</c>, or <see langword="null"/> when it has none.</param>
    /// <param name="hasSpecVersionHeader">Whether the request has a <c>ce-specversion</c> header (any case).</param>
    /// <param name="reason">Why the content type is unsupported, naming it, for the body of a 415; otherwise <see langword="null"/>.</param>
    /// <returns>The content mode, and with it the reader entry point (see <see cref="DeliveryContentMode"/>).</returns>
    public static DeliveryContentMode Classify(string? contentType, bool hasSpecVersionHeader, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return hasSpecVersionHeader ? DeliveryContentMode.CloudEventsBinary : DeliveryContentMode.EventGridJson;
        }

        ReadOnlySpan<char> essence = MediaTypes.Essence(contentType);
        DeliveryContentMode mode;
        if (essence.Equals(CloudEvents, StringComparison.OrdinalIgnoreCase))
        {
            mode = DeliveryContentMode.CloudEventsStructured;
        }
        else if (essence.Equals(CloudEventsBatch, StringComparison.OrdinalIgnoreCase))
        {
            mode = DeliveryContentMode.CloudEventsBatch;
        }
        else if (essence.StartsWith(CloudEventsFormatPrefix, StringComparison.OrdinalIgnoreCase))
        {
            reason = $"The Content-Type '{contentType}' is a CloudEvents event format that is not read here: send {CloudEvents} or {CloudEventsBatch}.";
            return DeliveryContentMode.Unsupported;
        }
        else if (hasSpecVersionHeader)
        {
            mode = DeliveryContentMode.CloudEventsBinary;
        }
        else if (MediaTypes.IsJsonEssence(essence))
        {
            mode = DeliveryContentMode.EventGridJson;
        }
        else
        {
            reason = $"The Content-Type '{contentType}' is not one that carries events: send {Json} (Event Grid schema), {CloudEvents}, "
                + $"{CloudEventsBatch}, or a binary-mode CloudEvent with its attributes in ce-* headers.";
            return DeliveryContentMode.Unsupported;
        }

        // Binary-mode data that is not JSON is kept as bytes, whatever its charset; JSON is read as UTF-8.
        if ((mode != DeliveryContentMode.CloudEventsBinary || MediaTypes.IsJsonEssence(essence))
            && MediaTypes.Charset(contentType) is { } charset
            && !MediaTypes.IsUtf8(charset))
        {
            reason = $"The Content-Type '{contentType}' has the charset '{charset}': JSON is read as UTF-8 only.";
            return DeliveryContentMode.Unsupported;
        }

        return mode;
    }

    /// <summary>
    /// Whether a media type says JSON: <c>application/json</c>, <c>text/json</c>, or any <c>*/*+json</c>,
    /// whatever its parameters (e.g. <c>; charset=utf-8</c>), ignoring case. A CloudEvent's data is read as JSON
    /// when its <c>datacontenttype</c> is one of these.
    /// </summary>
    /// <param name="mediaType">The media type, e.g. a <c>Content-Type</c> or a <c>datacontenttype</c>.</param>
    public static bool IsJson(string? mediaType) => mediaType is not null && MediaTypes.IsJson(mediaType);
}
