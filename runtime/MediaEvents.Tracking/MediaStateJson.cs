using System;
using System.Text.Json;
using MediaEvents.Tracking.Serialization;

namespace MediaEvents.Tracking;

/// <summary>
/// Writes snapshots as JSON and reads them back, for stores that keep them as text or bytes. A snapshot read back
/// equals the one written. The JSON names the kind of snapshot (<c>"kind": "job"</c> or <c>"liveEvent"</c>).
/// </summary>
public static class MediaStateJson
{
    /// <summary>The snapshot as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(EntitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.SerializeToUtf8Bytes(snapshot, MediaStateJsonContext.Default.EntitySnapshot);
    }

    /// <summary>The snapshot as a JSON string.</summary>
    public static string Serialize(EntitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.Serialize(snapshot, MediaStateJsonContext.Default.EntitySnapshot);
    }

    /// <summary>Reads a snapshot written by <see cref="Serialize"/> or <see cref="SerializeToUtf8Bytes"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a snapshot; the message says where and why.</exception>
    public static EntitySnapshot Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, MediaStateJsonContext.Default.EntitySnapshot) ?? throw new JsonException("The JSON is null, not a snapshot.");

    /// <summary>Reads a snapshot written by <see cref="Serialize"/> or <see cref="SerializeToUtf8Bytes"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a snapshot; the message says where and why.</exception>
    public static EntitySnapshot Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, MediaStateJsonContext.Default.EntitySnapshot) ?? throw new JsonException("The JSON is null, not a snapshot.");
    }
}
