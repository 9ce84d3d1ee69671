using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace MediaEvents.QueueWorkerSample;

/// <summary>
/// A received message held by one worker: its pop receipt, kept current while the visibility timeout is extended
/// every half timeout, and a token that is cancelled when the worker stops or the message is lost to another
/// consumer (its visibility could not be extended in time, so it reappeared and someone else received it).
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _visibilityTimeout;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _renewal = new();
    private readonly CancellationTokenSource _handling;
    private readonly Task _renewing;
    private string _popReceipt;
    private int _lost;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan visibilityTimeout, ILogger logger, CancellationToken stopping)
    {
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _visibilityTimeout = visibilityTimeout;
        _logger = logger;
        _handling = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _renewing = RenewAsync();
    }

    /// <summary>The pop receipt of the latest extension: the one a delete or update must name.</summary>
    public string PopReceipt => Volatile.Read(ref _popReceipt);

    /// <summary>Cancelled when the worker stops or the message was lost.</summary>
    public CancellationToken Token => _handling.Token;

    /// <summary>Whether the message was lost to another consumer.</summary>
    public bool IsLost => Volatile.Read(ref _lost) != 0;

    /// <summary>How many times the visibility was extended.</summary>
    public int Extensions { get; private set; }

    /// <summary>
    /// Stops extending the visibility and waits for an extension under way, so that <see cref="PopReceipt"/> is
    /// final: an extension is never cancelled mid-request, since one that reached the service changes the receipt.
    /// </summary>
    public async ValueTask StopAsync()
    {
        await _renewal.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _renewal.Dispose();
        _handling.Dispose();
    }

    private async Task RenewAsync()
    {
        TimeSpan interval = _visibilityTimeout / 2;
        try
        {
            while (true)
            {
                await Task.Delay(interval, _renewal.Token).ConfigureAwait(false);
                try
                {
                    Response<UpdateReceipt> receipt = await _queue.UpdateMessageAsync(
                        _messageId, PopReceipt, visibilityTimeout: _visibilityTimeout, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    Volatile.Write(ref _popReceipt, receipt.Value.PopReceipt);
                    Extensions++;
                    Log.VisibilityExtended(_logger, _messageId, Extensions, _visibilityTimeout.TotalSeconds);
                }
                catch (RequestFailedException exception) when (exception.Status == 404)
                {
                    // The receipt is no longer the message's: it reappeared and another consumer took it, or it is gone.
                    Volatile.Write(ref _lost, 1);
                    Log.MessageLost(_logger, _messageId, exception.ErrorCode);
                    await _handling.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !_renewal.IsCancellationRequested)
                {
                    // A refusal or a transport failure (a timed-out request included): half the timeout is left, and
                    // the next attempt comes before the message reappears.
                    Log.VisibilityNotExtended(_logger, exception, _messageId);
                }
            }
        }
        catch (OperationCanceledException) when (_renewal.IsCancellationRequested)
        {
            // Stopped: the message is being deleted, poisoned or released.
        }
    }
}
