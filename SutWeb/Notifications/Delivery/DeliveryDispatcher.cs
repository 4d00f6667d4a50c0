using System.Text.Json;
using Microsoft.Extensions.Options;
using SutWeb.History;
using SutWeb.Notifications.Channels;

namespace SutWeb.Notifications.Delivery;

/// <summary>
/// The outbox's background half: once the store is ready (the history database migrated), stores what the rules
/// queued, one delivery per channel, and runs a <see cref="ChannelWorker"/> per channel, which resumes what a restart
/// left pending. Completed deliveries are kept <see cref="KeepCompleted"/>. Does nothing without channels.
/// </summary>
public sealed partial class DeliveryDispatcher(
    NotificationOutbox outbox,
    IDeliveryStore store,
    ChannelSenders senders,
    RetrySchedule schedule,
    NotificationMetrics metrics,
    DeliveryActivity activity,
    TimeProvider timeProvider,
    IOptions<NotificationOptions> options,
    ILoggerFactory loggers,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan KeepCompleted = TimeSpan.FromDays(30);

    private const int BatchSize = 100;
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan ShutdownFlush = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, ChannelWorker> _workers = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channels = options.Value.Channels;
        if (channels.Count == 0)
        {
            return;
        }
        await Task.Yield();
        var described = string.Join(", ", channels.Select(c => $"{c.Key} ({c.Value.Type} to {SecretRedaction.Destination(c.Value)})"));
        if (store.Durable)
        {
            LogChannels(logger, described);
        }
        else
        {
            LogMemoryOnly(logger, described);
        }
        try
        {
            await store.WhenReadyAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        foreach (var (name, channel) in channels)
        {
            _workers[name] = new ChannelWorker(name, channel, senders.For(channel.Type), store, schedule, metrics, activity, timeProvider,
                loggers.CreateLogger<ChannelWorker>());
        }
        await ReportResumedAsync(stoppingToken);
        var running = _workers.Values.Select(w => Task.Run(() => w.RunAsync(stoppingToken), CancellationToken.None)).ToList();
        running.Add(PruneAsync(stoppingToken));
        try
        {
            await StoreQueuedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync();
        }
        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stores queued notifications in batches, then wakes their channels' workers; a failing store is retried with a growing pause.</summary>
    private async Task StoreQueuedAsync(CancellationToken stoppingToken)
    {
        var retry = new DatabaseRetry();
        var failing = false;
        while (await outbox.Queued.WaitToReadAsync(stoppingToken))
        {
            var batch = Take();
            while (true)
            {
                try
                {
                    await store.AddAsync(batch, stoppingToken);
                    break;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    if (!failing)
                    {
                        LogStoreFailed(logger, batch.Count, e.GetBaseException().Message);
                    }
                    failing = true;
                    await Task.Delay(retry.Next(), timeProvider, stoppingToken);
                }
            }
            if (failing)
            {
                LogStoreRecovered(logger);
            }
            failing = false;
            retry.Reset();
            foreach (var channel in batch.Select(d => d.Channel).Distinct())
            {
                _workers[channel].Wake();
            }
        }
    }

    /// <summary>At shutdown, what the rules queued is stored (for the next start to send) while the store takes it.</summary>
    private async Task FlushAsync()
    {
        using var deadline = new CancellationTokenSource(ShutdownFlush, timeProvider);
        try
        {
            while (outbox.Queued.TryPeek(out _))
            {
                await store.AddAsync(Take(), deadline.Token);
            }
        }
        catch (Exception e)
        {
            LogUnflushed(logger, e.GetBaseException().Message);
        }
    }

    /// <summary>Up to <see cref="BatchSize"/> queued notifications as deliveries, one per configured channel each names.</summary>
    private List<OutboxDelivery> Take()
    {
        var rows = new List<OutboxDelivery>();
        var now = timeProvider.GetUtcNow();
        for (var taken = 0; taken < BatchSize && outbox.Queued.TryRead(out var notification); taken++)
        {
            var payload = JsonSerializer.Serialize(notification, NotificationJsonContext.Default.Notification);
            foreach (var name in notification.Channels.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                // The configured spelling, so that the worker that reads the channel's rows finds them.
                if (_workers.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is not { } channel)
                {
                    continue;
                }
                rows.Add(new OutboxDelivery
                {
                    DeliveryId = notification.DeliveryId,
                    Channel = channel,
                    Event = notification.Event,
                    Rule = notification.Rule,
                    Resolved = notification.Resolved,
                    Source = notification.Source,
                    AgentName = notification.Agent?.AgentName,
                    Payload = payload,
                    State = DeliveryState.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
        return rows;
    }

    private async Task ReportResumedAsync(CancellationToken stoppingToken)
    {
        try
        {
            var pending = await store.PendingCountAsync(stoppingToken);
            if (pending > 0)
            {
                LogResumed(logger, pending);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogStoreFailed(logger, 0, e.GetBaseException().Message);
        }
    }

    private async Task PruneAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.PruneAsync(timeProvider.GetUtcNow() - KeepCompleted, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(logger, e.GetBaseException().Message);
            }
            await Task.Delay(PruneInterval, timeProvider, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications go to {Channels}; the outbox is kept in the history database")]
    private static partial void LogChannels(ILogger logger, string channels);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notifications go to {Channels}; History:Provider is None, so the outbox is kept in memory only: a restart loses the notifications not yet delivered")]
    private static partial void LogMemoryOnly(ILogger logger, string channels);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications: {Pending} deliveries pending from before the restart are resumed")]
    private static partial void LogResumed(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The notifications outbox cannot store {Count} deliveries ({Error}); they wait in memory and nothing is sent before they are stored")]
    private static partial void LogStoreFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The notifications outbox stores again")]
    private static partial void LogStoreRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifications queued at shutdown could not all be stored ({Error}): they are lost")]
    private static partial void LogUnflushed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Old notification deliveries could not be deleted ({Error}); tried again in an hour")]
    private static partial void LogPruneFailed(ILogger logger, string error);
}
