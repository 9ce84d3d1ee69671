
namespace MediaEvents;

// What an event's envelope lacks, told to the reader without an exception: a delivery of `{}` fails every event this
// way, so these failures cost no more than reading the event did. The texts are constants where they can be.
public sealed partial class MediaEventReader
{
    private readonly struct EnvelopeFault
    {
        private const string NoEventType =
            "the event has neither 'eventType' (Event Grid schema) nor 'specversion' and 'type' (CloudEvents 1.0)";

        private const string NoCloudEventType = "the CloudEvents event has no 'type'";

        private const string NoId = "the required property 'id' is missing";

        private EnvelopeFault(string reason, string relativePath, in MediaEventEnvelope envelope)
        {
            Reason = reason;
            RelativePath = relativePath;
            Id = envelope.GetId();
            EventType = envelope.EventType;
        }

        /// <summary>What was wrong.</summary>
        public string Reason { get; }

        /// <summary>Where, below the event: empty for the envelope itself, <c>.data</c> for a null data.</summary>
        public string RelativePath { get; }

        /// <summary>The event's id, when it has one.</summary>
        public string? Id { get; }

        /// <summary>The event's type, when it has one.</summary>
        public string? EventType { get; }

        /// <summary>The id and type of an event that failed in a value (the failure itself is a <see cref="Json.DeferredFailure"/>).</summary>
        public static EnvelopeFault Identity(in MediaEventEnvelope envelope) => new(string.Empty, string.Empty, envelope);

        /// <summary>An envelope without a type, or without an id.</summary>
        public static EnvelopeFault Incomplete(in MediaEventEnvelope envelope) =>
            new(envelope.EventType is not null ? NoId : envelope.SpecVersion is null ? NoEventType : NoCloudEventType, string.Empty, envelope);

        /// <summary>A known type's event whose data is null (at <c>.data</c>) or absent.</summary>
        public static EnvelopeFault WithoutData(in MediaEventEnvelope envelope, bool hasData) =>
            new(
                $"a {envelope.EventType} event carries its data as a JSON object, found {(hasData ? "null" : "no 'data' member")}",
                hasData ? ".data" : string.Empty,
                envelope);
    }
}
