using System;
using System.Collections.Generic;

namespace MediaEvents.Webhook.State;

/// <summary>
/// The mutable state of one live event. Not thread-safe by itself: <see cref="IMediaStateStore"/> calls it under
/// the live event's lock. Each value keeps the time of the event that set it, and an older event does not overwrite it.
/// </summary>
public sealed class LiveEventState
{
    private readonly SortedDictionary<string, TrackState> _tracks = new(StringComparer.Ordinal);
    private DateTimeOffset? _encoderTime;
    private bool? _encoderConnected;
    private string? _encoder;
    private string? _streamId;
    private string? _ingestUrl;
    private DateTimeOffset? _connectedAt;
    private DateTimeOffset? _disconnectedAt;
    private string? _disconnectResultCode;
    private ConnectionRejectedStatus? _lastRejected;
    private DiscontinuityStatus? _lastDiscontinuity;
    private DroppedChunkStatus? _lastDropped;
    private OutOfSyncStatus? _lastOutOfSync;
    private ArchiveStatus? _archive;
    private long _discontinuities;
    private long _drops;
    private DateTimeOffset? _lastEventTime;
    private long _eventCount;

    /// <summary>Creates the state of a live event that has no event yet.</summary>
    public LiveEventState(string subject)
    {
        Subject = subject ?? throw new ArgumentNullException(nameof(subject));
    }

    /// <summary>The live event's subject, e.g. <c>liveEvent/studio-a</c>.</summary>
    public string Subject { get; }

    /// <summary>Events applied.</summary>
    public long EventCount => _eventCount;

    /// <summary>Counts an event of the live event.</summary>
    public void Touch(MediaEvent mediaEvent)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        _eventCount++;
        _lastEventTime = EventTime.Latest(_lastEventTime, mediaEvent.Time);
    }

    /// <summary>An encoder connected.</summary>
    public void ApplyEncoderConnected(DateTimeOffset? time, MediaLiveEventEncoderConnectedEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (SetEncoder(time, connected: true, data.EncoderIp, data.EncoderPort, data.StreamId, data.IngestUrl))
        {
            _connectedAt = time;
        }
    }

    /// <summary>The encoder disconnected.</summary>
    public void ApplyEncoderDisconnected(DateTimeOffset? time, MediaLiveEventEncoderDisconnectedEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (SetEncoder(time, connected: false, data.EncoderIp, data.EncoderPort, data.StreamId, data.IngestUrl))
        {
            _disconnectedAt = time;
            _disconnectResultCode = data.ResultCode;
        }
    }

    /// <summary>An encoder connection was refused.</summary>
    public void ApplyConnectionRejected(DateTimeOffset? time, MediaLiveEventConnectionRejectedEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (EventTime.IsCurrent(time, _lastRejected?.Time))
        {
            _lastRejected = new ConnectionRejectedStatus(Endpoint(data.EncoderIp, data.EncoderPort), data.StreamId, data.ResultCode, time);
        }
    }

    /// <summary>A track's first fragment arrived.</summary>
    public void ApplyStreamReceived(DateTimeOffset? time, MediaLiveEventIncomingStreamReceivedEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        TrackState track = Track(data.TrackName, data.TrackType);
        track.TrackType ??= data.TrackType;
        track.Bitrate ??= data.Bitrate;
        track.StreamReceivedAt = EventTime.Latest(track.StreamReceivedAt, time);
    }

    /// <summary>A track's ingest heartbeat.</summary>
    public void ApplyHeartbeat(DateTimeOffset? time, MediaLiveEventIngestHeartbeatEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        TrackState track = Track(data.TrackName, data.TrackType);
        track.HeartbeatCount++;
        if (EventTime.IsCurrent(time, track.LastHeartbeat))
        {
            track.TrackType = data.TrackType ?? track.TrackType;
            track.Bitrate = data.Bitrate;
            track.IncomingBitrate = data.IncomingBitrate;
            track.Healthy = data.Healthy;
            track.UnexpectedBitrate = data.UnexpectedBitrate;
            track.State = data.State;
            track.OverlapCount = data.OverlapCount;
            track.DiscontinuityCount = data.DiscontinuityCount;
            track.NonincreasingCount = data.NonincreasingCount;
            track.LastTimestamp = data.LastTimestamp;
            track.Timescale = data.Timescale;
            track.LastHeartbeat = EventTime.Latest(track.LastHeartbeat, time);
        }
    }

    /// <summary>A timestamp discontinuity on a track.</summary>
    public void ApplyDiscontinuity(DateTimeOffset? time, MediaLiveEventTrackDiscontinuityDetectedEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _discontinuities++;
        if (EventTime.IsCurrent(time, _lastDiscontinuity?.Time))
        {
            _lastDiscontinuity = new DiscontinuityStatus(data.TrackName, data.TrackType, data.PreviousTimestamp, data.NewTimestamp, data.DiscontinuityGap, data.Timescale, time);
        }
    }

    /// <summary>A data chunk was dropped.</summary>
    public void ApplyDroppedChunk(DateTimeOffset? time, MediaLiveEventIncomingDataChunkDroppedEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _drops++;
        if (EventTime.IsCurrent(time, _lastDropped?.Time))
        {
            _lastDropped = new DroppedChunkStatus(data.TrackName, data.TrackType, data.Timestamp, data.Timescale, data.ResultCode, time);
        }
    }

    /// <summary>Streams are out of sync.</summary>
    public void ApplyOutOfSync(DateTimeOffset? time, string kind, string detail)
    {
        if (EventTime.IsCurrent(time, _lastOutOfSync?.Time))
        {
            _lastOutOfSync = new OutOfSyncStatus(kind, detail, time);
        }
    }

    /// <summary>An archive heartbeat.</summary>
    public void ApplyArchiveHeartbeat(DateTimeOffset? time, MediaLiveEventChannelArchiveHeartbeatEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (EventTime.IsCurrent(time, _archive?.Time))
        {
            _archive = new ArchiveStatus(data.ChannelLatencyMs, data.LatencyResultCode, time);
        }
    }

    /// <summary>A copy for <c>/status</c>.</summary>
    public LiveEventStatus ToStatus()
    {
        var tracks = new SortedDictionary<string, TrackStatus>(StringComparer.Ordinal);
        foreach ((string name, TrackState track) in _tracks)
        {
            tracks.Add(name, track.ToStatus(name));
        }

        return new LiveEventStatus
        {
            EncoderConnected = _encoderConnected,
            Encoder = _encoder,
            StreamId = _streamId,
            IngestUrl = _ingestUrl,
            ConnectedAt = _connectedAt,
            DisconnectedAt = _disconnectedAt,
            DisconnectResultCode = _disconnectResultCode,
            LastRejectedConnection = _lastRejected,
            Tracks = tracks,
            LastDiscontinuity = _lastDiscontinuity,
            LastDroppedChunk = _lastDropped,
            LastOutOfSync = _lastOutOfSync,
            Archive = _archive,
            DiscontinuityCount = _discontinuities,
            DroppedChunkCount = _drops,
            LastEventTime = _lastEventTime,
            EventCount = _eventCount,
        };
    }

    private static string? Endpoint(string? ip, string? port) =>
        ip is null ? null : port is null ? ip : ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]:{port}" : $"{ip}:{port}";

    private bool SetEncoder(DateTimeOffset? time, bool connected, string? ip, string? port, string? streamId, string? ingestUrl)
    {
        if (!EventTime.IsCurrent(time, _encoderTime))
        {
            return false;
        }

        _encoderConnected = connected;
        _encoder = Endpoint(ip, port) ?? _encoder;
        _streamId = streamId ?? _streamId;
        _ingestUrl = ingestUrl ?? _ingestUrl;
        _encoderTime = EventTime.Latest(_encoderTime, time);
        return true;
    }

    private TrackState Track(string? name, string? type)
    {
        string key = name ?? type ?? "(unnamed)";
        if (!_tracks.TryGetValue(key, out TrackState? track))
        {
            track = new TrackState();
            _tracks.Add(key, track);
        }

        return track;
    }

    private sealed class TrackState
    {
        public string? TrackType { get; set; }

        public long? Bitrate { get; set; }

        public long? IncomingBitrate { get; set; }

        public bool? Healthy { get; set; }

        public bool? UnexpectedBitrate { get; set; }

        public string? State { get; set; }

        public long? OverlapCount { get; set; }

        public long? DiscontinuityCount { get; set; }

        public long? NonincreasingCount { get; set; }

        public string? LastTimestamp { get; set; }

        public string? Timescale { get; set; }

        public DateTimeOffset? LastHeartbeat { get; set; }

        public long HeartbeatCount { get; set; }

        public DateTimeOffset? StreamReceivedAt { get; set; }

        public TrackStatus ToStatus(string name) => new()
        {
            TrackName = name,
            TrackType = TrackType,
            Bitrate = Bitrate,
            IncomingBitrate = IncomingBitrate,
            Healthy = Healthy,
            UnexpectedBitrate = UnexpectedBitrate,
            State = State,
            OverlapCount = OverlapCount,
            DiscontinuityCount = DiscontinuityCount,
            NonincreasingCount = NonincreasingCount,
            LastTimestamp = LastTimestamp,
            Timescale = Timescale,
            LastHeartbeat = LastHeartbeat,
            HeartbeatCount = HeartbeatCount,
            StreamReceivedAt = StreamReceivedAt,
        };
    }
}
