using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SutWeb.ScaleOut;

namespace SutWeb.Notifications.Delivery;

/// <summary>
/// Where the rules hand notifications over. It only queues (never waits for the database or a receiver); the
/// <see cref="DeliveryDispatcher"/> stores each, one delivery per channel, before anything is sent. With scale-out
/// the rules run on every replica (so their state is warm for a failover), but only the leader keeps what they
/// decide: a follower's notifications are the leader's too, and are dropped here.
/// </summary>
public sealed partial class NotificationOutbox(
    IOptions<NotificationOptions> options,
    ILogger<NotificationOutbox> logger,
    ILeadership? leadership = null) : INotificationOutbox
{
    /// <summary>Notifications queued for storing at most; beyond it (the database stuck for long) one is dropped and logged.</summary>
    public const int MaxQueued = 10_000;

    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<Notification> Queued => _queue.Reader;

    public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (leadership?.Role == ReplicaRole.Follower)
        {
            LogFollower(logger, notification.DeliveryId, notification.Event, notification.Rule);
        }
        else if (!notification.Channels.Any(options.Value.Channels.ContainsKey))
        {
            LogNoChannel(logger, notification.DeliveryId, notification.Event, notification.Rule, string.Join(", ", notification.Channels));
        }
        else if (!_queue.Writer.TryWrite(notification))
        {
            LogDropped(logger, notification.DeliveryId, notification.Event, notification.Rule, MaxQueued);
        }
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Notification {DeliveryId} ({Event}, rule {Rule}) not kept: this replica follows, and the leader sends its own")]
    private static partial void LogFollower(ILogger logger, Guid deliveryId, string @event, string rule);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notification {DeliveryId} ({Event}, rule {Rule}) names no configured channel ({Channels}): not sent")]
    private static partial void LogNoChannel(ILogger logger, Guid deliveryId, string @event, string rule, string channels);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Notification {DeliveryId} ({Event}, rule {Rule}) dropped: {Max} notifications already wait for the history database to store them")]
    private static partial void LogDropped(ILogger logger, Guid deliveryId, string @event, string rule, int max);
}
