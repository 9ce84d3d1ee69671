using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace MediaEvents.Tracking;

/// <summary>
/// Keeps snapshots in memory, for one process: the default store of <see cref="MediaStateTracker"/>. Thread-safe;
/// its operations complete synchronously.
/// </summary>
public sealed class InMemoryMediaStateStore : IMediaStateStore
{
    private readonly ConcurrentDictionary<MediaEntityKey, StoredSnapshot> _snapshots = new();
    private long _version;

    /// <summary>The keys of the resources that have a snapshot.</summary>
    public IReadOnlyCollection<MediaEntityKey> Keys => _snapshots.Keys.ToArray();

    /// <inheritdoc />
    public ValueTask<StoredSnapshot?> ReadAsync(MediaEntityKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(_snapshots.GetValueOrDefault(key));
    }

    /// <inheritdoc />
    public ValueTask<string?> TryWriteAsync(MediaEntityKey key, EntitySnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = new StoredSnapshot(snapshot, Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture));
        if (expectedVersion is null)
        {
            return new(_snapshots.TryAdd(key, stored) ? stored.Version : null);
        }

        // Versions are unique, so a stored snapshot with the expected version is the one the writer read.
        return new(_snapshots.TryGetValue(key, out StoredSnapshot? current) &&
            current.Version == expectedVersion &&
            _snapshots.TryUpdate(key, stored, current)
                ? stored.Version
                : null);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredSnapshot> ReadAllAsync(MediaEntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Enumerating a ConcurrentDictionary neither locks it nor fails when it changes meanwhile.
        foreach (KeyValuePair<MediaEntityKey, StoredSnapshot> entry in _snapshots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Key.Kind == kind)
            {
                yield return entry.Value;
            }
        }

        // Nothing here waits; an async iterator still needs one await.
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
