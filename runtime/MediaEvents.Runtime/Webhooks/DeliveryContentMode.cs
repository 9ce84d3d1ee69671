namespace MediaEvents.Webhooks;

/// <summary>
/// How an HTTP request carries its events, as <see cref="DeliveryContentTypes.Classify(string?, bool)"/> tells it
/// from the request's <c>Content-Type</c> and whether it has a <c>ce-specversion</c> header. Each mode has its
/// reader entry point.
/// </summary>
public enum DeliveryContentMode
{
    /// <summary>Nothing this library reads: a server answers 415 Unsupported Media Type.</summary>
    Unsupported,

    /// <summary>
    /// JSON (<c>application/json</c>, in which Event Grid delivers the Event Grid schema): a JSON array of events or
    /// one event object, each in either envelope. Read with <see cref="MediaEventReader.Read(System.ReadOnlyMemory{byte})"/>.
    /// </summary>
    EventGridJson,

    /// <summary>
    /// A CloudEvent in structured content mode (<c>application/cloudevents+json</c>): one event object in the
    /// CloudEvents JSON format. Read with <see cref="MediaEventReader.ReadStructuredCloudEvent(System.ReadOnlyMemory{byte})"/>.
    /// </summary>
    CloudEventsStructured,

    /// <summary>
    /// CloudEvents in batched content mode (<c>application/cloudevents-batch+json</c>): a JSON array of events in
    /// the CloudEvents JSON format. Read with <see cref="MediaEventReader.ReadCloudEventBatch(System.ReadOnlyMemory{byte})"/>.
    /// </summary>
    CloudEventsBatch,

    /// <summary>
    /// A CloudEvent in binary content mode: its attributes in <c>ce-*</c> headers, its data as the body, whose
    /// <c>Content-Type</c> is the event's <c>datacontenttype</c>. Read with
    /// <see cref="MediaEventReader.ReadBinaryCloudEvent(System.Collections.Generic.IEnumerable{System.Collections.Generic.KeyValuePair{string, string}}, string?, System.ReadOnlyMemory{byte})"/>.
    /// </summary>
    CloudEventsBinary,
}
