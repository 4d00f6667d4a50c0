using SutWeb.Notifications.Delivery;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications;

public sealed class NotificationMetricsTests
{
    [Fact]
    public async Task Metrics_AfterARetryAndARefusal_CountSentRetriedAndFailedByChannelAndEvent()
    {
        // A channel name of its own: hosts of other tests in this process feed the same meter.
        var channel = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Script(new ScriptedAnswer(503), ScriptedAnswer.Ok, new ScriptedAnswer(404));
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel(channel, "Webhook", receiver.Url("/m")));
        var sent = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, channel);
        var refused = DeliveryHost.SourceDown(DateTimeOffset.UtcNow, 1, channel);

        await host.EnqueueAsync(sent);
        await host.EnqueueAsync(refused);
        await host.DeliveryAsync(refused.DeliveryId, channel, d => d.State == DeliveryState.Refused, "is refused");

        string metrics = "";
        await Eventually.UntilAsync(async () =>
        {
            metrics = await host.Http.GetStringAsync("/metrics");
            return metrics.Contains("sutweb_notifications_failed_total", StringComparison.Ordinal) && metrics.Contains(channel, StringComparison.Ordinal);
        }, "the counters are exported");
        Assert.Matches($@"sutweb_notifications_sent_total\{{[^}}]*channel=""{channel}"",event=""RunFailed""[^}}]*\}} 1\b", metrics);
        Assert.Matches($@"sutweb_notifications_retried_total\{{[^}}]*channel=""{channel}"",event=""RunFailed""[^}}]*\}} 1\b", metrics);
        Assert.Matches($@"sutweb_notifications_failed_total\{{[^}}]*channel=""{channel}"",event=""SourceDown""[^}}]*reason=""refused""[^}}]*\}} 1\b", metrics);
    }
}
