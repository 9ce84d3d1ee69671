using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaEvents.Tracking.Serialization;

/// <summary>Writes a <see cref="JobState"/> as its name and reads it back.</summary>
internal sealed class JobStateJsonConverter : JsonConverter<JobState>
{
    public override JobState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new JobState(reader.GetString()!)
            : throw new JsonException($"A job state is a string, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, JobState value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
