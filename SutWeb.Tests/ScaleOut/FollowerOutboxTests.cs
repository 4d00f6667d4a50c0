using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SutWeb.Notifications;
using SutWeb.Notifications.Channels;
using SutWeb.Notifications.Delivery;
using SutWeb.ScaleOut;

namespace SutWeb.Tests.ScaleOut;

/// <summary>The rules run on every replica, but only the leader keeps what they decide: a follower's copy would be sent twice.</summary>
public sealed class FollowerOutboxTests
{
    private static readonly IOptions<NotificationOptions> OneChannel = Options.Create(new NotificationOptions
    {
        Channels = { ["ops"] = new ChannelOptions { Type = ChannelType.Webhook, Url = "http://127.0.0.1:9/hook" } },
    });

    [Theory]
    [InlineData(ReplicaRole.Follower, false)]
    [InlineData(ReplicaRole.Leader, true)]
    [InlineData(ReplicaRole.Single, true)]
    public async Task Enqueue_ByRole_OnlyALeaderQueuesForStoring(ReplicaRole role, bool queued)
    {
        var outbox = new NotificationOutbox(OneChannel, NullLogger<NotificationOutbox>.Instance, new FixedLeadership(role));

        await outbox.EnqueueAsync(ChannelTest.Create("ops", DateTimeOffset.UnixEpoch, null), CancellationToken.None);

        Assert.Equal(queued, outbox.Queued.TryRead(out _));
    }
}
