using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MediaEvents.QueueWorkerSample.Tests;

/// <summary>A logger that keeps what the worker logs, with waits on it (the worker's log is how a test sees extensions).</summary>
internal sealed class RecordingLogger : ILogger<QueueWorker>
{
    private readonly List<(EventId Id, string Message)> _entries = [];
    private readonly List<(int EventId, int Count, TaskCompletionSource Done)> _waits = [];

    /// <summary>The messages logged with event id <paramref name="eventId"/>.</summary>
    public string[] Messages(int eventId)
    {
        lock (_entries)
        {
            return _entries.Where(entry => entry.Id.Id == eventId).Select(static entry => entry.Message).ToArray();
        }
    }

    /// <summary>Waits until <paramref name="count"/> entries with event id <paramref name="eventId"/> were logged.</summary>
    public async Task WaitForAsync(int eventId, int count, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_entries)
        {
            if (_entries.Count(entry => entry.Id.Id == eventId) >= count)
            {
                return;
            }

            _waits.Add((eventId, count, done));
        }

        if (await Task.WhenAny(done.Task, Task.Delay(timeout)) != done.Task)
        {
            throw new TimeoutException($"Fewer than {count} log entries with event id {eventId} within {timeout.TotalSeconds} s.");
        }
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((eventId, formatter(state, exception)));
            int logged = _entries.Count(entry => entry.Id.Id == eventId.Id);
            for (int i = _waits.Count - 1; i >= 0; i--)
            {
                if (_waits[i].EventId == eventId.Id && logged >= _waits[i].Count)
                {
                    _waits[i].Done.TrySetResult();
                    _waits.RemoveAt(i);
                }
            }
        }
    }
}
