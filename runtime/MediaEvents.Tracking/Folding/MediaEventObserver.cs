using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediaEvents.Tracking.Media;

namespace MediaEvents.Tracking.Folding;

/// <summary>
/// Turns an event into an <see cref="Observation"/>. The event's data is read with this assembly's own (internal)
/// copy of the generated Media types, from <see cref="MediaEvent.RawData"/> (or, for an event built in code, from
/// what <see cref="MediaEvent.WriteData"/> writes), so the tracker takes events from any consumer, whatever namespace
/// its generated types live in, with the same tolerance of the service's quirks.
/// </summary>
internal static partial class MediaEventObserver
{
    private static MediaEventsJsonContext Context => MediaEventsJsonContext.Default;

    /// <summary>Reads the event: an observation, or why there is none.</summary>
    public static (Observation? Observation, TrackingResult? Refusal) Observe(MediaEvent mediaEvent)
    {
        string? type = MediaEventTypes.Catalog.Find(mediaEvent.EventType)?.Name;
        MediaEntityKind? kind = type is null ? null : KindOf(type);
        if (type is null || kind is not MediaEntityKind entityKind)
        {
            return (null, new TrackingResult(mediaEvent, TrackingOutcome.NotTracked, Reason: $"'{mediaEvent.EventType}' is not a Media Services job or live-event type."));
        }

        if (string.IsNullOrEmpty(mediaEvent.Subject?.TrimStart('/')))
        {
            return (null, new TrackingResult(mediaEvent, TrackingOutcome.Invalid, Reason: "The event has no subject, so the job or live event it is about is unknown."));
        }

        var key = new MediaEntityKey(entityKind, mediaEvent.Subject);
        var stamp = new EventStamp(mediaEvent.Time ?? DateTimeOffset.MinValue, mediaEvent.Id);
        try
        {
            ReadOnlyMemory<byte> data = DataOf(mediaEvent);
            if (data.IsEmpty)
            {
                return (null, new TrackingResult(mediaEvent, TrackingOutcome.Invalid, key, "The event carries no data."));
            }

            Func<EntitySnapshot, EntitySnapshot>? change = entityKind == MediaEntityKind.Job
                ? ObserveJob(type, stamp, data.Span)
                : ObserveLiveEvent(type, stamp, data.Span);
            return change is null
                ? (null, new TrackingResult(mediaEvent, TrackingOutcome.Invalid, key, "The event's data is null."))
                : (new Observation(key, stamp, change), null);
        }
        catch (JsonException exception)
        {
            return (null, new TrackingResult(mediaEvent, TrackingOutcome.Invalid, key, "The event's data cannot be read: " + exception.Message));
        }
        catch (UnusableDataException exception)
        {
            return (null, new TrackingResult(mediaEvent, TrackingOutcome.Invalid, key, exception.Message));
        }
    }

    private static MediaEntityKind? KindOf(string type) =>
        type.StartsWith("Microsoft.Media.Job", StringComparison.Ordinal) ? MediaEntityKind.Job :
        type.StartsWith("Microsoft.Media.LiveEvent", StringComparison.Ordinal) ? MediaEntityKind.LiveEvent :
        null;

    private static ReadOnlyMemory<byte> DataOf(MediaEvent mediaEvent)
    {
        if (!mediaEvent.RawData.IsEmpty || mediaEvent.TypedData is null)
        {
            return mediaEvent.RawData;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            mediaEvent.WriteData(writer);
        }

        return buffer.WrittenMemory;
    }

    private static T? Read<T>(ReadOnlySpan<byte> data, JsonTypeInfo<T> typeInfo)
        where T : class =>
        JsonSerializer.Deserialize(data, typeInfo);

    /// <summary>A number the service sends as a string (timestamps, timescales); <see langword="null"/> when it is not one.</summary>
    private static long? Number(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number) ? number : null;

    /// <summary>A bad value the event cannot be applied with; the message becomes the result's reason.</summary>
    private sealed class UnusableDataException(string message) : Exception(message);
}
