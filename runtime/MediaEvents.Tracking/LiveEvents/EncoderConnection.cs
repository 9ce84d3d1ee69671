using System;
using System.Text.Json.Serialization;

namespace MediaEvents.Tracking;

/// <summary>The connection of one encoder stream to a live event, from the latest connection event for that stream.</summary>
public sealed record EncoderConnection
{
    /// <summary>The stream (connection) id the encoder put in the ingest URL (the empty string when none was sent).</summary>
    public required string StreamId { get; init; }

    /// <summary>Connected, disconnected or rejected.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<EncoderConnectionStatus>))]
    public EncoderConnectionStatus Status { get; init; }

    /// <summary>Why the encoder disconnected or was rejected, e.g. <c>S_OK</c> or <c>MPE_INGEST_CODEC_NOT_SUPPORTED</c>.</summary>
    public string? ResultCode { get; init; }

    /// <summary>The ingest URL the encoder used.</summary>
    public string? IngestUrl { get; init; }

    /// <summary>The encoder's IP address (the service masks its last part).</summary>
    public string? EncoderIp { get; init; }

    /// <summary>The encoder's port.</summary>
    public string? EncoderPort { get; init; }

    /// <summary>The event this connection state comes from.</summary>
    public required EventStamp Event { get; init; }

    /// <summary>
    /// Whether this is a disconnection the documentation calls graceful (<c>S_OK</c>, the client ending the
    /// session, a channel reset or stop, the end of the stream) rather than an error.
    /// </summary>
    [JsonIgnore]
    public bool IsGracefulDisconnect => Status == EncoderConnectionStatus.Disconnected && ResultCode is
        "S_OK" or "MPE_CLIENT_TERMINATED_SESSION" or "MPE_CLIENT_DISCONNECTED" or
        "MPI_REST_API_CHANNEL_RESET" or "MPI_REST_API_CHANNEL_STOP" or "MPI_STREAM_HIT_EOF";
}
