using SutWeb.Notifications;
using SutWeb.Shared.Views;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>A source of 200 agents going down and coming back without them: one message each way, not 200.</summary>
public sealed class NotificationStormEndToEndTests
{
    [Fact]
    public async Task SourceWith200Agents_GoesDownAndReturnsWithoutThem_OneDownOneRecovered()
    {
        var outbox = new RecordingOutbox();
        await using var host = await RulesHost.StartAsync(new Dictionary<string, string[]> { ["all"] = [.. NotificationEvents.All] }, outbox);
        var names = Enumerable.Range(1, 200).Select(i => $"storm-{i:000}").ToList();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await host.PutAgentAsync(name, i % 2 == 0 ? HistoryAgents.Idle(name, 7000 + i) : HistoryAgents.WithRun(name, 7000 + i, Guid.NewGuid().ToString(), "Running"));
        }
        await RulesHost.BoardAsync(host, agents => agents.Count == 200 && host.Board.Current.Health.State == UpstreamState.Healthy,
            "the 200 agents are on the board");

        await host.SetFaultAsync("http500");
        await Eventually.UntilAsync(() => outbox.Received.Any(n => n.Event == NotificationEvents.SourceDown), "the outage is told");
        foreach (var name in names)
        {
            await host.DeleteAgentAsync(name);
        }
        await host.SetFaultAsync("none");
        await Eventually.UntilAsync(() => outbox.Received.Any(n => n.Event == NotificationEvents.SourceRecovered), "the recovery is told");

        Assert.Empty(host.Board.Current.Agents);
        Assert.Equal([NotificationEvents.SourceDown, NotificationEvents.SourceRecovered], outbox.Received.Select(n => n.Event));
        Assert.Equal(201, outbox.Received[1].Count);
    }
}
