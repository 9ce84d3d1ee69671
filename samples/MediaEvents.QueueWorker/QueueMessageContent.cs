using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MediaEvents.QueueWorkerSample;

/// <summary>
/// What a queue message held: the events it carries, or why it carries none that can be applied.
/// </summary>
/// <param name="Batch">The events read from the message, when it is a readable delivery.</param>
/// <param name="Failure">Why the message cannot be handled, when it cannot; a retry would not change that.</param>
/// <param name="WasBase64">Whether the message text was Base64-encoded JSON (rather than JSON itself).</param>
public sealed record QueueMessageContent(MediaEventBatch? Batch, string? Failure, bool WasBase64)
{
    // Enough of a bad message to recognise it by, in a reason.
    private const int QuotedLength = 40;

    /// <summary>
    /// Reads a message as Event Grid's Storage Queue destination writes it: one event, in the Event Grid schema or
    /// CloudEvents 1.0 (whichever the subscription delivers), as Base64-encoded UTF-8 JSON, which the service writes
    /// today, or as the JSON text itself, which it wrote before and which other producers write. A JSON array of
    /// events is read as well. Never throws for a bad message: <see cref="Failure"/> says what was wrong.
    /// </summary>
    /// <param name="body">The message text's bytes, as the queue client returns them with no message encoding set.</param>
    /// <param name="reader">The reader of the events.</param>
    public static QueueMessageContent Read(ReadOnlyMemory<byte> body, MediaEventReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ReadOnlyMemory<byte> text = Trim(body);
        if (text.IsEmpty)
        {
            return new QueueMessageContent(null, "The message is empty.", WasBase64: false);
        }

        bool wasBase64 = false;
        if (!StartsLikeJson(text.Span))
        {
            if (TryDecodeBase64(text.Span, out byte[]? decoded))
            {
                wasBase64 = true;
                text = Trim(decoded);
                if (!StartsLikeJson(text.Span))
                {
                    return new QueueMessageContent(null, $"The message is Base64, and what it encodes is not JSON: it starts with {Quote(text.Span)}.", wasBase64);
                }
            }
            else
            {
                return new QueueMessageContent(
                    null, $"The message is neither JSON nor Base64-encoded JSON: it starts with {Quote(text.Span)}.", WasBase64: false);
            }
        }

        MediaEventBatch batch;
        try
        {
            batch = reader.Read(text);
        }
        catch (MediaEventFormatException exception)
        {
            return new QueueMessageContent(null, $"The message{(wasBase64 ? ", Base64-decoded," : "")} is not an event: {exception.Message}", wasBase64);
        }

        if (batch.Count == 0)
        {
            return new QueueMessageContent(batch, "The message holds no event: it is an empty JSON array.", wasBase64);
        }

        if (batch.HasFailures)
        {
            IEnumerable<string> failures = batch.Failures.Select(static failure =>
                $"event {failure.Index} (id {failure.Id ?? "unknown"}, type {failure.EventType ?? "unknown"}) could not be read at {failure.Path}: {failure.Reason}");
            return new QueueMessageContent(batch, "The message holds an event that cannot be read: " + string.Join("; ", failures) + ".", wasBase64);
        }

        return new QueueMessageContent(batch, null, wasBase64);
    }

    // A delivery is a JSON object or array, and Base64's alphabet has neither brace nor bracket: text that starts
    // with one is JSON, anything else is tried as Base64 (a JSON scalar is no delivery either way).
    private static bool StartsLikeJson(ReadOnlySpan<byte> text) => text.Length > 0 && text[0] is (byte)'{' or (byte)'[';

    private static bool TryDecodeBase64(ReadOnlySpan<byte> text, out byte[]? decoded)
    {
        decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        OperationStatus status = Base64.DecodeFromUtf8(text, decoded, out int consumed, out int written);
        if (status != OperationStatus.Done || consumed != text.Length)
        {
            decoded = null;
            return false;
        }

        decoded = decoded.AsSpan(0, written).ToArray();
        return true;
    }

    // White space and a UTF-8 byte order mark around the text are not part of it.
    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> text)
    {
        ReadOnlySpan<byte> span = text.Span;
        int start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        int end = span.Length;
        while (start < end && IsWhiteSpace(span[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(span[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsWhiteSpace(byte value) => value is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static string Quote(ReadOnlySpan<byte> text)
    {
        string start = Encoding.UTF8.GetString(text[..Math.Min(text.Length, QuotedLength)]);
        var quoted = new StringBuilder("'");
        foreach (char c in start)
        {
            quoted.Append(char.IsControl(c) ? '?' : c);
        }

        return quoted.Append(text.Length > QuotedLength ? "…'" : "'").ToString();
    }
}
