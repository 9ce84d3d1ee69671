using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using MediaEvents.Tracking;
using MediaEvents.Webhook.Status;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaEvents.Webhook;

/// <summary>
/// <c>GET /status</c>: every job and live event in the tracker's store, as JSON (source-generated serialization).
/// Needs the secret. With a shared store, every instance answers the same.
/// </summary>
public sealed class StatusEndpoint
{
    private readonly SharedSecret _secret;
    private readonly MediaStateTracker _tracker;
    private readonly ILogger<StatusEndpoint> _logger;

    /// <summary>Creates the endpoint.</summary>
    public StatusEndpoint(SharedSecret secret, MediaStateTracker tracker, ILogger<StatusEndpoint> logger)
    {
        _secret = secret ?? throw new ArgumentNullException(nameof(secret));
        _tracker = tracker ?? throw new ArgumentNullException(nameof(tracker));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Writes the state; 503 when the store cannot be read.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SecretCheck check = _secret.Check(context.Request);
        if (check != SecretCheck.Accepted)
        {
            string detail = _secret.Describe(check);
            Log.Unauthorized(_logger, context.Request.Path, detail);
            await Responses.WriteProblemAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail).ConfigureAwait(false);
            return;
        }

        StatusSnapshot status;
        try
        {
            status = await ReadAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.StatusFailed(_logger, exception);
            await Responses.WriteProblemAsync(
                context, StatusCodes.Status503ServiceUnavailable, "State unavailable", "The state store could not be read; try again later.").ConfigureAwait(false);
            return;
        }

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(status, WebhookJsonContext.Default.StatusSnapshot);
        context.Response.Headers.CacheControl = "no-store";
        await Responses.WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }

    // Sorted by subject: the store lists in an order of its own.
    private async Task<StatusSnapshot> ReadAsync(HttpContext context)
    {
        var jobs = new SortedDictionary<string, JobStatus>(StringComparer.Ordinal);
        await foreach (JobSnapshot job in _tracker.GetJobsAsync(context.RequestAborted).ConfigureAwait(false))
        {
            jobs[job.Subject] = JobStatus.From(job);
        }

        var liveEvents = new SortedDictionary<string, LiveEventStatus>(StringComparer.Ordinal);
        await foreach (LiveEventSnapshot liveEvent in _tracker.GetLiveEventsAsync(context.RequestAborted).ConfigureAwait(false))
        {
            liveEvents[liveEvent.Subject] = LiveEventStatus.From(liveEvent, _tracker.GetStaleTracks(liveEvent));
        }

        return new StatusSnapshot { Jobs = jobs, LiveEvents = liveEvents };
    }
}
