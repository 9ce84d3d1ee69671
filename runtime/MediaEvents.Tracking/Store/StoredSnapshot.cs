namespace MediaEvents.Tracking;

/// <summary>A snapshot as a store holds it, with the version a conditional write names.</summary>
/// <param name="Snapshot">The snapshot.</param>
/// <param name="Version">The store's version of it (an ETag, a sequence number); opaque to the tracker.</param>
public sealed record StoredSnapshot(EntitySnapshot Snapshot, string Version);
