using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaEvents.Tracking;

namespace MediaEvents.QueueWorkerSample.Tests;

/// <summary>A handler made of a delegate.</summary>
internal sealed class DelegateHandler(Func<MediaEvent, QueuedMessageInfo, CancellationToken, Task> handle) : IQueuedEventHandler
{
    /// <inheritdoc />
    public async ValueTask HandleAsync(MediaEvent mediaEvent, QueuedMessageInfo message, CancellationToken cancellationToken) =>
        await handle(mediaEvent, message, cancellationToken);
}

/// <summary>
/// A store over the in-memory one whose writes can be held at a gate or made to fail, and which counts the writes
/// that went through: what a test needs to see when, relative to the write, a message is deleted.
/// </summary>
internal sealed class ControlledStore : IMediaStateStore
{
    private readonly InMemoryMediaStateStore _inner = new();
    private int _failuresLeft;
    private int _writes;

    /// <summary>Writes wait here while it is not completed (it starts open).</summary>
    public TaskCompletionSource Gate { get; set; } = Open();

    /// <summary>Completed when a write reaches the gate.</summary>
    public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The writes that went through.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>What a failing write throws.</summary>
    public Func<Exception> Failure { get; set; } = static () => new InvalidOperationException("The store is down (a test's store).");

    /// <summary>Makes the next <paramref name="count"/> writes throw <see cref="Failure"/>, as a store that is down does.</summary>
    public void FailNext(int count) => _failuresLeft = count;

    /// <inheritdoc />
    public ValueTask<StoredSnapshot?> ReadAsync(MediaEntityKey key, CancellationToken cancellationToken = default) => _inner.ReadAsync(key, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredSnapshot> ReadAllAsync(MediaEntityKind kind, CancellationToken cancellationToken = default) => _inner.ReadAllAsync(kind, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<string?> TryWriteAsync(MediaEntityKey key, EntitySnapshot snapshot, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        WriteStarted.TrySetResult();
        await Gate.Task;
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw Failure();
        }

        string? version = await _inner.TryWriteAsync(key, snapshot, expectedVersion, cancellationToken);
        Interlocked.Increment(ref _writes);
        return version;
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
