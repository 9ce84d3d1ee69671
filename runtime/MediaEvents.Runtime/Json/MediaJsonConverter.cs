using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MediaEvents.Json;

/// <summary>
/// The System.Text.Json converter of a generated type, built on the type's generated reader and writer (the ones the
/// event catalogue reads and writes with): one class for every type instead of the same two overrides in each.
/// </summary>
/// <remarks>
/// A member that appears more than once in an object fails to read, as it does for the event reader, unless the
/// generated serializer context's <c>AllowDuplicateMembers</c> lets the last value win.
/// </remarks>
/// <typeparam name="T">The generated type.</typeparam>
public abstract class MediaJsonConverter<T> : JsonConverter<T>, IMediaJsonTypeInfoSource
    where T : class
{
    private readonly MediaJsonValueReader<T?> _read;
    private readonly MediaJsonValueWriter<T> _write;
    private readonly MediaJsonReadContext _context;

    /// <summary>Creates the converter from the type's reader and writer.</summary>
    protected MediaJsonConverter(MediaJsonValueReader<T?> read, MediaJsonValueWriter<T> write)
        : this(read, write, MediaJsonReadContext.Unlimited)
    {
    }

    private MediaJsonConverter(MediaJsonValueReader<T?> read, MediaJsonValueWriter<T> write, MediaJsonReadContext context)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _context = context;
    }

    /// <inheritdoc />
    public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // System.Text.Json expects the exception: a catalogue entry's own reader may call it in the middle of an event.
        DeferredFailure? armed = DeferredFailure.Suspend();
        try
        {
            return _read(ref reader, _context);
        }
        finally
        {
            DeferredFailure.Resume(armed);
        }
    }

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);

    JsonTypeInfo IMediaJsonTypeInfoSource.CreateTypeInfo(JsonSerializerOptions options, bool allowDuplicateMembers) =>
        JsonMetadataServices.CreateValueInfo<T>(options, allowDuplicateMembers && !_context.AllowDuplicateMembers ? new LastWins(_read, _write) : this);

    // The same reader and writer, with a context that accepts a repeated member's last value.
    private sealed class LastWins(MediaJsonValueReader<T?> read, MediaJsonValueWriter<T> write)
        : MediaJsonConverter<T>(read, write, MediaJsonReadContext.Unlimited with { AllowDuplicateMembers = true });
}

/// <summary>The System.Text.Json converter of a generated extensible enum: a string, or a number's text.</summary>
/// <typeparam name="T">The enum type.</typeparam>
public sealed class MediaJsonEnumConverter<T> : JsonConverter<T>, IMediaJsonTypeInfoSource
    where T : struct, IMediaJsonEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // As for objects: System.Text.Json expects the exception, even in the middle of an event.
        DeferredFailure? armed = DeferredFailure.Suspend();
        try
        {
            return MediaJson.ReadEnum<T>(ref reader) ?? MediaJson.NullNotAllowed<T>(ref reader);
        }
        finally
        {
            DeferredFailure.Resume(armed);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    JsonTypeInfo IMediaJsonTypeInfoSource.CreateTypeInfo(JsonSerializerOptions options, bool allowDuplicateMembers) =>
        JsonMetadataServices.CreateValueInfo<T>(options, this);
}

/// <summary>A converter that makes the metadata of its type without reflection.</summary>
internal interface IMediaJsonTypeInfoSource
{
    /// <summary>The metadata; objects whose members repeat are read with the last value winning when allowed.</summary>
    JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options, bool allowDuplicateMembers);
}
