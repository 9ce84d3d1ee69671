using System;
using System.Collections.Generic;
using MediaEvents.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace MediaEvents.Webhook;

/// <summary>
/// How a delivery carries its events, told by the runtime from the request's <c>Content-Type</c> and headers, and
/// reading them that way: the Event Grid schema as <c>application/json</c>, and CloudEvents in the structured,
/// batched and binary content modes of the CloudEvents HTTP binding.
/// </summary>
internal static class DeliveryContent
{
    /// <summary>The content mode of the request; for one that cannot be read, why, naming its content type.</summary>
    public static DeliveryContentMode Classify(HttpRequest request, out string? unsupportedReason) =>
        DeliveryContentTypes.Classify(request.ContentType, request.Headers.ContainsKey(DeliveryContentTypes.SpecVersionHeaderName), out unsupportedReason);

    /// <summary>Reads the body as the content mode says.</summary>
    /// <exception cref="MediaEventFormatException">The body is not what its content mode carries (e.g. not JSON).</exception>
    public static MediaEventBatch Read(MediaEventReader reader, DeliveryContentMode mode, HttpRequest request, ReadOnlyMemory<byte> body) => mode switch
    {
        DeliveryContentMode.CloudEventsStructured => reader.ReadStructuredCloudEvent(body),
        DeliveryContentMode.CloudEventsBatch => reader.ReadCloudEventBatch(body),
        DeliveryContentMode.CloudEventsBinary => reader.ReadBinaryCloudEvent(CloudEventsHeaders(request.Headers), request.ContentType, body),
        _ => reader.Read(body),
    };

    /// <summary>
    /// The failure of a binary-mode event whose data could not be read because its <c>Content-Type</c> is not JSON
    /// (a failure at <c>$</c>, the body, rather than at a header), or <see langword="null"/>. Such a request is
    /// one the endpoint cannot read, not one with an event that failed alone.
    /// </summary>
    public static MediaEventReadFailure? UnreadableBinaryData(DeliveryContentMode mode, string? contentType, MediaEventBatch batch) =>
        mode == DeliveryContentMode.CloudEventsBinary && contentType is not null && !DeliveryContentTypes.IsJson(contentType)
        && batch.Failures is [{ } failure] && failure.Path.StartsWith('$')
            ? failure
            : null;

    // The ce-* headers, one pair per value, so that the reader sees a header that came twice.
    private static IEnumerable<KeyValuePair<string, string>> CloudEventsHeaders(IHeaderDictionary headers)
    {
        foreach (KeyValuePair<string, StringValues> header in headers)
        {
            if (header.Key.StartsWith(DeliveryContentTypes.CloudEventsHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                foreach (string? value in header.Value)
                {
                    yield return new KeyValuePair<string, string>(header.Key, value ?? string.Empty);
                }
            }
        }
    }
}
