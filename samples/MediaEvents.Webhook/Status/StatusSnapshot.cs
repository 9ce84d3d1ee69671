using System.Collections.Generic;

namespace MediaEvents.Webhook.Status;

/// <summary>
/// What <c>GET /status</c> returns: every job and live event the state store holds, by subject in ordinal order.
/// Made from the tracker's snapshots alone, so the same events give the same bytes, whatever their order, however
/// often they were delivered and whichever instance applied them; only <see cref="LiveEventStatus.StaleTracks"/>
/// also depends on the clock.
/// </summary>
public sealed record StatusSnapshot
{
    /// <summary>The jobs, by subject (<c>transforms/T/jobs/J</c>).</summary>
    public required IReadOnlyDictionary<string, JobStatus> Jobs { get; init; }

    /// <summary>The live events, by subject (<c>liveEvent/L</c>).</summary>
    public required IReadOnlyDictionary<string, LiveEventStatus> LiveEvents { get; init; }
}
