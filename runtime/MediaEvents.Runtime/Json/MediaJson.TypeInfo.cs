using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MediaEvents.Json;

public static partial class MediaJson
{
    /// <summary>
    /// The metadata of <paramref name="type"/> from the one of <paramref name="converters"/> (generated ones) that
    /// converts it, or <see langword="null"/> when none does: a generated serializer context's resolver.
    /// </summary>
    public static JsonTypeInfo? CreateTypeInfo(Type type, JsonSerializerOptions options, JsonConverter[] converters) =>
        CreateTypeInfo(type, options, converters, allowDuplicateMembers: false);

    /// <summary>
    /// The metadata of <paramref name="type"/> as <see cref="CreateTypeInfo(Type, JsonSerializerOptions, JsonConverter[])"/>
    /// makes it, reading objects whose members repeat with the last value winning when
    /// <paramref name="allowDuplicateMembers"/> is set (otherwise they fail, naming the repeated member's path).
    /// </summary>
    public static JsonTypeInfo? CreateTypeInfo(Type type, JsonSerializerOptions options, JsonConverter[] converters, bool allowDuplicateMembers)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(converters);
        foreach (JsonConverter converter in converters)
        {
            if (converter.Type == type && converter is IMediaJsonTypeInfoSource source)
            {
                return source.CreateTypeInfo(options, allowDuplicateMembers);
            }
        }

        return null;
    }
}
