namespace MediaEvents;

/// <summary>The envelope an event arrived in.</summary>
public enum MediaEventSchema
{
    /// <summary>The Event Grid event schema: <c>eventType</c>, <c>eventTime</c>, <c>topic</c>, <c>dataVersion</c>.</summary>
    EventGrid,

    /// <summary>The CloudEvents 1.0 schema: <c>type</c>, <c>time</c>, <c>source</c>, <c>specversion</c>.</summary>
    CloudEvents,
}
