using System;
using static MediaEvents.Tracking.Tests.DocEvents;

namespace MediaEvents.Tracking.Tests;

/// <summary>Realistic event sequences, in time order, built from the documentation's payloads.</summary>
internal static class Scenarios
{
    private static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    /// <summary>
    /// A job with two outputs: the encoder output finishes, the analyzer output fails, so the job ends in Error.
    /// Subscribed to everything, so JobStateChange repeats each JobX event; progress heartbeats repeat values; a
    /// progress report comes after the final state (it must be ignored).
    /// </summary>
    public static MediaEvent[] JobThatErrors() =>
    [
        JobState("JobScheduled", "j01", At(0), "Queued", "Scheduled"),
        JobState("JobStateChange", "j02", At(0), "Queued", "Scheduled"),
        OutputState("JobOutputScheduled", "j03", At(4), "Queued", Output("Scheduled", 0)),
        JobState("JobProcessing", "j04", At(5), "Scheduled", "Processing"),
        JobState("JobStateChange", "j05", At(5), "Scheduled", "Processing"),
        OutputState("JobOutputProcessing", "j06", At(6), "Scheduled", Output("Processing", 0)),
        Progress("j07", At(20), 10),
        Progress("j08", At(50), 40),
        Progress("j09", At(80), 86),
        Progress("j10", At(110), 86),
        OutputState("JobOutputFinished", "j11", At(120), "Processing", Output("Finished", 100)),
        OutputState("JobOutputProcessing", "j12", At(121), "Scheduled", Output("Processing", 0, "Analyzer")),
        Progress("j13", At(140), 30, "Analyzer"),
        OutputState("JobOutputErrored", "j14", At(150), "Processing", Output("Error", 30, "Analyzer", Error("ContentMalformed", "DoNotRetry"))),
        JobState("JobStateChange", "j15", At(160), "Processing", "Error"),
        JobFinal("JobErrored", "j16", At(160), "Error", Output("Finished", 100), Output("Error", 30, "Analyzer", Error("ContentMalformed", "DoNotRetry"))),
        Progress("j17", At(170), 35, "Analyzer"),
    ];

    /// <summary>
    /// A live event: an encoder connects, two tracks start, heartbeats every 20 seconds (one unhealthy), a
    /// discontinuity, a dropped chunk, both out-of-sync warnings, archive heartbeats; the encoder disconnects and
    /// heartbeats keep coming (unhealthy, no bitrate); a second encoder is rejected.
    /// </summary>
    public static MediaEvent[] LiveEventSession() =>
    [
        Connected("l01", At(0)),
        StreamReceived("l02", At(1), "video"),
        StreamReceived("l03", At(1.5), "audio"),
        Heartbeat("l04", At(20), "video"),
        Heartbeat("l05", At(20), "audio"),
        Discontinuity("l06", At(35), "video"),
        ChunkDropped("l07", At(36), "video"),
        Heartbeat("l08", At(40), "video", healthy: false),
        Heartbeat("l09", At(40), "audio"),
        StreamsOutOfSync("l10", At(45)),
        VideoStreamsOutOfSync("l11", At(46)),
        ArchiveHeartbeat("l12", At(50), "1500"),
        Heartbeat("l13", At(60), "video", drift: "2"),
        Heartbeat("l14", At(60), "audio"),
        ArchiveHeartbeat("l15", At(70), "2500"),
        Disconnected("l16", At(75), "MPE_CLIENT_DISCONNECTED"),
        Heartbeat("l17", At(80), "video", healthy: false, incomingBitrate: 0, drift: "n/a", arrival: "2018-10-12 16:13:33:123000"),
        Heartbeat("l18", At(80), "audio", healthy: false, incomingBitrate: 0, drift: "n/a"),
        Rejected("l19", At(90)),
    ];
}
