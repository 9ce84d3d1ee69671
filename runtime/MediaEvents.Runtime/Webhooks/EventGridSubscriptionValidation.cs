using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using MediaEvents.Json;

namespace MediaEvents.Webhooks;

/// <summary>
/// The Event Grid webhook validation handshake (Event Grid schema): when a subscription is created, Event Grid
/// posts one <c>Microsoft.EventGrid.SubscriptionValidationEvent</c>, marked by the header
/// <c>aeg-event-type: SubscriptionValidation</c>, and the endpoint proves that it wants the events by answering
/// <c>{"validationResponse":"&lt;validationCode&gt;"}</c> (or by calling <c>data.validationUrl</c>).
/// Pure functions: no I/O, no ASP.NET dependency.
/// </summary>
public static class EventGridSubscriptionValidation
{
    /// <summary>The event type of the validation event.</summary>
    public const string SubscriptionValidationEventType = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /// <summary>The name of the header in which Event Grid says what a delivery is.</summary>
    public const string EventTypeHeaderName = "aeg-event-type";

    /// <summary>The value of <see cref="EventTypeHeaderName"/> on a validation delivery.</summary>
    public const string SubscriptionValidationHeaderValue = "SubscriptionValidation";

    /// <summary>The value of <see cref="EventTypeHeaderName"/> on a delivery of ordinary events.</summary>
    public const string NotificationHeaderValue = "Notification";

    private const int IdMember = 0;
    private const int TopicMember = 1;
    private const int EventTypeMember = 2;
    private const int DataMember = 3;
    private const int ValidationCodeMember = 0;
    private const int ValidationUrlMember = 1;

    private static readonly MediaJsonPropertyNames s_eventNames = new("id", "topic", "eventType", "data");
    private static readonly MediaJsonPropertyNames s_dataNames = new("validationCode", "validationUrl");

    /// <summary>
    /// Whether the value of the <c>aeg-event-type</c> header marks a subscription validation delivery
    /// (<c>SubscriptionValidation</c>, ignoring case and surrounding white space).
    /// </summary>
    /// <param name="aegEventTypeHeader">The header's value, or <see langword="null"/> when the request has none.</param>
    /// <returns><see langword="true"/> for a validation delivery; <see langword="false"/> otherwise, also for a missing header.</returns>
    public static bool IsValidationRequest(string? aegEventTypeHeader) =>
        aegEventTypeHeader is not null
        && aegEventTypeHeader.AsSpan().Trim().Equals(SubscriptionValidationHeaderValue, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a delivery as a subscription validation: a JSON array whose first event (or a single event object) is
    /// in the Event Grid schema with <c>eventType</c> <c>Microsoft.EventGrid.SubscriptionValidationEvent</c> and a
    /// non-empty string <c>data.validationCode</c>. Member names match exactly or ignoring ASCII case, as the event
    /// reader does. Never throws: malformed JSON, another event type, a missing or non-string code, or a member
    /// that appears twice all give <see langword="false"/>.
    /// </summary>
    /// <param name="utf8Json">The request body as UTF-8 JSON (a leading byte order mark is allowed).</param>
    /// <param name="request">The validation request when the method returns <see langword="true"/>; otherwise <see langword="null"/>.</param>
    /// <returns>Whether the body is a well-formed subscription validation delivery.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out SubscriptionValidationRequest? request)
    {
        request = null;
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            SubscriptionValidationRequest? found;
            switch (MediaJson.Advance(ref reader))
            {
                case JsonTokenType.StartArray:
                    if (MediaJson.Advance(ref reader) != JsonTokenType.StartObject)
                    {
                        return false;
                    }

                    found = ReadEvent(ref reader);
                    if (found is null)
                    {
                        return false;
                    }

                    // Any further events must at least be well-formed JSON.
                    while (MediaJson.Advance(ref reader) != JsonTokenType.EndArray)
                    {
                        reader.Skip();
                    }

                    break;
                case JsonTokenType.StartObject:
                    found = ReadEvent(ref reader);
                    break;
                default:
                    return false;
            }

            if (found is null || reader.Read())
            {
                return false;
            }

            request = found;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8.
            return false;
        }
    }

    /// <summary>Reads a delivery given as text as a subscription validation; see <see cref="TryRead(ReadOnlySpan{byte}, out SubscriptionValidationRequest?)"/>.</summary>
    /// <param name="json">The request body as text; <see langword="null"/> gives <see langword="false"/>.</param>
    /// <param name="request">The validation request when the method returns <see langword="true"/>; otherwise <see langword="null"/>.</param>
    /// <returns>Whether the body is a well-formed subscription validation delivery.</returns>
    public static bool TryRead(string? json, [NotNullWhen(true)] out SubscriptionValidationRequest? request)
    {
        if (json is null)
        {
            request = null;
            return false;
        }

        return TryRead(Encoding.UTF8.GetBytes(json), out request);
    }

    /// <summary>
    /// The body that completes the handshake: <c>{"validationResponse":"&lt;code&gt;"}</c>, the code JSON-escaped.
    /// Send it with status 200 and content type <c>application/json</c>.
    /// </summary>
    /// <param name="validationCode">The code from <see cref="SubscriptionValidationRequest.ValidationCode"/>.</param>
    /// <returns>The response body as JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="validationCode"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="validationCode"/> is not valid UTF-16 (a lone surrogate).</exception>
    public static string CreateResponse(string validationCode) => Encoding.UTF8.GetString(CreateResponseUtf8(validationCode));

    /// <summary>The body that completes the handshake as UTF-8 bytes; see <see cref="CreateResponse(string)"/>.</summary>
    /// <param name="validationCode">The code from <see cref="SubscriptionValidationRequest.ValidationCode"/>.</param>
    /// <returns>The response body as UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="validationCode"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="validationCode"/> is not valid UTF-16 (a lone surrogate).</exception>
    public static byte[] CreateResponseUtf8(string validationCode)
    {
        ArgumentNullException.ThrowIfNull(validationCode);
        var buffer = new ArrayBufferWriter<byte>(validationCode.Length + 32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("validationResponse", validationCode);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // The reader is on the event's StartObject; returns null when the event is not a usable validation event.
    private static SubscriptionValidationRequest? ReadEvent(ref Utf8JsonReader reader)
    {
        string? id = null;
        string? topic = null;
        string? eventType = null;
        string? code = null;
        string? url = null;
        int seen = 0;
        while (MediaJson.Advance(ref reader) != JsonTokenType.EndObject)
        {
            int member = s_eventNames.Match(ref reader);
            MediaJson.Advance(ref reader);
            if (member < 0)
            {
                reader.Skip();
                continue;
            }

            if (!FirstTime(ref seen, member))
            {
                return null;
            }

            switch (member)
            {
                case IdMember:
                    if (!TryReadOptionalString(ref reader, out id))
                    {
                        return null;
                    }

                    break;
                case TopicMember:
                    if (!TryReadOptionalString(ref reader, out topic))
                    {
                        return null;
                    }

                    break;
                case EventTypeMember:
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return null;
                    }

                    eventType = reader.GetString();
                    break;
                default:
                    if (reader.TokenType != JsonTokenType.StartObject || !TryReadData(ref reader, out code, out url))
                    {
                        return null;
                    }

                    break;
            }
        }

        if (!string.Equals(eventType, SubscriptionValidationEventType, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(code))
        {
            return null;
        }

        return new SubscriptionValidationRequest(code, url, id, topic);
    }

    // The reader is on data's StartObject; leaves it on data's EndObject.
    private static bool TryReadData(ref Utf8JsonReader reader, out string? code, out string? url)
    {
        code = null;
        url = null;
        int seen = 0;
        while (MediaJson.Advance(ref reader) != JsonTokenType.EndObject)
        {
            int member = s_dataNames.Match(ref reader);
            MediaJson.Advance(ref reader);
            if (member < 0)
            {
                reader.Skip();
                continue;
            }

            if (!FirstTime(ref seen, member))
            {
                return false;
            }

            if (member == ValidationCodeMember)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                code = reader.GetString();
            }
            else if (member == ValidationUrlMember && !TryReadOptionalString(ref reader, out url))
            {
                return false;
            }
        }

        return true;
    }

    private static bool FirstTime(ref int seen, int member)
    {
        int bit = 1 << member;
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    private static bool TryReadOptionalString(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }
}
