using System.Text.Json.Serialization;
using MediaEvents.Json;

namespace MediaEvents.Tracking.Serialization;

/// <summary>Source-generated metadata for snapshots (AOT- and trim-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(ValueListJsonConverter<EventStamp>),
        typeof(ValueListJsonConverter<JobOutputSnapshot>),
        typeof(ValueListJsonConverter<JobErrorDetail>),
        typeof(ValueListJsonConverter<ProgressPoint>),
        typeof(ValueListJsonConverter<EncoderConnection>),
        typeof(ValueListJsonConverter<LiveTrackSnapshot>),
        typeof(StringMapJsonConverter),
    ])]
[JsonSerializable(typeof(EntitySnapshot))]
[JsonSerializable(typeof(EventStamp))]
[JsonSerializable(typeof(JobOutputSnapshot))]
[JsonSerializable(typeof(JobErrorDetail))]
[JsonSerializable(typeof(ProgressPoint))]
[JsonSerializable(typeof(EncoderConnection))]
[JsonSerializable(typeof(LiveTrackSnapshot))]
internal sealed partial class MediaStateJsonContext : JsonSerializerContext
{
}
