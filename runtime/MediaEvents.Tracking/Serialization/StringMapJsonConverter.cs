using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaEvents.Json;

namespace MediaEvents.Tracking.Serialization;

/// <summary>Writes a <see cref="ValueMap{TValue}"/> of strings as a JSON object and reads it back.</summary>
internal sealed class StringMapJsonConverter : JsonConverter<ValueMap<string>>
{
    public override ValueMap<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of strings, not {reader.TokenType}.");
        }

        var entries = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            entries.Add(new(name, reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"The value of '{name}' must be a string.")));
        }

        return new ValueMap<string>(entries);
    }

    public override void Write(Utf8JsonWriter writer, ValueMap<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, string> entry in value)
        {
            writer.WriteString(entry.Key, entry.Value);
        }

        writer.WriteEndObject();
    }
}
