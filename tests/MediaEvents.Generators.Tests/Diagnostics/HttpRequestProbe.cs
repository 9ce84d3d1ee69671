using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace MediaEvents.Generators.Tests.Diagnostics;

/// <summary>
/// Records every request an <see cref="HttpClient"/> of this process starts (through the
/// <c>HttpHandlerDiagnosticListener</c> that every .NET HTTP handler reports to), so that a test can prove
/// the generator did no network I/O.
/// </summary>
internal sealed class HttpRequestProbe : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string ListenerName = "HttpHandlerDiagnosticListener";
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = new();

    public HttpRequestProbe()
    {
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Checks that the probe works here: a request to a closed local port must be seen.</summary>
    public void AssertSeesRequests()
    {
        const string target = "http://127.0.0.1:9/mediaevents-probe";
        using (var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            try
            {
                client.GetAsync(target).GetAwaiter().GetResult().Dispose();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or OperationCanceledException)
            {
                // Nothing listens there: the attempt is what the probe must see.
            }
        }

        Assert.Contains(target, Requests);
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            foreach (IDisposable subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == ListenerName)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key is "System.Net.Http.HttpRequestOut.Start" or "System.Net.Http.Request")
        {
            object? request = value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value);
            Requests.Enqueue((request as HttpRequestMessage)?.RequestUri?.ToString() ?? "<unknown request>");
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
