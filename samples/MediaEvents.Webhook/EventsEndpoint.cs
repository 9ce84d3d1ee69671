using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MediaEvents.Tracking;
using MediaEvents.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace MediaEvents.Webhook;

/// <summary>
/// <c>POST /api/events</c>: Event Grid deliveries, in the Event Grid schema (<c>application/json</c>) or CloudEvents
/// 1.0 in any content mode (structured, batched, binary). The status codes make Event Grid retry only what a retry
/// can fix: 401 no or wrong secret; 415 a content type it cannot read; 400 the body is not JSON events (or 413 it
/// is too large, or holds more events than <see cref="WebhookOptions.MaxEventsPerDelivery"/>), retrying cannot help;
/// 200 every event that could be read was given to the <see cref="MediaStateTracker"/> in one
/// <see cref="MediaStateTracker.ApplyAsync(IEnumerable{MediaEvent}, System.Threading.CancellationToken)"/>, the others
/// are logged (a retry would fail them again); 500 applying the events failed on our side, so Event Grid retries (the
/// tracker skips what it had applied already).
/// </summary>
public sealed class EventsEndpoint
{
    private const long KestrelSlackBytes = 64 * 1024;

    private readonly WebhookOptions _options;
    private readonly SharedSecret _secret;
    private readonly MediaStateTracker _tracker;
    private readonly IMediaEventAsyncVisitor _activity;
    private readonly ILogger<EventsEndpoint> _logger;
    private readonly MediaEventReaderOptions _readerOptions;

    /// <summary>Creates the endpoint.</summary>
    /// <param name="options">The options.</param>
    /// <param name="secret">The shared secret.</param>
    /// <param name="tracker">Folds the events into the state of jobs and live events.</param>
    /// <param name="activity">Gets the events the tracker has just applied (<see cref="MediaActivityLog"/> by default).</param>
    /// <param name="logger">The log.</param>
    public EventsEndpoint(WebhookOptions options, SharedSecret secret, MediaStateTracker tracker, IMediaEventAsyncVisitor activity, ILogger<EventsEndpoint> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _secret = secret ?? throw new ArgumentNullException(nameof(secret));
        _tracker = tracker ?? throw new ArgumentNullException(nameof(tracker));
        _activity = activity ?? throw new ArgumentNullException(nameof(activity));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _readerOptions = new MediaEventReaderOptions { MaxInputBytes = options.MaxInputBytes, MaxEvents = options.MaxEventsPerDelivery };
    }

    /// <summary>Handles a delivery.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpRequest request = context.Request;
        SecretCheck check = _secret.Check(request);
        if (check != SecretCheck.Accepted)
        {
            string detail = _secret.Describe(check);
            Log.Unauthorized(_logger, request.Path, detail);
            await Responses.WriteProblemAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail).ConfigureAwait(false);
            return;
        }

        long max = _options.MaxInputBytes;
        if (request.ContentLength > max)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large", TooLarge(request.ContentLength.Value)).ConfigureAwait(false);
            return;
        }

        // Our limit decides, not Kestrel's (30 MB by default): the reader stops one byte past ours. Kestrel's stays as
        // a backstop, with room for what it counts beyond the content (the framing of a chunked body counts too).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + KestrelSlackBytes;
        }

        if (EventGridSubscriptionValidation.IsValidationRequest(request.Headers[EventGridSubscriptionValidation.EventTypeHeaderName]))
        {
            await ValidateSubscriptionAsync(context, max).ConfigureAwait(false);
            return;
        }

        await DispatchAsync(context, max).ConfigureAwait(false);
    }

    private static bool IsSubscriptionValidation(MediaEvent mediaEvent) =>
        string.Equals(mediaEvent.EventType, EventGridSubscriptionValidation.SubscriptionValidationEventType, StringComparison.OrdinalIgnoreCase);

    private static string TooLarge(long? length) =>
        length is null
            ? "The body is larger than the limit of this endpoint (Webhook:MaxInputBytes)."
            : $"The body has {length} bytes, more than the limit of this endpoint (Webhook:MaxInputBytes).";

    // The validation event's code, read by the runtime's own reader of validation events: the event is rebuilt
    // around its data as it arrived.
    private static SubscriptionValidationRequest? ReadValidation(MediaEvent mediaEvent)
    {
        if (mediaEvent.RawData.IsEmpty)
        {
            return null;
        }

        byte[] prefix = Encoding.UTF8.GetBytes($"{{\"eventType\":\"{EventGridSubscriptionValidation.SubscriptionValidationEventType}\",\"data\":");
        byte[] utf8 = new byte[prefix.Length + mediaEvent.RawData.Length + 1];
        prefix.CopyTo(utf8, 0);
        mediaEvent.RawData.Span.CopyTo(utf8.AsSpan(prefix.Length));
        utf8[^1] = (byte)'}';
        return EventGridSubscriptionValidation.TryRead(utf8, out SubscriptionValidationRequest? request)
            ? new SubscriptionValidationRequest(request.ValidationCode, request.ValidationUrl, mediaEvent.Id, mediaEvent.Source)
            : null;
    }

    // The counts, then at most MaxFailuresReported failures, then how many more there were: the response stays small
    // however many events of the delivery failed.
    private Task WriteSummaryAsync(HttpContext context, MediaEventBatch batch, DeliveryOutcome outcome)
    {
        int failed = batch.Failures.Count;
        int listed = Math.Min(failed, _options.MaxFailuresReported);
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("received", batch.Count);
            writer.WriteNumber("applied", outcome.Applied);
            writer.WriteNumber("duplicates", outcome.Duplicates);
            writer.WriteNumber("notTracked", outcome.NotTracked);
            writer.WriteNumber("invalid", outcome.Invalid);
            writer.WriteNumber("failed", failed);
            writer.WriteStartArray("failures");
            for (int i = 0; i < listed; i++)
            {
                MediaEventReadFailure failure = batch.Failures[i];
                writer.WriteStartObject();
                writer.WriteNumber("index", failure.Index);
                writer.WriteString("id", failure.Id);
                writer.WriteString("eventType", failure.EventType);
                writer.WriteString("path", failure.Path);
                writer.WriteString("reason", failure.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("failuresNotListed", failed - listed);
            writer.WriteEndObject();
        }

        return Responses.WriteJsonAsync(context, StatusCodes.Status200OK, buffer.WrittenMemory);
    }

    // The first MaxFailuresReported failures one line each, then one line for the rest; the same for the events the
    // tracker found invalid (no subject, data it cannot read).
    private void LogFailures(MediaEventBatch batch, IReadOnlyList<TrackingResult> results)
    {
        int failed = batch.Failures.Count;
        int logged = Math.Min(failed, _options.MaxFailuresReported);
        for (int i = 0; i < logged; i++)
        {
            MediaEventReadFailure failure = batch.Failures[i];
            Log.EventNotRead(_logger, failure.Index, failure.Id, failure.EventType, failure.Path, failure.Reason);
        }

        if (failed > logged)
        {
            Log.MoreEventsNotRead(_logger, failed - logged, logged);
        }

        // The results follow batch.Events, the events read: their indexes in the delivery skip the failures.
        int invalid = 0;
        int next = 0;
        foreach (MediaEventReadResult read in batch)
        {
            if (!read.Succeeded)
            {
                continue;
            }

            TrackingResult result = results[next++];
            if (result.Outcome == TrackingOutcome.Invalid && ++invalid <= _options.MaxFailuresReported)
            {
                Log.EventNotApplied(_logger, read.Index, result.Event.Id, result.Event.EventType, result.Reason);
            }
        }

        if (invalid > _options.MaxFailuresReported)
        {
            Log.MoreEventsNotApplied(_logger, invalid - _options.MaxFailuresReported, _options.MaxFailuresReported);
        }
    }

    private async Task DispatchAsync(HttpContext context, long max)
    {
        DeliveryContentMode mode = DeliveryContent.Classify(context.Request, out string? unsupported);
        if (mode == DeliveryContentMode.Unsupported)
        {
            await RefuseMediaTypeAsync(context, unsupported!).ConfigureAwait(false);
            return;
        }

        if (await ReadBodyAsync(context, max).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        MediaEventBatch batch;
        try
        {
            // Read the whole delivery first, then dispatch: a malformed delivery is refused with nothing applied.
            batch = DeliveryContent.Read(MediaEventDispatcher.CreateReader(_readerOptions), mode, context.Request, body);
        }
        catch (MediaEventFormatException exception) when (exception.MaxEvents is { } limit)
        {
            // More than Event Grid ever sends in one delivery: the reader stopped at the first event past the limit.
            await RefuseAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "Too many events",
                $"The delivery holds more than {limit} events, the limit of this endpoint (Webhook:MaxEventsPerDelivery).").ConfigureAwait(false);
            return;
        }
        catch (MediaEventFormatException exception)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Not a delivery of events", exception.Message).ConfigureAwait(false);
            return;
        }

        if (DeliveryContent.UnreadableBinaryData(mode, context.Request.ContentType, batch) is { } unreadable)
        {
            await RefuseMediaTypeAsync(context, $"The binary-mode CloudEvent's data cannot be read: {unreadable.Reason}.").ConfigureAwait(false);
            return;
        }

        IReadOnlyList<TrackingResult> results;
        try
        {
            // One call for the delivery: each job and live event is read once, every event about it folded in, and
            // written once (conditionally, so that instances sharing the store lose no update). Then the events that
            // were new go to the activity log, in delivery order.
            results = await _tracker.ApplyAsync(batch.Events, context.RequestAborted).ConfigureAwait(false);
            foreach (TrackingResult result in results)
            {
                if (result.Outcome == TrackingOutcome.Applied)
                {
                    await MediaEventDispatcher.DispatchAsync(result.Event, _activity, context.RequestAborted).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away while the events were applied: no one is left to answer, and Event Grid, which saw
            // no answer, retries the delivery. The tracker skips the events it applied before that point.
            Log.DeliveryAbandoned(_logger);
            return;
        }
        catch (Exception exception)
        {
            // The body was read; applying its events failed on our side (the store could not be reached, say). A retry
            // may succeed, and the tracker skips what it had applied already.
            Log.DeliveryFailed(_logger, exception);
            await Responses.WriteProblemAsync(
                context,
                StatusCodes.Status500InternalServerError,
                "Events not applied",
                "The events could not be applied on the server's side; retry the delivery.").ConfigureAwait(false);
            return;
        }

        LogFailures(batch, results);
        var outcome = DeliveryOutcome.Count(results);
        Log.DeliveryHandled(_logger, batch.Count, outcome.Applied, outcome.Duplicates, outcome.NotTracked, outcome.Invalid, batch.Failures.Count);
        foreach (MediaEvent mediaEvent in batch.Events)
        {
            if (IsSubscriptionValidation(mediaEvent) && ReadValidation(mediaEvent) is { } validation)
            {
                await AnswerValidationAsync(context, validation).ConfigureAwait(false);
                return;
            }
        }

        await WriteSummaryAsync(context, batch, outcome).ConfigureAwait(false);
    }

    private async Task ValidateSubscriptionAsync(HttpContext context, long max)
    {
        if (await ReadBodyAsync(context, max).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        if (EventGridSubscriptionValidation.TryRead(body.Span, out SubscriptionValidationRequest? validation))
        {
            await AnswerValidationAsync(context, validation).ConfigureAwait(false);
        }
        else
        {
            await RefuseAsync(
                context,
                StatusCodes.Status400BadRequest,
                "Not a subscription validation",
                $"The {EventGridSubscriptionValidation.EventTypeHeaderName} header says {EventGridSubscriptionValidation.SubscriptionValidationHeaderValue}, "
                + $"but the body is not a {EventGridSubscriptionValidation.SubscriptionValidationEventType} with a data.validationCode.").ConfigureAwait(false);
        }
    }

    // All of the body, through the runtime's bounded read; or null once it is refused: 413 past our limit, Kestrel's
    // status when Kestrel could not read it, 400 when it broke off (nothing is written when the client went away).
    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context, long max)
    {
        try
        {
            return await BoundedStreamReader.ReadToEndAsync(context.Request.Body, max, context.RequestAborted).ConfigureAwait(false);
        }
        catch (InputTooLargeException)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large", TooLarge(null)).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel could not read the body (a malformed chunk, a body past its limit).
            await RefuseAsync(context, exception.StatusCode, "Unreadable body", exception.Message).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The body could not be read to its end (the client went away, or cancelled): nothing was applied.
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "Unreadable body", "The body could not be read: " + exception.Message).ConfigureAwait(false);
            }
        }

        return null;
    }

    private Task AnswerValidationAsync(HttpContext context, SubscriptionValidationRequest validation)
    {
        Log.SubscriptionValidated(_logger, validation.EventId, validation.Topic);
        return Responses.WriteJsonAsync(context, StatusCodes.Status200OK, EventGridSubscriptionValidation.CreateResponseUtf8(validation.ValidationCode));
    }

    // 415, listing what a delivery may be: retrying the same content cannot help.
    private Task RefuseMediaTypeAsync(HttpContext context, string detail)
    {
        context.Response.Headers["Accept-Post"] = DeliveryContentTypes.Accepted;
        return RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", detail);
    }

    private Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        Log.DeliveryRefused(_logger, status, detail);
        return Responses.WriteProblemAsync(context, status, title, detail);
    }

    // What the tracker did with the delivery's events.
    private readonly record struct DeliveryOutcome(int Applied, int Duplicates, int NotTracked, int Invalid)
    {
        public static DeliveryOutcome Count(IReadOnlyList<TrackingResult> results)
        {
            int applied = 0, duplicates = 0, notTracked = 0, invalid = 0;
            foreach (TrackingResult result in results)
            {
                switch (result.Outcome)
                {
                    case TrackingOutcome.Applied: applied++; break;
                    case TrackingOutcome.Duplicate: duplicates++; break;
                    case TrackingOutcome.NotTracked: notTracked++; break;
                    default: invalid++; break;
                }
            }

            return new DeliveryOutcome(applied, duplicates, notTracked, invalid);
        }
    }
}
