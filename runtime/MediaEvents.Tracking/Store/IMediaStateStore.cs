using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.Tracking;

/// <summary>
/// Where a <see cref="MediaStateTracker"/> keeps snapshots: one per resource, each with a version that changes on
/// every write. A write names the version it read and fails if another writer got there first (optimistic
/// concurrency, as an ETag gives it); the tracker then reads again and re-applies, which converges because applying
/// events is commutative and idempotent. Many tracker instances may share one store.
/// </summary>
/// <remarks>
/// A store persists snapshots as it likes; <see cref="MediaStateJson"/> writes and reads them as JSON. The
/// default is <see cref="InMemoryMediaStateStore"/>.
/// </remarks>
public interface IMediaStateStore
{
    /// <summary>Reads the snapshot of the resource, or <see langword="null"/> when there is none yet.</summary>
    /// <param name="key">The resource.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<StoredSnapshot?> ReadAsync(MediaEntityKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the snapshot of the resource if its stored version is still <paramref name="expectedVersion"/>
    /// (<see langword="null"/>: if there is no snapshot yet).
    /// </summary>
    /// <param name="key">The resource.</param>
    /// <param name="snapshot">The new snapshot.</param>
    /// <param name="expectedVersion">The version the snapshot was computed from, as <see cref="ReadAsync"/> returned it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new version; <see langword="null"/> when the stored version was another (nothing was written).</returns>
    ValueTask<string?> TryWriteAsync(MediaEntityKey key, EntitySnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every snapshot of the resources of <paramref name="kind"/>, in no particular order: each as it was when
    /// it was read, not all at one instant (writes may go on meanwhile).
    /// </summary>
    /// <param name="kind">The kind of resource to list.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <remarks>
    /// For an overview (a status page, a report), not for the tracker's own work, which reads one resource at a time.
    /// A shared store lists by a query over all of its resources, so the cost grows with their number.
    /// </remarks>
    IAsyncEnumerable<StoredSnapshot> ReadAllAsync(MediaEntityKind kind, CancellationToken cancellationToken = default);
}
