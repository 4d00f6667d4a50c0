using System.Text.Json;
using System.Threading.Channels;
using SutWeb.Notifications.Channels;

namespace SutWeb.Notifications.Delivery;

/// <summary>
/// Sends one channel's deliveries, oldest first, one at a time, on a task of its own: a slow or failing receiver holds
/// only its own channel. A failure worth a retry keeps the delivery at the head, due again after the back-off (or the
/// receiver's <c>Retry-After</c>), so a receiver that is down is asked once per step, not once per delivery; the
/// deliveries behind it wait. Every attempt's result is stored before the next delivery is taken.
/// </summary>
public sealed partial class ChannelWorker(
    string channel,
    ChannelOptions options,
    IChannelSender sender,
    IDeliveryStore store,
    RetrySchedule schedule,
    NotificationMetrics metrics,
    DeliveryActivity activity,
    TimeProvider timeProvider,
    ILogger logger)
{
    private const int ErrorChars = 500;
    private static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(5);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly string _destination = SecretRedaction.Destination(options);
    private bool _storeFailing;

    public string Name => channel;

    /// <summary>A delivery for this channel has been stored.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Until SutWeb stops; a fault of its own is logged and the work goes on after a pause, never stopping the host.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WorkAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFault(logger, channel, SecretRedaction.Scrub(e.ToString(), options));
                await Task.Delay(StoreRetry, timeProvider, stoppingToken);
            }
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            OutboxDelivery? head;
            try
            {
                head = await store.NextPendingAsync(channel, stoppingToken);
                _storeFailing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                StoreFailed(e);
                await WaitAsync(timeProvider.GetUtcNow() + StoreRetry, stoppingToken);
                continue;
            }
            if (head is null)
            {
                await WaitAsync(null, stoppingToken);
            }
            else if (head.NextAttemptAt > timeProvider.GetUtcNow())
            {
                await WaitAsync(head.NextAttemptAt, stoppingToken);
            }
            else
            {
                await AttemptAsync(head, stoppingToken);
            }
        }
    }

    private async Task AttemptAsync(OutboxDelivery delivery, CancellationToken stoppingToken)
    {
        var result = await SendAsync(delivery, stoppingToken);
        var now = timeProvider.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatus = result.Status;
        delivery.LastError = result.Error is { } error && error.Length > ErrorChars ? error[..ErrorChars] + "…" : result.Error;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                delivery.State = DeliveryState.Sent;
                delivery.CompletedAt = now;
                metrics.Sent(channel, delivery.Event);
                LogSent(logger, delivery.DeliveryId, delivery.Event, channel, _destination, delivery.Attempts);
                break;
            case SendOutcome.Refused:
                delivery.State = DeliveryState.Refused;
                delivery.CompletedAt = now;
                metrics.Failed(channel, delivery.Event, "refused");
                LogRefused(logger, delivery.DeliveryId, delivery.Event, channel, _destination, delivery.LastError ?? "");
                break;
            case SendOutcome.Retry when !RetrySchedule.KeepTrying(delivery.CreatedAt, now):
                delivery.State = DeliveryState.Failed;
                delivery.CompletedAt = now;
                metrics.Failed(channel, delivery.Event, "expired");
                LogGaveUp(logger, delivery.DeliveryId, delivery.Event, channel, _destination, delivery.Attempts, delivery.LastError ?? "");
                break;
            default:
                delivery.NextAttemptAt = now + schedule.Delay(delivery.Attempts, result.RetryAfter);
                metrics.Retried(channel, delivery.Event);
                if (delivery.Attempts == 1)
                {
                    LogRetrying(logger, delivery.DeliveryId, delivery.Event, channel, _destination, delivery.LastError ?? "", delivery.NextAttemptAt);
                }
                else
                {
                    LogRetryingAgain(logger, delivery.DeliveryId, channel, delivery.Attempts, delivery.LastError ?? "", delivery.NextAttemptAt);
                }
                break;
        }
        await SaveAsync(delivery, stoppingToken);
    }

    private async Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken stoppingToken)
    {
        Notification? notification;
        try
        {
            notification = JsonSerializer.Deserialize(delivery.Payload, NotificationJsonContext.Default.Notification);
        }
        catch (JsonException e)
        {
            return SendResult.Refused(null, $"The stored notification cannot be read: {e.Message}");
        }
        if (notification is null)
        {
            return SendResult.Refused(null, "The stored notification is empty");
        }
        try
        {
            return await sender.SendAsync(channel, options, notification, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A sender's own fault is still worth a retry: its cause may pass; the hour bounds it.
            return SendResult.Retry(null, SecretRedaction.Scrub(e.GetBaseException().Message, options));
        }
    }

    /// <summary>
    /// The attempt's result is stored before anything else is sent: until then the delivery stays at the head. If the
    /// store fails after a success and SutWeb stops, the delivery is sent again, with its id, after the restart.
    /// </summary>
    private async Task SaveAsync(OutboxDelivery delivery, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await store.UpdateAsync(delivery, stoppingToken);
                _storeFailing = false;
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                StoreFailed(e);
                await Task.Delay(StoreRetry, timeProvider, stoppingToken);
            }
        }
    }

    /// <summary>Until <paramref name="until"/> (null: a new delivery) or a wake, whichever comes first.</summary>
    private async Task WaitAsync(DateTimeOffset? until, CancellationToken stoppingToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var wake = _wake.Reader.WaitToReadAsync(cancel.Token).AsTask();
        var due = until is { } at ? at - timeProvider.GetUtcNow() : Timeout.InfiniteTimeSpan;
        var delay = Task.Delay(until is null ? Timeout.InfiniteTimeSpan : due < TimeSpan.Zero ? TimeSpan.Zero : due, timeProvider, cancel.Token);
        activity.Waiting(channel, until);
        try
        {
            await Task.WhenAny(wake, delay);
        }
        finally
        {
            activity.Working(channel);
            await cancel.CancelAsync();
        }
        _wake.Reader.TryRead(out _);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private void StoreFailed(Exception e)
    {
        if (!_storeFailing)
        {
            LogStoreFailed(logger, channel, e.GetBaseException().Message);
        }
        _storeFailing = true;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Notification {DeliveryId} ({Event}) delivered to channel {Channel} ({Destination}) at attempt {Attempts}")]
    private static partial void LogSent(ILogger logger, Guid deliveryId, string @event, string channel, string destination, int attempts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notification {DeliveryId} ({Event}) refused by channel {Channel} ({Destination}): {Error}; not retried")]
    private static partial void LogRefused(ILogger logger, Guid deliveryId, string @event, string channel, string destination, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notification {DeliveryId} ({Event}) to channel {Channel} ({Destination}) failed: {Error}; retrying, next at {Next:O}")]
    private static partial void LogRetrying(ILogger logger, Guid deliveryId, string @event, string channel, string destination, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Notification {DeliveryId} to channel {Channel} failed again (attempt {Attempts}): {Error}; next at {Next:O}")]
    private static partial void LogRetryingAgain(ILogger logger, Guid deliveryId, string channel, int attempts, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Notification {DeliveryId} ({Event}) to channel {Channel} ({Destination}) given up after {Attempts} attempts over an hour: {Error}")]
    private static partial void LogGaveUp(ILogger logger, Guid deliveryId, string @event, string channel, string destination, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sender of notification channel {Channel} failed; it goes on in a moment: {Error}")]
    private static partial void LogFault(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The notifications outbox of channel {Channel} cannot read or write the history database ({Error}); its deliveries wait")]
    private static partial void LogStoreFailed(ILogger logger, string channel, string error);
}
