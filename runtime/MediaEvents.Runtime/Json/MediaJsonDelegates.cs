using System.Text.Json;

namespace MediaEvents.Json;

/// <summary>Reads one value of <typeparamref name="T"/> at the reader's current token.</summary>
/// <typeparam name="T">The value type.</typeparam>
public delegate T MediaJsonValueReader<T>(ref Utf8JsonReader reader, MediaJsonReadContext context);

/// <summary>Writes one value of <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public delegate void MediaJsonValueWriter<in T>(Utf8JsonWriter writer, T value);
