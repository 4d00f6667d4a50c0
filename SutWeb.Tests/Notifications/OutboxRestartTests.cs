using SutWeb.Notifications.Delivery;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications;

/// <summary>
/// The outbox in the history database (its migration applied on each provider): a delivery pending when SutWeb stops
/// is sent by the next SutWeb on the same database, with the same delivery id, once.
/// </summary>
public abstract class OutboxRestartTests
{
    protected abstract Task<HistoryTestDatabase> NewDatabaseAsync();

    [SkippableFact]
    public async Task Restart_WhileADeliveryIsPending_DeliveredAfterwardsWithTheSameId()
    {
        await using var database = await NewDatabaseAsync();
        var port = SutWebHost.FreePort();
        var settings = new Dictionary<string, string?>(database.Settings);
        foreach (var (key, value) in DeliveryHost.Channel("hook", "Webhook", $"http://127.0.0.1:{port}/hook"))
        {
            settings[key] = value;
        }
        var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "hook");
        await using (var first = await DeliveryHost.StartAsync(settings))
        {
            await first.EnqueueAsync(notification);
            await first.DeliveryAsync(notification.DeliveryId, "hook", d => d.Attempts >= 1, "has failed (the receiver is down)");
        }

        await using var receiver = await RecordingReceiver.StartAsync(port);
        await using var second = await DeliveryHost.StartAsync(settings);
        var sent = await second.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Sent, "is sent after the restart");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(notification.DeliveryId.ToString(), request.Header("X-SutWeb-Delivery"));
        Assert.Equal(notification.DeliveryId.ToString(), (string?)request.Json["deliveryId"]);
        Assert.Equal("exec-42", (string?)request.Json["run"]!["executionId"]);
        Assert.True(sent.Attempts >= 2);
        Assert.Single(await second.Deliveries().RecentAsync(100), d => d.DeliveryId == notification.DeliveryId);
        Assert.Contains(second.Logs.Lines, l => l.Contains("pending from before the restart are resumed", StringComparison.Ordinal));
    }
}
