namespace MediaEvents.Tracking;

/// <summary>The result of applying one event.</summary>
/// <param name="Event">The event.</param>
/// <param name="Outcome">What applying it did.</param>
/// <param name="Key">The resource it belongs to, when it could be told.</param>
/// <param name="Reason">Why an event was <see cref="TrackingOutcome.Invalid"/> or <see cref="TrackingOutcome.NotTracked"/>.</param>
public sealed record TrackingResult(MediaEvent Event, TrackingOutcome Outcome, MediaEntityKey? Key = null, string? Reason = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Event.EventType} {Event.Id}: {Outcome}" + (Key is MediaEntityKey key ? $" ({key})" : "") + (Reason is null ? "" : $": {Reason}");
}
