using System;
using System.Globalization;
using MediaEvents.Tracking.Media;

namespace MediaEvents.Tracking.Folding;

internal static partial class MediaEventObserver
{
    private static Func<EntitySnapshot, EntitySnapshot>? ObserveLiveEvent(string type, EventStamp stamp, ReadOnlySpan<byte> data) => type switch
    {
        MediaEventTypes.LiveEventEncoderConnected => Connected(stamp, Read(data, Context.MediaLiveEventEncoderConnectedEventData)),
        MediaEventTypes.LiveEventEncoderDisconnected => Disconnected(stamp, Read(data, Context.MediaLiveEventEncoderDisconnectedEventData)),
        MediaEventTypes.LiveEventConnectionRejected => Rejected(stamp, Read(data, Context.MediaLiveEventConnectionRejectedEventData)),
        MediaEventTypes.LiveEventIngestHeartbeat => Heartbeat(stamp, Read(data, Context.MediaLiveEventIngestHeartbeatEventData)),
        MediaEventTypes.LiveEventIncomingStreamReceived => StreamReceived(stamp, Read(data, Context.MediaLiveEventIncomingStreamReceivedEventData)),
        MediaEventTypes.LiveEventTrackDiscontinuityDetected => Discontinuity(stamp, Read(data, Context.MediaLiveEventTrackDiscontinuityDetectedEventData)),
        MediaEventTypes.LiveEventIncomingDataChunkDropped => ChunkDropped(stamp, Read(data, Context.MediaLiveEventIncomingDataChunkDroppedEventData)),
        MediaEventTypes.LiveEventIncomingStreamsOutOfSync => StreamsOutOfSync(stamp, Read(data, Context.MediaLiveEventIncomingStreamsOutOfSyncEventData)),
        MediaEventTypes.LiveEventIncomingVideoStreamsOutOfSync => VideoStreamsOutOfSync(stamp, Read(data, Context.MediaLiveEventIncomingVideoStreamsOutOfSyncEventData)),
        MediaEventTypes.LiveEventChannelArchiveHeartbeat => ArchiveHeartbeat(stamp, Read(data, Context.MediaLiveEventChannelArchiveHeartbeatEventData)),
        _ => throw new UnusableDataException($"'{type}' is a live-event type the tracker does not know how to apply."),
    };

    private static Func<EntitySnapshot, EntitySnapshot>? Connected(EventStamp stamp, MediaLiveEventEncoderConnectedEventData? data) =>
        data is null ? null : Connection(new EncoderConnection
        {
            StreamId = data.StreamId ?? string.Empty,
            Status = EncoderConnectionStatus.Connected,
            IngestUrl = data.IngestUrl,
            EncoderIp = data.EncoderIp,
            EncoderPort = data.EncoderPort,
            Event = stamp,
        });

    private static Func<EntitySnapshot, EntitySnapshot>? Disconnected(EventStamp stamp, MediaLiveEventEncoderDisconnectedEventData? data) =>
        data is null ? null : Connection(new EncoderConnection
        {
            StreamId = data.StreamId ?? string.Empty,
            Status = EncoderConnectionStatus.Disconnected,
            ResultCode = data.ResultCode,
            IngestUrl = data.IngestUrl,
            EncoderIp = data.EncoderIp,
            EncoderPort = data.EncoderPort,
            Event = stamp,
        });

    private static Func<EntitySnapshot, EntitySnapshot>? Rejected(EventStamp stamp, MediaLiveEventConnectionRejectedEventData? data) =>
        data is null ? null : Connection(new EncoderConnection
        {
            StreamId = data.StreamId ?? string.Empty,
            Status = EncoderConnectionStatus.Rejected,
            ResultCode = data.ResultCode,
            IngestUrl = data.IngestUrl,
            EncoderIp = data.EncoderIp,
            EncoderPort = data.EncoderPort,
            Event = stamp,
        });

    private static Func<EntitySnapshot, EntitySnapshot> Connection(EncoderConnection connection) =>
        snapshot => ((LiveEventSnapshot)snapshot).WithConnection(connection);

    private static Func<EntitySnapshot, EntitySnapshot>? Heartbeat(EventStamp stamp, MediaLiveEventIngestHeartbeatEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        var heartbeat = new IngestHeartbeat
        {
            Event = stamp,
            TrackType = data.TrackType,
            Bitrate = data.Bitrate,
            IncomingBitrate = data.IncomingBitrate,
            LastTimestamp = Number(data.LastTimestamp),
            Timescale = Number(data.Timescale),
            OverlapCount = data.OverlapCount,
            DiscontinuityCount = data.DiscontinuityCount,
            NonIncreasingCount = data.NonincreasingCount,
            UnexpectedBitrate = data.UnexpectedBitrate,
            State = data.State,
            Healthy = data.Healthy,
            LastFragmentArrivalTime = ArrivalTime(data.LastFragmentArrivalTime),
            IngestDrift = data.IngestDriftValue,
            TranscriptionState = data.TranscriptionState,
            TranscriptionLanguage = data.TranscriptionLanguage,
        };
        return Track(data.TrackName, track => track.WithHeartbeat(heartbeat));
    }

    private static Func<EntitySnapshot, EntitySnapshot>? StreamReceived(EventStamp stamp, MediaLiveEventIncomingStreamReceivedEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        var received = new StreamReceived
        {
            Event = stamp,
            TrackType = data.TrackType,
            Bitrate = data.Bitrate,
            IngestUrl = data.IngestUrl,
            Timestamp = Number(data.Timestamp),
            Duration = Number(data.Duration),
            Timescale = Number(data.Timescale),
        };
        return Track(data.TrackName, track => track.WithStreamReceived(received));
    }

    private static Func<EntitySnapshot, EntitySnapshot>? Discontinuity(EventStamp stamp, MediaLiveEventTrackDiscontinuityDetectedEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        var discontinuity = new TrackDiscontinuity
        {
            Event = stamp,
            PreviousTimestamp = Number(data.PreviousTimestamp),
            NewTimestamp = Number(data.NewTimestamp),
            Gap = Number(data.DiscontinuityGap),
            Timescale = Number(data.Timescale),
        };
        return Track(data.TrackName, track => track.WithDiscontinuity(discontinuity));
    }

    private static Func<EntitySnapshot, EntitySnapshot>? ChunkDropped(EventStamp stamp, MediaLiveEventIncomingDataChunkDroppedEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        var dropped = new DroppedChunk
        {
            Event = stamp,
            ResultCode = data.ResultCode,
            Timestamp = Number(data.Timestamp),
            Timescale = Number(data.Timescale),
        };
        return Track(data.TrackName, track => track.WithDroppedChunk(dropped));
    }

    private static Func<EntitySnapshot, EntitySnapshot> Track(string? trackName, Func<LiveTrackSnapshot, LiveTrackSnapshot> change) =>
        snapshot => ((LiveEventSnapshot)snapshot).WithTrack(trackName ?? string.Empty, change);

    private static Func<EntitySnapshot, EntitySnapshot>? StreamsOutOfSync(EventStamp stamp, MediaLiveEventIncomingStreamsOutOfSyncEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        var warning = new StreamsOutOfSyncWarning
        {
            Event = stamp,
            MinLastTimestamp = Number(data.MinLastTimestamp),
            TypeOfStreamWithMinLastTimestamp = data.TypeOfStreamWithMinLastTimestamp,
            MaxLastTimestamp = Number(data.MaxLastTimestamp),
            TypeOfStreamWithMaxLastTimestamp = data.TypeOfStreamWithMaxLastTimestamp,
            TimescaleOfMinLastTimestamp = Number(data.TimescaleOfMinLastTimestamp),
            TimescaleOfMaxLastTimestamp = Number(data.TimescaleOfMaxLastTimestamp),
        };
        return snapshot => ((LiveEventSnapshot)snapshot).WithStreamsOutOfSync(warning);
    }

    private static Func<EntitySnapshot, EntitySnapshot>? VideoStreamsOutOfSync(EventStamp stamp, MediaLiveEventIncomingVideoStreamsOutOfSyncEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        var warning = new VideoStreamsOutOfSyncWarning
        {
            Event = stamp,
            FirstTimestamp = Number(data.FirstTimestamp),
            FirstDuration = Number(data.FirstDuration),
            SecondTimestamp = Number(data.SecondTimestamp),
            SecondDuration = Number(data.SecondDuration),
            Timescale = Number(data.Timescale),
        };
        return snapshot => ((LiveEventSnapshot)snapshot).WithVideoStreamsOutOfSync(warning);
    }

    private static Func<EntitySnapshot, EntitySnapshot>? ArchiveHeartbeat(EventStamp stamp, MediaLiveEventChannelArchiveHeartbeatEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        var heartbeat = new ArchiveHeartbeat
        {
            Event = stamp,
            ChannelLatencyMs = Number(data.ChannelLatencyMs),
            LatencyResultCode = data.LatencyResultCode,
        };
        return snapshot => ((LiveEventSnapshot)snapshot).WithArchive(heartbeat);
    }

    // ISO 8601 as the heartbeat example sends it, or the "2020-11-11 12:12:12:888999" the documentation describes;
    // either is UTC. Anything else is left out rather than guessed at.
    private static DateTimeOffset? ArrivalTime(string? value)
    {
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd HH:mm:ss:FFFFFFF", CultureInfo.InvariantCulture, Utc, out DateTimeOffset described) ||
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Utc, out described))
        {
            return described;
        }

        return null;
    }
}
