using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using MediaEvents.Json;
using MediaEvents.Tracking.Folding;

namespace MediaEvents.Tracking;

/// <summary>
/// The current state of a live event, folded from its LiveEvent events in whatever order they came: each encoder
/// stream's connection, each track's ingest health, the latest out-of-sync warnings and the archive latency.
/// </summary>
public sealed record LiveEventSnapshot : EntitySnapshot
{
    private static readonly ValueList<EncoderConnection> s_noStreams = new([]);
    private static readonly ValueList<LiveTrackSnapshot> s_noTracks = new([]);

    /// <summary>The encoder streams (connections), by stream id in ordinal order.</summary>
    public ValueList<EncoderConnection> Streams { get; init; } = s_noStreams;

    /// <summary>The tracks, by name in ordinal order.</summary>
    public ValueList<LiveTrackSnapshot> Tracks { get; init; } = s_noTracks;

    /// <summary>The latest warning that audio and video were out of sync.</summary>
    public StreamsOutOfSyncWarning? StreamsOutOfSync { get; init; }

    /// <summary>The latest warning that two video streams were out of sync.</summary>
    public VideoStreamsOutOfSyncWarning? VideoStreamsOutOfSync { get; init; }

    /// <summary>The latest archive heartbeat, with the archive latency.</summary>
    public ArchiveHeartbeat? Archive { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override MediaEntityKind Kind => MediaEntityKind.LiveEvent;

    /// <summary>Whether an encoder stream is connected now (its latest connection event says connected).</summary>
    [JsonIgnore]
    public bool IsEncoderConnected => Streams.Any(static stream => stream.Status == EncoderConnectionStatus.Connected);

    /// <summary>The stream with <paramref name="streamId"/>, or <see langword="null"/>.</summary>
    public EncoderConnection? GetStream(string streamId) => KeyedList.Find(Streams, streamId, static stream => stream.StreamId);

    /// <summary>The track named <paramref name="trackName"/>, or <see langword="null"/>.</summary>
    public LiveTrackSnapshot? GetTrack(string trackName) => KeyedList.Find(Tracks, trackName, static track => track.TrackName);

    /// <summary>The tracks nothing was heard of for longer than <paramref name="staleAfter"/> before <paramref name="now"/>.</summary>
    public IReadOnlyList<LiveTrackSnapshot> GetStaleTracks(DateTimeOffset now, TimeSpan staleAfter) =>
        Tracks.Where(track => track.IsStale(now, staleAfter)).ToArray();

    internal LiveEventSnapshot WithConnection(EncoderConnection connection) =>
        this with
        {
            Streams = KeyedList.Change(
                Streams,
                connection.StreamId,
                static stream => stream.StreamId,
                _ => connection,
                current => Registers.Supersedes(connection.Event, current.Event) ? connection : current),
        };

    internal LiveEventSnapshot WithTrack(string trackName, Func<LiveTrackSnapshot, LiveTrackSnapshot> change) =>
        this with { Tracks = KeyedList.Change(Tracks, trackName, static track => track.TrackName, static name => new LiveTrackSnapshot { TrackName = name }, change) };

    internal LiveEventSnapshot WithStreamsOutOfSync(StreamsOutOfSyncWarning warning) =>
        Registers.Supersedes(warning.Event, StreamsOutOfSync?.Event) ? this with { StreamsOutOfSync = warning } : this;

    internal LiveEventSnapshot WithVideoStreamsOutOfSync(VideoStreamsOutOfSyncWarning warning) =>
        Registers.Supersedes(warning.Event, VideoStreamsOutOfSync?.Event) ? this with { VideoStreamsOutOfSync = warning } : this;

    internal LiveEventSnapshot WithArchive(ArchiveHeartbeat heartbeat) =>
        Registers.Supersedes(heartbeat.Event, Archive?.Event) ? this with { Archive = heartbeat } : this;
}
