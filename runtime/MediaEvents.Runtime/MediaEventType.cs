using System;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents;

/// <summary>
/// One entry of an event catalogue: an event type name bound to the type of its data and to the generated
/// reader and writer of that data.
/// </summary>
public abstract class MediaEventType
{
    private protected MediaEventType(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The event type name, e.g. <c>Microsoft.Media.JobStateChange</c>.</summary>
    public string Name { get; }

    /// <summary>The type the event's data is read into.</summary>
    public abstract Type DataType { get; }

    /// <summary>This entry's position in its catalogue (the generated dispatcher switches on it).</summary>
    public int Ordinal { get; private set; } = -1;

    /// <summary>The catalogue this entry belongs to (an entry belongs to one at most).</summary>
    public MediaEventCatalog? Catalog { get; private set; }

    internal byte[] Utf8Name { get; }

    /// <summary>Makes this entry the catalogue's, at <paramref name="ordinal"/> (the catalogue checked that it is free).</summary>
    internal void Attach(MediaEventCatalog catalog, int ordinal)
    {
        Catalog = catalog;
        Ordinal = ordinal;
    }

    /// <summary>Reads the data at the reader (on its first token).</summary>
    internal abstract object ReadDataObject(ref Utf8JsonReader reader, MediaJsonReadContext context);

    /// <summary>Wraps data read by <see cref="ReadDataObject"/> and its envelope into an event.</summary>
    internal abstract MediaEvent CreateEvent(object data, in MediaEventEnvelope envelope);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A catalogue entry whose data is read into <typeparamref name="TData"/>.</summary>
/// <typeparam name="TData">The generated data type.</typeparam>
public sealed class MediaEventType<TData> : MediaEventType
    where TData : class
{
    private readonly MediaJsonValueReader<TData?> _read;
    private readonly MediaJsonValueWriter<TData> _write;

    /// <summary>Creates the entry from the event type name and the generated reader and writer of its data.</summary>
    public MediaEventType(string name, MediaJsonValueReader<TData?> read, MediaJsonValueWriter<TData> write)
        : base(name)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc />
    public override Type DataType => typeof(TData);

    /// <summary>Reads this type's data at the reader; fails on JSON null, since every such event carries data.</summary>
    public TData ReadData(ref Utf8JsonReader reader, MediaJsonReadContext context)
    {
        TData? data = _read(ref reader, context);
        if (data is null)
        {
            // Null, or (while an event of a delivery is read) a value that failed: the event's failure either way.
            MediaJson.RejectUnexpected(ref reader, "an object");
        }

        return data!;
    }

    /// <summary>Writes this type's data.</summary>
    public void WriteData(Utf8JsonWriter writer, TData data) => _write(writer, data);

    /// <summary>
    /// Builds an event of this type around <paramref name="data"/>, with the envelope the service gives it in the
    /// Event Grid schema (<c>dataVersion</c> <c>1.0</c>, <c>metadataVersion</c> <c>1</c>): for the test of a visitor,
    /// or to write a delivery with <see cref="MediaEventWriter"/>. For other envelope values, use the constructor of
    /// <see cref="MediaEvent{TData}"/> with an object initializer.
    /// </summary>
    /// <param name="data">The event's data.</param>
    /// <param name="subject">The subject, e.g. <c>transforms/encode/jobs/job-1</c> (the Event Grid schema requires one).</param>
    /// <param name="time">When the event happened; now when not given.</param>
    /// <param name="id">The event's id; a new GUID when not given.</param>
    /// <param name="source">The topic (Event Grid schema) or source (CloudEvents, which requires one), e.g. the resource id of the Media Services account.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public MediaEvent<TData> CreateEvent(TData data, string? subject = null, DateTimeOffset? time = null, string? id = null, string? source = null) =>
        new(this, data)
        {
            Id = id ?? Guid.NewGuid().ToString(),
            Subject = subject,
            Source = source,
            Time = time ?? DateTimeOffset.UtcNow,
            DataVersion = "1.0",
            MetadataVersion = "1",
        };

    internal override object ReadDataObject(ref Utf8JsonReader reader, MediaJsonReadContext context) => ReadData(ref reader, context);

    internal override MediaEvent CreateEvent(object data, in MediaEventEnvelope envelope) => new MediaEvent<TData>(this, (TData)data, envelope);
}
