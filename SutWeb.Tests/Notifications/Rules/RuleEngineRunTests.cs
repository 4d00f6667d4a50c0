using SutWeb.Notifications;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Notifications.Rules.RuleAgents;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>The run events as the team hears of them: failed, incomplete, lost, stuck; on a fake clock.</summary>
public sealed class RuleEngineRunTests
{
    private static readonly DateTimeOffset Start = RuleBoard.Start;

    private static RuleOptions Rule(params string[] events) => new() { Events = [.. events] };

    [Fact]
    public void RunFailed_RunEndsFailed_OneMessageSaysWhatWhereAndWho()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunFailed), publicUrl: "https://sutweb.example.com/wall/").Seed(Idle("lab-1"));
        board.Put(WithRun("lab-1", "e1", "Running", Start));
        board.Advance(TimeSpan.FromMinutes(3));

        board.Put(WithRun("lab-1", "e1", "Failed", Start));

        var message = Assert.Single(board.Sent);
        Assert.Equal((NotificationEvents.RunFailed, false, "r", 1), (message.Event, message.Resolved, message.Rule, message.Count));
        Assert.Equal(("default", "Main lab", "lab-1:5400", "lab-1", 5400),
            (message.Source, message.SourceName, message.Agent!.Key, message.Agent.AgentName, message.Agent.Port));
        var run = message.Run!;
        Assert.Equal(("e1", "Failed", "Checkout", "priya.shah@example.com", "scheduler"), (run.ExecutionId, run.Outcome, run.ModelName, run.UserName, run.Initiator));
        Assert.Equal((Start, Start.AddMinutes(3), 180.0), (run.StartTime, run.EndTime, run.DurationSeconds));
        Assert.Equal("Checkout: step 40 of 40, Failed", run.LastLog);
        Assert.Equal(Start.AddMinutes(3), message.Since);
        Assert.Equal(board.Clock.GetUtcNow(), message.At);
        Assert.Equal("https://sutweb.example.com/wall/agents/default/lab-1", message.DashboardUrl);
        Assert.Equal(["ops"], message.Channels);
    }

    [Fact]
    public void RunIncomplete_RunEndsIncomplete_OneMessage()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunIncomplete, NotificationEvents.RunFailed)).Seed(WithRun("lab-1", "e1", "Running", Start));

        board.Put(WithRun("lab-1", "e1", "Incomplete", Start));

        Assert.Equal(NotificationEvents.RunIncomplete, Assert.Single(board.Sent).Event);
        Assert.Null(board.Sent[0].DashboardUrl);
    }

    [Fact]
    public void RunPassed_NothingToTell()
    {
        using var board = RuleBoard.With(Rule([.. NotificationEvents.All])).Seed(WithRun("lab-1", "e1", "Running", Start));

        board.Put(WithRun("lab-1", "e1", "Passed", Start));
        board.Pass(TimeSpan.FromHours(3), TimeSpan.FromMinutes(1));

        Assert.Empty(board.Sent);
    }

    [Fact]
    public void FirstAnswer_FailedRunAlreadyThere_IsWhereSutWebStartsNotNews()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunFailed, NotificationEvents.RunIncomplete)).Seed(
            WithRun("lab-1", "e1", "Failed", Start), WithRun("lab-2", "e2", "Incomplete", Start));

        board.Pass(TimeSpan.FromMinutes(5));

        Assert.Empty(board.Sent);
    }

    [Fact]
    public void RunLost_AgentLeavesMidRun_LostRunWithoutEnd()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunLost)).Seed(WithRun("lab-1", "e1", "Running", Start));

        board.Remove(Idle("lab-1"));

        var message = Assert.Single(board.Sent);
        Assert.Equal((NotificationEvents.RunLost, "Lost", "e1"), (message.Event, message.Run!.Outcome, message.Run.ExecutionId));
        Assert.Null(message.Run.EndTime);
    }

    [Fact]
    public void RunLost_NextRunBeganBetweenTwoPolls_TheFirstIsLost()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunLost)).Seed(WithRun("lab-1", "e1", "Running", Start));

        board.Put(WithRun("lab-1", "e2", "Running", Start.AddMinutes(1)));

        Assert.Equal("e1", Assert.Single(board.Sent).Run!.ExecutionId);
    }

    [Fact]
    public void RunLost_RunVanishesFromAnAgentStillThere_Lost()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunLost)).Seed(WithRun("lab-1", "e1", "Running", Start));

        board.Put(Idle("lab-1"));

        Assert.Equal("e1", Assert.Single(board.Sent).Run!.ExecutionId);
    }

    [Fact]
    public void RunFailed_WhileAgentWasAway_ToldWhenItReturns()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunFailed)).Seed(WithRun("lab-1", "e1", "Passed", Start));
        board.Remove(Idle("lab-1"));

        board.Put(WithRun("lab-1", "e2", "Failed", Start.AddMinutes(5)));

        Assert.Equal("e2", Assert.Single(board.Sent).Run!.ExecutionId);
    }

    [Fact]
    public void RunStuck_RunsLongerThanStuckAfter_FiresThenResolvedWhenItEnds()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunStuck), stuckAfter: TimeSpan.FromHours(2)).Seed(Idle("lab-1"));
        board.Put(WithRun("lab-1", "e1", "Running", Start));

        board.Pass(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Empty(board.Sent);
        board.Pass(TimeSpan.FromSeconds(1));

        var stuck = Assert.Single(board.Sent);
        Assert.Equal((NotificationEvents.RunStuck, false, Start), (stuck.Event, stuck.Resolved, stuck.Since));
        Assert.Equal("Running", stuck.Run!.Outcome);

        board.Advance(TimeSpan.FromMinutes(10));
        board.Put(WithRun("lab-1", "e1", "Passed", Start));

        Assert.Equal(2, board.Sent.Count);
        var resolved = board.Sent[1];
        Assert.Equal((NotificationEvents.RunStuck, true, "Passed", Start), (resolved.Event, resolved.Resolved, resolved.Run!.Outcome, resolved.Since));
    }

    [Fact]
    public void RunStuck_AlreadyLongAtFirstAnswer_Fires()
    {
        using var board = RuleBoard.With(Rule(NotificationEvents.RunStuck), stuckAfter: TimeSpan.FromHours(2))
            .Seed(WithRun("lab-1", "e1", "Running", Start.AddHours(-3)));

        Assert.Equal(NotificationEvents.RunStuck, Assert.Single(board.Sent).Event);
    }

    [Fact]
    public void RunStuck_EndsBeforeFor_NeitherFiringNorResolved()
    {
        var rule = Rule(NotificationEvents.RunStuck);
        rule.For = TimeSpan.FromMinutes(30);
        using var board = RuleBoard.With(rule, stuckAfter: TimeSpan.FromHours(1)).Seed(WithRun("lab-1", "e1", "Running", Start));

        board.Pass(TimeSpan.FromMinutes(80), TimeSpan.FromMinutes(1));
        board.Put(WithRun("lab-1", "e1", "Failed", Start));
        board.Pass(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));

        Assert.Empty(board.Sent);
    }

    [Fact]
    public void RunStuck_SendResolvedOff_NoResolvedMessage()
    {
        var rule = Rule(NotificationEvents.RunStuck);
        rule.SendResolved = false;
        using var board = RuleBoard.With(rule, stuckAfter: TimeSpan.FromHours(1)).Seed(WithRun("lab-1", "e1", "Running", Start.AddHours(-2)));

        board.Put(WithRun("lab-1", "e1", "Passed", Start.AddHours(-2)));

        Assert.False(Assert.Single(board.Sent).Resolved);
    }

    [Fact]
    public void RunStuck_RepeatEvery_RepeatsWhileItRuns()
    {
        var rule = Rule(NotificationEvents.RunStuck);
        rule.RepeatEvery = TimeSpan.FromMinutes(30);
        using var board = RuleBoard.With(rule, stuckAfter: TimeSpan.FromHours(1)).Seed(WithRun("lab-1", "e1", "Running", Start.AddHours(-1)));

        board.Pass(TimeSpan.FromMinutes(95), TimeSpan.FromMinutes(1));

        Assert.Equal(4, board.Sent.Count(n => n.Event == NotificationEvents.RunStuck && !n.Resolved));
        Assert.All(board.Sent, n => Assert.Equal(Start.AddHours(-1), n.Since));
    }

    [Fact]
    public void Filters_AgentsModelsAndSources_OnlyMatchingRunsAreTold()
    {
        var rule = Rule(NotificationEvents.RunFailed);
        rule.Agents = ["LAB-*", "nightly-?"];
        rule.Models = ["Check*"];
        rule.Sources = ["default", "b*"];
        using var board = RuleBoard.With(rule, sources: ["default", "b-lab", "other"]);
        AgentView[] running =
        [
            WithRun("lab-1", "e1", "Running", Start),
            WithRun("nightly-7", "e2", "Running", Start),
            WithRun("nightly-10", "e3", "Running", Start),
            WithRun("lab-2", "e4", "Running", Start, model: "Login"),
            WithRun("lab-3", "e5", "Running", Start, source: "b-lab"),
            WithRun("lab-4", "e6", "Running", Start, source: "other"),
            WithRun("desk-1", "e7", "Running", Start),
        ];
        board.Seed(running);

        board.Put([.. running.Select(a => a with { Execution = a.Execution! with { Status = "Failed", EndTime = Start.AddMinutes(1) } })]);
        board.Pass(RuleLimitsWindow());

        // One batch: the three that match are one message.
        var message = Assert.Single(board.Sent);
        Assert.Equal(3, message.Count);
        Assert.Contains(message.Run!.ExecutionId, new[] { "e1", "e2", "e5" });
    }

    private static TimeSpan RuleLimitsWindow() => SutWeb.Notifications.Rules.RuleLimits.FoldWindow;
}
