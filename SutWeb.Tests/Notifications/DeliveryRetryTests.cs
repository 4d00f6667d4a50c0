using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Notifications.Delivery;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications;

/// <summary>Retries, refusals and giving up, against real receivers on loopback, with every timer on a fake clock.</summary>
public sealed class DeliveryRetryTests
{
    [Fact]
    public async Task Receiver_DownThenUp_DeliveredOnceWithTheSameId()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = SutWebHost.FreePort();
        await using var host = await DeliveryHost.StartAsync(
            DeliveryHost.Channel("hook", "Webhook", $"http://127.0.0.1:{port}/hook"), clock);
        var notification = DeliveryHost.RunFailed(clock.GetUtcNow(), "hook");

        await host.EnqueueAsync(notification);
        var failed = await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.Attempts == 1, "has failed once");
        await using var receiver = await RecordingReceiver.StartAsync(port);
        await host.AdvanceToNextAttemptAsync(clock, "hook");
        var sent = await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Sent, "is sent");

        Assert.Equal(DeliveryState.Pending, failed.State);
        Assert.Null(failed.LastStatus);
        Assert.Contains("Cannot connect", failed.LastError);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(notification.DeliveryId.ToString(), request.Header("X-SutWeb-Delivery"));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"127.0.0.1:{port}", StringComparison.Ordinal) && l.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receiver_500Then200_RetriedAfterABackOffOfOneToTwoSeconds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Script(new ScriptedAnswer(503));
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("hook", "Webhook", receiver.Url("/hook")), clock);
        var notification = DeliveryHost.RunFailed(clock.GetUtcNow(), "hook");

        await host.EnqueueAsync(notification);
        var failed = await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.Attempts == 1, "has failed once");
        await host.AdvanceToNextAttemptAsync(clock, "hook");
        await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Sent, "is sent");

        Assert.Equal(503, failed.LastStatus);
        var wait = failed.NextAttemptAt!.Value - failed.LastAttemptAt!.Value;
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal([503, 200], receiver.Requests.Select(r => r.AnsweredStatus).ToArray());
        Assert.Single(receiver.Requests.Select(r => r.Header("X-SutWeb-Delivery")).Distinct());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Receiver_429WithRetryAfter_IsAskedAgainExactlyThatMuchLater(bool asHttpDate)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
        await using var receiver = await RecordingReceiver.StartAsync();
        var retryAfter = asHttpDate
            ? clock.GetUtcNow().AddSeconds(300).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : "120";
        receiver.Script(new ScriptedAnswer(429, new Dictionary<string, string> { ["Retry-After"] = retryAfter }));
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("hook", "Webhook", receiver.Url("/hook")), clock);
        var notification = DeliveryHost.RunFailed(clock.GetUtcNow(), "hook");

        await host.EnqueueAsync(notification);
        var limited = await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.Attempts == 1, "has been answered 429");
        var next = await host.NextAttemptAsync("hook");
        clock.Advance(next - clock.GetUtcNow());
        var sent = await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.State == DeliveryState.Sent, "is sent");

        Assert.Equal(429, limited.LastStatus);
        var expected = asHttpDate ? TimeSpan.FromSeconds(300) : TimeSpan.FromSeconds(120);
        Assert.Equal(limited.LastAttemptAt!.Value + expected, limited.NextAttemptAt);
        Assert.Equal(limited.NextAttemptAt, next);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Receiver_400_IsRefusedOnceAndNotRetried()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Script(new ScriptedAnswer(400, Body: "invalid_payload"));
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("team", "Slack", receiver.Url("/services/T1/B1/tok")), clock);
        var refused = DeliveryHost.RunFailed(clock.GetUtcNow(), "team");
        var next = DeliveryHost.SourceDown(clock.GetUtcNow(), 1, "team");

        await host.EnqueueAsync(refused);
        await host.EnqueueAsync(next);
        var delivery = await host.DeliveryAsync(refused.DeliveryId, "team", d => d.State == DeliveryState.Refused, "is refused");
        await host.DeliveryAsync(next.DeliveryId, "team", d => d.State == DeliveryState.Sent, "the next one is sent");
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(400, delivery.LastStatus);
        Assert.Equal("HTTP 400 Bad Request: invalid_payload", delivery.LastError);
        Assert.NotNull(delivery.CompletedAt);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("refused by channel team", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receiver_DownForAnHour_IsGivenUpAsFailed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = SutWebHost.FreePort();
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Channel("hook", "Webhook", $"http://127.0.0.1:{port}/hook"), clock);
        var notification = DeliveryHost.RunFailed(clock.GetUtcNow(), "hook");
        var stored = clock.GetUtcNow();

        await host.EnqueueAsync(notification);
        DeliveryRecord delivery;
        do
        {
            delivery = await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.Attempts > 0, "has been tried");
            if (delivery.State == DeliveryState.Pending)
            {
                var attempts = delivery.Attempts;
                await host.AdvanceToNextAttemptAsync(clock, "hook");
                delivery = await host.DeliveryAsync(notification.DeliveryId, "hook", d => d.Attempts > attempts, "has been tried again");
            }
        }
        while (delivery.State == DeliveryState.Pending);

        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.True(delivery.LastAttemptAt >= stored + TimeSpan.FromHours(1), "retried for at least an hour");
        Assert.True(delivery.LastAttemptAt < stored + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6), "given up at the first failure after the hour");
        Assert.InRange(delivery.Attempts, 12, 40);
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("given up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlowReceiver_HoldsOnlyItsOwnChannel()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slow = await LoopbackServer.StartAsync(app => app.MapPost("/slow", async (HttpContext context) =>
        {
            await release.Task.WaitAsync(context.RequestAborted);
            return Results.Ok();
        }));
        await using var fast = await RecordingReceiver.StartAsync();
        var settings = DeliveryHost.Channel("slow", "Webhook", slow.BaseUrl + "slow");
        foreach (var (key, value) in DeliveryHost.Channel("fast", "Webhook", fast.Url("/fast")))
        {
            settings[key] = value;
        }
        await using var host = await DeliveryHost.StartAsync(settings);

        try
        {
            await host.EnqueueAsync(DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "slow"));
            await Eventually.UntilAsync(() => slow.Requests == 1, "the slow receiver holds a request");
            var notification = DeliveryHost.RunFailed(DateTimeOffset.UtcNow, "fast", "slow");
            await host.EnqueueAsync(notification);
            await host.DeliveryAsync(notification.DeliveryId, "fast", d => d.State == DeliveryState.Sent, "is sent to the fast channel");

            var held = (await host.Deliveries().RecentAsync(10, "slow")).Single(d => d.DeliveryId == notification.DeliveryId);
            Assert.Equal(DeliveryState.Pending, held.State);
            Assert.Equal(0, held.Attempts);
            Assert.Single(fast.Requests);
        }
        finally
        {
            release.SetResult();
        }
    }
}
