namespace MediaEvents.Tracking.Folding;

/// <summary>
/// Which of two reported states of a job (or job output) is the current one. A final state beats every state that
/// is not, whatever their times: Finished, Canceled and Error are final, so a Processing delivered late (or with a
/// skewed clock) never reopens a finished job. Otherwise the later event wins; for equal times the state further
/// along (Scheduled, Processing, Canceling, final) wins, then the greater event id, so the choice never depends on
/// the order of arrival.
/// </summary>
internal static class StateOrder
{
    public static bool Supersedes(JobState candidate, EventStamp candidateEvent, JobState? current, EventStamp? currentEvent)
    {
        if (current is not JobState state || currentEvent is not EventStamp stamp)
        {
            return true;
        }

        if (candidate.IsFinal != state.IsFinal)
        {
            return candidate.IsFinal;
        }

        int byTime = candidateEvent.Time.CompareTo(stamp.Time);
        if (byTime != 0)
        {
            return byTime > 0;
        }

        if (candidate.Rank != state.Rank)
        {
            return candidate.Rank > state.Rank;
        }

        return string.CompareOrdinal(candidateEvent.EventId, stamp.EventId) > 0;
    }
}
