using SutWeb.Notifications;
using SutWeb.Notifications.Rules;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Notifications.Rules.RuleAgents;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>Sources going down and back, and no storms: outages, folding windows; on a fake clock.</summary>
public sealed class RuleEngineSourceTests
{
    private static readonly DateTimeOffset Start = RuleBoard.Start;

    private static RuleOptions Rule(TimeSpan? forTime = null, params string[] events) => new()
    {
        Events = [.. events],
        For = forTime ?? TimeSpan.Zero,
    };

    [Theory]
    [InlineData(UpstreamState.Unreachable)]
    [InlineData(UpstreamState.Unauthorized)]
    public void SourceDown_ThenHealthy_DownThenRecoveredWithTheBoardLink(UpstreamState state)
    {
        using var board = RuleBoard.With(Rule(null, NotificationEvents.SourceDown), publicUrl: "https://sutweb.example.com/", sources: ["default", "lab-b"]);

        board.SetHealth("lab-b", UpstreamState.Degraded);
        Assert.Empty(board.Sent);
        board.SetHealth("lab-b", state);
        board.Advance(TimeSpan.FromMinutes(7));
        board.SetHealth("lab-b", UpstreamState.Healthy);

        Assert.Equal([(NotificationEvents.SourceDown, false), (NotificationEvents.SourceRecovered, true)], board.Sent.Select(n => (n.Event, n.Resolved)));
        Assert.All(board.Sent, n =>
        {
            Assert.Equal(("lab-b", "Lab lab-b", Start), (n.Source, n.SourceName, n.Since));
            Assert.Null(n.Agent);
            Assert.Equal("https://sutweb.example.com/", n.DashboardUrl);
        });
    }

    [Fact]
    public void SourceDown_BackWithinFor_Nothing()
    {
        using var board = RuleBoard.With(Rule(TimeSpan.FromMinutes(5), NotificationEvents.SourceDown, NotificationEvents.SourceRecovered));

        board.SetHealth("default", UpstreamState.Unreachable);
        board.Pass(TimeSpan.FromMinutes(2));
        board.SetHealth("default", UpstreamState.Healthy);
        board.Pass(TimeSpan.FromMinutes(10));

        Assert.Empty(board.Sent);
    }

    [Fact]
    public void SourceDown_DegradedBeforeRecovering_StillOneOutage()
    {
        using var board = RuleBoard.With(Rule(null, NotificationEvents.SourceDown));

        board.SetHealth("default", UpstreamState.Unauthorized);
        board.SetHealth("default", UpstreamState.Degraded);
        board.SetHealth("default", UpstreamState.Unreachable);
        board.SetHealth("default", UpstreamState.Healthy);

        Assert.Equal([false, true], board.Sent.Select(n => n.Resolved));
    }

    [Fact]
    public void SourceDown_200AgentsLeaveDuringTheOutage_OneDownOneRecoveredNoAgentMessages()
    {
        using var board = RuleBoard.With(Rule(null, [.. NotificationEvents.All]));
        var agents = Enumerable.Range(1, 200)
            .Select(i => i % 2 == 0 ? Idle($"lab-{i:000}") : WithRun($"lab-{i:000}", $"e{i}", "Running", Start))
            .ToArray();
        board.Seed(agents);

        board.SetHealth("default", UpstreamState.Unreachable);
        board.Pass(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1));
        // The poll that ends the outage finds every agent gone.
        board.PutAndRemoveWithHealth("default", UpstreamState.Healthy, agents);
        board.Pass(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));

        Assert.Equal([NotificationEvents.SourceDown, NotificationEvents.SourceRecovered], board.Sent.Select(n => n.Event));
        Assert.Equal(1 + 200, board.Sent[1].Count);
    }

    [Fact]
    public void SourceDown_AgentsLeftJustBeforeAndWithinFor_FoldIntoTheOneSourceDown()
    {
        using var board = RuleBoard.With(Rule(TimeSpan.FromMinutes(1), NotificationEvents.AgentDisconnected, NotificationEvents.SourceDown));
        var agents = Enumerable.Range(1, 50).Select(i => Idle($"lab-{i}")).ToArray();
        board.Seed(agents);

        board.Remove(agents);
        board.Pass(TimeSpan.FromSeconds(10));
        board.SetHealth("default", UpstreamState.Unreachable);
        board.Pass(TimeSpan.FromMinutes(5));

        var message = Assert.Single(board.Sent);
        Assert.Equal((NotificationEvents.SourceDown, 1 + 50), (message.Event, message.Count));
    }

    [Fact]
    public void SourceBackBeforeItsFor_AgentsThatLeftAreToldAfterAll()
    {
        using var board = RuleBoard.With(Rule(TimeSpan.FromMinutes(1), NotificationEvents.AgentDisconnected, NotificationEvents.SourceDown));
        board.Seed(Idle("lab-1"));

        board.Remove(Idle("lab-1"));
        board.Pass(TimeSpan.FromSeconds(40));
        board.SetHealth("default", UpstreamState.Unreachable);
        // The drop has held its minute, but waits for the outage's: would it be the outage's?
        board.Pass(TimeSpan.FromSeconds(30));
        Assert.Empty(board.Sent);
        board.SetHealth("default", UpstreamState.Healthy);

        Assert.Equal(NotificationEvents.AgentDisconnected, Assert.Single(board.Sent).Event);
    }

    [Fact]
    public void RuleWithoutSourceDown_AgentsLeavingInOnePoll_OneMessageWithCount()
    {
        using var board = RuleBoard.With(Rule(null, NotificationEvents.AgentDisconnected));
        var agents = Enumerable.Range(1, 200).Select(i => Idle($"lab-{i}")).ToArray();
        board.Seed(agents);

        board.Remove(agents);
        board.Pass(TimeSpan.FromMinutes(5));

        Assert.Equal(200, Assert.Single(board.Sent).Count);
    }

    [Fact]
    public void FoldWindow_FailuresInSeparatePolls_FirstAtOnceTheRestAsOneAfterTheWindow()
    {
        using var board = RuleBoard.With(Rule(null, NotificationEvents.RunFailed));
        var agents = Enumerable.Range(1, 4).Select(i => WithRun($"lab-{i}", $"e{i}", "Running", Start)).ToArray();
        board.Seed(agents);

        foreach (var agent in agents)
        {
            board.Put(agent with { Execution = agent.Execution! with { Status = "Failed" } });
            board.Pass(TimeSpan.FromSeconds(5));
        }
        Assert.Equal([1], board.Sent.Select(n => n.Count));
        Assert.Equal("e1", board.Sent[0].Run!.ExecutionId);
        board.Pass(RuleLimits.FoldWindow);

        Assert.Equal([1, 3], board.Sent.Select(n => n.Count));
        Assert.Equal(("e2", Start.AddSeconds(30)), (board.Sent[1].Run!.ExecutionId, board.Sent[1].At));
    }

    [Fact]
    public void FoldWindow_AfterAQuietWindow_NextOneGoesAtOnce()
    {
        using var board = RuleBoard.With(Rule(null, NotificationEvents.RunFailed));
        board.Seed(WithRun("lab-1", "e1", "Running", Start), WithRun("lab-2", "e2", "Running", Start));

        board.Put(WithRun("lab-1", "e1", "Failed", Start));
        board.Pass(RuleLimits.FoldWindow);
        board.Put(WithRun("lab-2", "e2", "Failed", Start));

        Assert.Equal(["e1", "e2"], board.Sent.Select(n => n.Run!.ExecutionId));
    }

    [Fact]
    public void TwoRules_SameEvent_EachHasItsOwnMessage()
    {
        var rules = new Dictionary<string, RuleOptions>
        {
            ["nightly"] = new() { Events = [NotificationEvents.RunFailed], Channels = ["slack"] },
            ["all"] = new() { Events = [NotificationEvents.RunFailed, NotificationEvents.RunLost], Channels = ["mail", "hook"] },
        };
        using var board = new RuleBoard(rules);
        board.Seed(WithRun("lab-1", "e1", "Running", Start));

        board.Put(WithRun("lab-1", "e1", "Failed", Start));

        Assert.Equal([("all", "mail,hook"), ("nightly", "slack")],
            board.Sent.Select(n => (n.Rule, string.Join(',', n.Channels))).Order());
        Assert.NotEqual(board.Sent[0].DeliveryId, board.Sent[1].DeliveryId);
    }
}
