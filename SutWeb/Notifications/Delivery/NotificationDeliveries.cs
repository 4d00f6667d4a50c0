using Microsoft.Extensions.Options;
using SutWeb.Notifications.Channels;
using SutWeb.ScaleOut;

namespace SutWeb.Notifications.Delivery;

/// <summary>
/// What the notifications page reads and does: the channels (no secret), recent deliveries with their state,
/// attempts and last error, each channel's last result, and "send test". Reads fail while the history database is
/// still opening or unavailable; the page says so.
/// </summary>
public sealed class NotificationDeliveries(
    IDeliveryStore store,
    INotificationOutbox outbox,
    IOptions<NotificationOptions> options,
    IConfiguration configuration,
    TimeProvider timeProvider,
    ILeadership? leadership = null)
{
    public const int MaxLimit = 1_000;

    /// <summary>False with <c>History:Provider=None</c>: a restart loses what is pending.</summary>
    public bool Durable => store.Durable;

    public IReadOnlyList<ChannelSummary> Channels =>
        [.. options.Value.Channels.Select(c => new ChannelSummary(c.Key, c.Value.Type, SecretRedaction.Destination(c.Value)))];

    /// <summary>Newest first; one channel's when <paramref name="channel"/> is set.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> RecentAsync(int limit = 100, string? channel = null, CancellationToken cancellationToken = default) =>
        [.. (await store.RecentAsync(Math.Clamp(limit, 1, MaxLimit), channel, cancellationToken)).Select(DeliveryRecord.From)];

    /// <summary>The channel's delivery attempted last, with how that attempt went; null before any.</summary>
    public async Task<DeliveryRecord?> LastResultAsync(string channel, CancellationToken cancellationToken = default) =>
        await store.LastAttemptedAsync(channel, cancellationToken) is { } row ? DeliveryRecord.From(row) : null;

    /// <summary>
    /// Queues a test message (event <see cref="ChannelTest.Event"/>) for the channel; its delivery id, to follow it in
    /// <see cref="RecentAsync"/>. Refused on a scale-out follower, which sends nothing.
    /// </summary>
    public async Task<Guid> SendTestAsync(string channel, CancellationToken cancellationToken = default)
    {
        var name = options.Value.Channels.Keys.FirstOrDefault(k => string.Equals(k, channel, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"There is no channel '{channel}' (Notifications:Channels).", nameof(channel));
        // Only the leader stores and sends (a follower's outbox drops what it is given): say so rather than pretend.
        if (leadership?.Role == ReplicaRole.Follower)
        {
            throw new InvalidOperationException(
                "This replica follows: only the leading replica sends notifications. Try again from the leader's page, or after a failover.");
        }
        var test = ChannelTest.Create(name, timeProvider.GetUtcNow(), DashboardUrl());
        await outbox.EnqueueAsync(test, cancellationToken);
        return test.DeliveryId;
    }

    private string? DashboardUrl() => configuration["Dashboard:PublicUrl"] is { Length: > 0 } url ? url : null;
}
