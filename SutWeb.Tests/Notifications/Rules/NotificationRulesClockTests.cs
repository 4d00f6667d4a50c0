using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Notifications;
using SutWeb.Notifications.Rules;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>
/// <c>For</c>, <c>RepeatEvery</c> and the resolved message through the whole host on a fake clock: the poller, the
/// board's batches and the rules' timers all run on it, so minutes pass in a test without waiting for them.
/// </summary>
public sealed class NotificationRulesClockTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AgentDrops_BackWithinForIsNotNews_LongerIsToldRepeatedAndResolved()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var outbox = new RecordingOutbox();
        var settings = RulesHost.Settings(new Dictionary<string, string[]>
        {
            ["gone"] = [NotificationEvents.AgentDisconnected, NotificationEvents.AgentReconnected],
            ["marker"] = [NotificationEvents.RunFailed],
        });
        settings["Notifications:Rules:gone:For"] = "00:01:00";
        settings["Notifications:Rules:gone:RepeatEvery"] = "00:10:00";
        settings["Notifications:Rules:gone:Agents:0"] = "lab-*";
        settings["Notifications:Rules:marker:Agents:0"] = "marker";
        settings["Eggplant:PollInterval"] = settings["Eggplant:IdlePollInterval"] = "00:00:05";
        await using var host = await SutWebHost.StartOnClockAsync(clock, settings, s => s.AddSingleton<INotificationOutbox>(outbox));
        await host.PutAgentAsync("lab-1", HistoryAgents.Idle("lab-1", 6101));
        await RulesClock.PassAsync(host, clock, Poll, 2 * Poll);

        // Away for 40 s: not news.
        await host.DeleteAgentAsync("lab-1");
        await RulesClock.PassAsync(host, clock, Poll, TimeSpan.FromSeconds(40));
        await host.PutAgentAsync("lab-1", HistoryAgents.Idle("lab-1", 6101));
        await RulesClock.PassAsync(host, clock, Poll, TimeSpan.FromMinutes(2));
        // A message of another rule after all of that: every batch before it has been judged.
        await host.PutAgentAsync("marker", HistoryAgents.WithRun("marker", 6199, Guid.NewGuid().ToString(), "Failed"));
        await RulesClock.PassAsync(host, clock, Poll, 2 * Poll);
        await Eventually.UntilAsync(() => outbox.Received.Any(n => n.Rule == "marker"), "the marker's message");
        Assert.DoesNotContain(outbox.Received, n => n.Rule == "gone");

        // Away for longer than For: told once it has held, again every 10 minutes, and resolved when back.
        await host.DeleteAgentAsync("lab-1");
        await RulesClock.PassAsync(host, clock, Poll, TimeSpan.FromMinutes(1) + 2 * Poll);
        var dropped = Assert.Single(await GoneAsync(outbox, 1));
        Assert.InRange(dropped.At - dropped.Since!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1) + 2 * Poll);
        await RulesClock.PassAsync(host, clock, Poll, TimeSpan.FromMinutes(10));
        await GoneAsync(outbox, 2);
        await host.PutAgentAsync("lab-1", HistoryAgents.Idle("lab-1", 6101));
        await RulesClock.PassAsync(host, clock, Poll, 2 * Poll);

        var messages = await GoneAsync(outbox, 3);
        Assert.Equal(
            [(NotificationEvents.AgentDisconnected, false), (NotificationEvents.AgentDisconnected, false), (NotificationEvents.AgentReconnected, true)],
            messages.Select(n => (n.Event, n.Resolved)));
        Assert.All(messages, n => Assert.Equal(dropped.Since, n.Since));
    }

    private static async Task<IReadOnlyList<Notification>> GoneAsync(RecordingOutbox outbox, int count)
    {
        await Eventually.UntilAsync(() => outbox.Received.Count(n => n.Rule == "gone") >= count, $"{count} message(s) of the rule");
        return [.. outbox.Received.Where(n => n.Rule == "gone")];
    }
}
