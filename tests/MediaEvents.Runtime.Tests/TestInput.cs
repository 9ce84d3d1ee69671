using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.Tests;

/// <summary>Builds test deliveries and reads them every way the reader accepts them.</summary>
internal static class TestInput
{
    public const string Topic = "/subscriptions/8f2c6c0e-5a3b-4e1d-9c7a-2b6d4e8f1a90/resourceGroups/media-rg/providers/Microsoft.Media/mediaservices/contosomedia";

    /// <summary>An Event Grid schema JobStateChange event with the given id.</summary>
    public static string StateChange(string id, string state = "Finished") =>
        $$"""{"id":"{{id}}","topic":"{{Topic}}","subject":"transforms/T/jobs/{{id}}","eventType":"Microsoft.Media.JobStateChange","eventTime":"2024-03-14T09:15:02.1046132Z","data":{"previousState":"Processing","state":"{{state}}"},"dataVersion":"1.0","metadataVersion":"1"}""";

    /// <summary>An Event Grid schema JobOutputProgress event whose data is <paramref name="dataJson"/>.</summary>
    public static string Progress(string id, string dataJson) => Event(id, MediaEventTypes.JobOutputProgress, dataJson);

    /// <summary>
    /// An Event Grid schema LiveEventChannelArchiveHeartbeat event whose data is <paramref name="dataJson"/>: the spec
    /// requires both of its members (<c>channelLatencyMs</c>, <c>latencyResultCode</c>).
    /// </summary>
    public static string ArchiveHeartbeat(string id, string dataJson) => Event(id, MediaEventTypes.LiveEventChannelArchiveHeartbeat, dataJson);

    /// <summary>An Event Grid schema event of <paramref name="eventType"/> whose data is <paramref name="dataJson"/>.</summary>
    public static string Event(string id, string eventType, string dataJson) =>
        $$"""{"id":"{{id}}","topic":"{{Topic}}","subject":"transforms/T/jobs/{{id}}","eventType":"{{eventType}}","eventTime":"2024-03-14T09:15:02Z","data":{{dataJson}},"dataVersion":"1.0","metadataVersion":"1"}""";

    /// <summary>A JSON array of the events.</summary>
    public static string Array(params string[] events) => "[" + string.Join(",", events) + "]";

    /// <summary><paramref name="levels"/> nested arrays around <c>0</c>, e.g. 2 → <c>[[0]]</c>.</summary>
    public static string Nested(int levels) => new string('[', levels) + "0" + new string(']', levels);

    /// <summary>Reads the delivery as a string, a span, a memory, a seekable stream and a non-seekable stream.</summary>
    public static async Task<IReadOnlyList<(string Way, MediaEventBatch Batch)>> ReadAllWays(MediaEventReader reader, string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        return new List<(string, MediaEventBatch)>
        {
            ("string", reader.Read(json)),
            ("span", reader.Read(utf8.AsSpan())),
            ("memory", reader.Read(new ReadOnlyMemory<byte>(utf8))),
            ("stream", await reader.ReadAsync(new MemoryStream(utf8))),
            ("forward-only stream", await reader.ReadAsync(new ForwardOnlyStream(utf8))),
        };
    }

    /// <summary>Everything a batch says, as text, so that two batches can be compared whole.</summary>
    public static string Describe(MediaEventBatch batch)
    {
        var text = new StringBuilder();
        foreach (MediaEventReadResult result in batch)
        {
            text.Append(result.Index.ToString(CultureInfo.InvariantCulture)).Append(": ");
            if (result.Event is { } e)
            {
                text.Append(string.Join(
                    " | ",
                    e.GetType().Name,
                    e.Id,
                    e.EventType,
                    e.Schema,
                    e.Subject,
                    e.Source,
                    e.Time?.ToString("o", CultureInfo.InvariantCulture),
                    e.DataVersion,
                    e.MetadataVersion,
                    e.SpecVersion,
                    e.DataContentType,
                    e.DataSchema,
                    Encoding.UTF8.GetString(e.RawData.Span),
                    e.UnknownMembers is null ? "-" : string.Join(",", e.UnknownMembers.Select(static m => m.ToString())),
                    DescribeData(e.TypedData)));
            }
            else
            {
                MediaEventReadFailure failure = result.Failure!;
                text.Append("FAILED ").Append(failure).Append(" raw ").Append(Encoding.UTF8.GetString(failure.RawEvent.Span));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Text(ReadOnlyMemory<byte> utf8) => Encoding.UTF8.GetString(utf8.Span);

    /// <summary>What <paramref name="write"/> writes through a <see cref="Utf8JsonWriter"/> with default options.</summary>
    public static string Written(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string DescribeData(object? data) => data switch
    {
        null => "untyped",
        MediaJobStateChangeEventData s => $"state {s.PreviousState}->{s.State} unknown {s.UnknownMembers?.Count ?? 0}",
        MediaJobOutputProgressEventData p => $"progress {p.Label} {p.Progress} unknown {p.UnknownMembers?.Count ?? 0}",
        _ => data.ToString() ?? string.Empty,
    };
}

/// <summary>A stream that cannot seek and hands out at most a few bytes per read, like a network body.</summary>
internal sealed class ForwardOnlyStream : Stream
{
    private readonly byte[] _content;
    private readonly int _chunk;
    private int _position;

    public ForwardOnlyStream(byte[] content, int chunk = 4093)
    {
        _content = content;
        _chunk = chunk;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int count = Math.Min(Math.Min(buffer.Length, _chunk), _content.Length - _position);
        _content.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
