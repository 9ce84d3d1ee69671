using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaEvents.QueueWorkerSample;

/// <summary>
/// What the worker writes to the poison queue for a message it gives up on: the reason and the original text, as
/// one JSON message (plain text, not Base64), so that an operator can see why and send the text back once fixed.
/// </summary>
/// <param name="Reason">Why the message was not handled.</param>
/// <param name="MessageId">The original message's id.</param>
/// <param name="DequeueCount">How many times the original had been received.</param>
/// <param name="InsertedOn">When the original was put in the queue.</param>
/// <param name="PoisonedOn">When the worker gave up on it.</param>
/// <param name="Worker">The worker that gave up on it.</param>
/// <param name="Body">The original message text, exactly as received (cut short only if <see cref="BodyTruncated"/>).</param>
/// <param name="BodyTruncated">Whether <see cref="Body"/> was cut to keep the record within a queue message's 64 KiB.</param>
public sealed record PoisonMessage(
    string Reason, string MessageId, long DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset PoisonedOn, string Worker, string Body, bool BodyTruncated = false)
{
    /// <summary>
    /// The largest record written, in UTF-8 bytes: a queue message holds 64 KiB, and the record leaves a margin
    /// below that for the service's own encoding of the text.
    /// </summary>
    public const int MaxLength = 60 * 1024;

    /// <summary>The longest <see cref="Reason"/> written; a longer one (a batch of many bad events) is cut.</summary>
    public const int MaxReasonLength = 4096;

    /// <summary>The record as the JSON text sent to the poison queue, with <see cref="Body"/> cut if the whole would pass <see cref="MaxLength"/>.</summary>
    public string ToJson()
    {
        PoisonMessage record = Reason.Length <= MaxReasonLength ? this : this with { Reason = Reason[..MaxReasonLength] + "…" };
        string json = JsonSerializer.Serialize(record, PoisonMessageJsonContext.Default.PoisonMessage);
        if (Encoding.UTF8.GetByteCount(json) <= MaxLength)
        {
            return json;
        }

        // Escaping can make a character several bytes long; cut the body by the excess until the record fits (the
        // other members are short, so an empty body always fits).
        string body = record.Body;
        while (true)
        {
            int excess = Encoding.UTF8.GetByteCount(json) - MaxLength;
            if (excess <= 0)
            {
                return json;
            }

            body = body[..Math.Max(0, body.Length - Math.Max(excess, 16))];
            json = JsonSerializer.Serialize(record with { Body = body, BodyTruncated = true }, PoisonMessageJsonContext.Default.PoisonMessage);
        }
    }

    /// <summary>Reads a record from the poison queue's message text.</summary>
    /// <exception cref="FormatException">The text is not a poison record.</exception>
    public static PoisonMessage Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, PoisonMessageJsonContext.Default.PoisonMessage)
                ?? throw new FormatException("The poison record is the JSON null.");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The text is not a poison record: {exception.Message}", exception);
        }
    }
}

/// <summary>The poison record's JSON, generated at build time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PoisonMessage))]
internal sealed partial class PoisonMessageJsonContext : JsonSerializerContext
{
}
