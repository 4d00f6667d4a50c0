using System.Text.Json.Nodes;
using SutWeb.History;
using SutWeb.Notifications;
using SutWeb.Shared.Views;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>
/// Each event from what the simulator's control API makes the real host's poller see, to the message handed to the
/// outbox, with what a receiver needs: who, where, which run, the link.
/// </summary>
public sealed class NotificationRulesEndToEndTests(RulesHost rules) : IClassFixture<RulesHost>
{
    private SutWebHost Host => rules.Host;

    [Theory]
    [InlineData("Failed", "failed", NotificationEvents.RunFailed)]
    [InlineData("Incomplete", "incomplete", NotificationEvents.RunIncomplete)]
    public async Task RunEnds_FailedOrIncomplete_MessageWithTheRun(string status, string rule, string notificationEvent)
    {
        var agent = $"e2e-{rule}";
        var id = Guid.NewGuid().ToString();
        await Host.PutAgentAsync(agent, HistoryAgents.WithRun(agent, 6001, id, "Running", model: "Checkout"));
        await RulesHost.BoardAsync(Host, agents => agents.Any(a => a.AgentName == agent), "the run is on the board");

        await Host.PutAgentAsync(agent, HistoryAgents.WithRun(agent, 6001, id, status, model: "Checkout"));

        var message = await rules.MessageAsync(rule, notificationEvent, agent);
        Assert.Equal((id, status, "Checkout", "tester", "api"), (message.Run!.ExecutionId, message.Run.Outcome, message.Run.ModelName, message.Run.UserName, message.Run.Initiator));
        Assert.Contains(status, message.Run.LastLog);
        Assert.Equal(("default", $"{agent}:6001", 6001), (message.Source, message.Agent!.Key, message.Agent.Port));
        Assert.False(string.IsNullOrEmpty(message.SourceName));
        Assert.Equal($"{RulesHost.PublicUrl}agents/default/{agent}", message.DashboardUrl);
        Assert.Equal(["ops"], message.Channels);
    }

    [Fact]
    public async Task AgentLeavesMidRun_RunLost()
    {
        const string agent = "e2e-lost";
        var id = Guid.NewGuid().ToString();
        await Host.PutAgentAsync(agent, HistoryAgents.WithRun(agent, 6002, id, "Running"));
        await RulesHost.BoardAsync(Host, agents => agents.Any(a => a.AgentName == agent), "the run is on the board");

        await Host.DeleteAgentAsync(agent);

        var message = await rules.MessageAsync("lost", NotificationEvents.RunLost, agent);
        Assert.Equal((id, RunOutcomes.Lost), (message.Run!.ExecutionId, message.Run.Outcome));
    }

    [Fact]
    public async Task RunLongerThanStuckAfter_RunStuckThenResolvedWhenItEnds()
    {
        const string agent = "e2e-stuck";
        var id = Guid.NewGuid().ToString();
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        await Host.PutAgentAsync(agent, HistoryAgents.WithRun(agent, 6003, id, "Running", start: start));

        var stuck = await rules.MessageAsync("stuck", NotificationEvents.RunStuck, agent);
        Assert.False(stuck.Resolved);
        Assert.Equal(start.ToUnixTimeSeconds(), stuck.Since!.Value.ToUnixTimeSeconds());

        await Host.PutAgentAsync(agent, HistoryAgents.WithRun(agent, 6003, id, "Passed", start: start));

        await Eventually.UntilAsync(() => rules.Outbox.Received.Any(n => n.Rule == "stuck" && n.Resolved && n.Agent?.AgentName == agent),
            "the stuck run's end is told");
    }

    [Fact]
    public async Task AgentDropsAndReturns_DisconnectedThenReconnected()
    {
        const string agent = "e2e-agent";
        await Host.PutAgentAsync(agent, HistoryAgents.Idle(agent, 6004));
        await RulesHost.BoardAsync(Host, agents => agents.Any(a => a.AgentName == agent), "the agent is on the board");
        // The rules must have seen it arrive: a connection that comes and goes within one batch of theirs is not news.
        await RulesHost.SeenAsync(Host);

        await Host.DeleteAgentAsync(agent);
        var dropped = await rules.MessageAsync("agents", NotificationEvents.AgentDisconnected, agent);
        await Host.PutAgentAsync(agent, HistoryAgents.Idle(agent, 6004));
        var back = await rules.MessageAsync("agents", NotificationEvents.AgentReconnected, agent);

        Assert.Equal((false, true), (dropped.Resolved, back.Resolved));
        Assert.Equal(dropped.Since, back.Since);
        Assert.NotEqual(dropped.DeliveryId, back.DeliveryId);
    }

    [Fact]
    public async Task SourceFailsUntilUnreachable_SourceDownThenRecovered()
    {
        await Eventually.UntilAsync(() => Host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");

        await Host.SetFaultAsync("http500");
        var down = await rules.MessageAsync("sources", NotificationEvents.SourceDown);
        await Host.SetFaultAsync("none");
        var recovered = await rules.MessageAsync("sources", NotificationEvents.SourceRecovered);

        Assert.Equal(("default", false, true), (down.Source, down.Resolved, recovered.Resolved));
        Assert.Null(down.Agent);
        Assert.Equal(RulesHost.PublicUrl, down.DashboardUrl);
    }
}
