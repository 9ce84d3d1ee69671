namespace MediaEvents.Tracking;

/// <summary>The kinds of Media Services resources the tracker follows.</summary>
public enum MediaEntityKind
{
    /// <summary>A job (subject <c>transforms/{transform}/jobs/{job}</c>), from the Job and JobOutput events.</summary>
    Job,

    /// <summary>A live event (subject <c>liveEvent/{name}</c>), from the LiveEvent events.</summary>
    LiveEvent,
}
