namespace MediaEvents.Tracking;

/// <summary>What the latest connection event of an encoder's stream said.</summary>
public enum EncoderConnectionStatus
{
    /// <summary>The encoder connected (LiveEventEncoderConnected).</summary>
    Connected,

    /// <summary>The encoder disconnected (LiveEventEncoderDisconnected); the result code says why.</summary>
    Disconnected,

    /// <summary>The encoder's connection attempt was rejected (LiveEventConnectionRejected); the result code says why.</summary>
    Rejected,
}
