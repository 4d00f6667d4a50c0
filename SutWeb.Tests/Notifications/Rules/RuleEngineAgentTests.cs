using SutWeb.Notifications;
using SutWeb.Notifications.Rules;
using static SutWeb.Tests.Notifications.Rules.RuleAgents;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary>Agents dropping and coming back: For, RepeatEvery, resolved messages and flapping; on a fake clock.</summary>
public sealed class RuleEngineAgentTests
{
    private static RuleOptions Rule(TimeSpan? forTime = null, TimeSpan? repeat = null, params string[] events) => new()
    {
        Events = events.Length == 0 ? [NotificationEvents.AgentDisconnected] : [.. events],
        For = forTime ?? TimeSpan.Zero,
        RepeatEvery = repeat,
    };

    [Fact]
    public void AgentDisconnected_NoFor_ToldAtOnceAndReconnectedWhenBack()
    {
        using var board = RuleBoard.With(Rule(), publicUrl: "https://sutweb.example.com").Seed(Idle("lab 1"));

        board.Remove(Idle("lab 1"));
        var dropped = Assert.Single(board.Sent);
        Assert.Equal((NotificationEvents.AgentDisconnected, false, RuleBoard.Start), (dropped.Event, dropped.Resolved, dropped.Since));
        Assert.Equal("https://sutweb.example.com/agents/default/lab%201", dropped.DashboardUrl);

        board.Advance(TimeSpan.FromMinutes(5));
        board.Put(Idle("lab 1"));

        Assert.Equal(2, board.Sent.Count);
        Assert.Equal((NotificationEvents.AgentReconnected, true, RuleBoard.Start), (board.Sent[1].Event, board.Sent[1].Resolved, board.Sent[1].Since));
    }

    [Fact]
    public void For_AgentBackWithinIt_NothingAtAll()
    {
        using var board = RuleBoard.With(Rule(TimeSpan.FromMinutes(1))).Seed(Idle("lab-1"));

        board.Remove(Idle("lab-1"));
        board.Pass(TimeSpan.FromSeconds(50));
        board.Put(Idle("lab-1"));
        board.Pass(TimeSpan.FromMinutes(10));

        Assert.Empty(board.Sent);
    }

    [Fact]
    public void For_AgentGoneLongerThanIt_ToldWhenItHasHeld()
    {
        using var board = RuleBoard.With(Rule(TimeSpan.FromMinutes(1))).Seed(Idle("lab-1"));
        board.Remove(Idle("lab-1"));

        board.Pass(TimeSpan.FromSeconds(59));
        Assert.Empty(board.Sent);
        board.Pass(TimeSpan.FromSeconds(1));

        var message = Assert.Single(board.Sent);
        Assert.Equal((RuleBoard.Start, RuleBoard.Start.AddMinutes(1)), (message.Since, message.At));
    }

    [Fact]
    public void RepeatEvery_WhileGone_RepeatsThenOneResolved()
    {
        using var board = RuleBoard.With(Rule(repeat: TimeSpan.FromMinutes(10))).Seed(Idle("lab-1"));
        board.Remove(Idle("lab-1"));

        board.Pass(TimeSpan.FromMinutes(35), TimeSpan.FromMinutes(1));
        board.Put(Idle("lab-1"));
        board.Pass(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));

        Assert.Equal([false, false, false, false, true], board.Sent.Select(n => n.Resolved));
        Assert.All(board.Sent, n => Assert.Equal(RuleBoard.Start, n.Since));
    }

    [Fact]
    public void RepeatEvery_LongerThanATimerCanWait_StillRepeats()
    {
        using var board = RuleBoard.With(Rule(repeat: TimeSpan.FromDays(60))).Seed(Idle("lab-1"));
        board.Remove(Idle("lab-1"));

        board.Pass(TimeSpan.FromDays(61), TimeSpan.FromHours(6));

        Assert.Equal(2, board.Sent.Count);
        Assert.Equal(RuleBoard.Start.AddDays(60), board.Sent[1].At);
    }

    [Fact]
    public void DepartedAgents_MoreThanRemembered_OldestForgottenWithoutAMessage()
    {
        using var board = RuleBoard.With(Rule());
        var others = Enumerable.Range(1, RuleLimits.MaxDepartedAgents).Select(i => Idle($"lab-{i:00000}")).ToArray();
        board.Seed([Idle("oldest"), .. others]);
        board.Remove(Idle("oldest"));
        board.Pass(RuleLimits.FoldWindow);
        board.Remove(others);
        board.Pass(RuleLimits.FoldWindow);
        var before = board.Sent.Count;

        board.Put(Idle("oldest"));
        board.Put(others[0]);

        Assert.Equal([(NotificationEvents.AgentReconnected, "lab-00001")], board.Sent.Skip(before).Select(n => (n.Event, n.Agent!.AgentName)));
    }

    [Fact]
    public void SendResolvedOff_Back_NoReconnectedMessage()
    {
        var rule = Rule();
        rule.SendResolved = false;
        using var board = RuleBoard.With(rule).Seed(Idle("lab-1"));

        board.Remove(Idle("lab-1"));
        board.Put(Idle("lab-1"));

        Assert.Equal(NotificationEvents.AgentDisconnected, Assert.Single(board.Sent).Event);
    }

    [Fact]
    public void AgentReconnectedOnly_BackAfterFor_OnlyTheReturnIsTold()
    {
        using var board = RuleBoard.With(Rule(TimeSpan.FromMinutes(1), null, NotificationEvents.AgentReconnected)).Seed(Idle("lab-1"), Idle("lab-2"));

        board.Remove(Idle("lab-1"), Idle("lab-2"));
        board.Pass(TimeSpan.FromSeconds(30));
        board.Put(Idle("lab-2"));
        board.Pass(TimeSpan.FromMinutes(2));
        board.Put(Idle("lab-1"));

        var message = Assert.Single(board.Sent);
        Assert.Equal((NotificationEvents.AgentReconnected, "lab-1"), (message.Event, message.Agent!.AgentName));
    }

    [Fact]
    public void Flapping_FourDropsWithinTenMinutes_OneFlappingMessageThenQuietUntilSettled()
    {
        using var board = RuleBoard.With(Rule(TimeSpan.FromMinutes(1), null, NotificationEvents.AgentDisconnected, NotificationEvents.AgentReconnected))
            .Seed(Idle("lab-1"));

        // Drops of 30 s each, every two minutes, for 20 minutes: none is news alone, together they are.
        for (var i = 0; i < 10; i++)
        {
            board.Remove(Idle("lab-1"));
            board.Pass(TimeSpan.FromSeconds(30));
            board.Put(Idle("lab-1"));
            board.Pass(TimeSpan.FromSeconds(90));
        }
        board.Pass(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));

        var message = Assert.Single(board.Sent);
        Assert.Equal((NotificationEvents.AgentDisconnected, true, RuleLimits.FlapThreshold), (message.Event, message.Flapping, message.Count));
        Assert.Equal(RuleBoard.Start, message.Since);

        // Settled: a drop is news again.
        board.Remove(Idle("lab-1"));
        board.Pass(TimeSpan.FromMinutes(2));
        Assert.Equal(2, board.Sent.Count);
        Assert.False(board.Sent[1].Flapping);
    }

    [Fact]
    public void Flapping_SettlesWhileGone_TheDropIsToldThen()
    {
        using var board = RuleBoard.With(Rule()).Seed(Idle("lab-1"));
        for (var i = 0; i < RuleLimits.FlapThreshold; i++)
        {
            board.Remove(Idle("lab-1"));
            board.Pass(TimeSpan.FromSeconds(10));
            board.Put(Idle("lab-1"));
            board.Pass(TimeSpan.FromSeconds(50));
        }
        var before = board.Sent.Count;
        Assert.Single(board.Sent, n => n.Flapping);

        board.Remove(Idle("lab-1"));
        board.Pass(RuleLimits.FlapWindow - TimeSpan.FromSeconds(1));
        Assert.Equal(before, board.Sent.Count);
        board.Pass(TimeSpan.FromSeconds(1));

        var told = board.Sent.Last();
        Assert.Equal((NotificationEvents.AgentDisconnected, false, false), (told.Event, told.Flapping, told.Resolved));
        Assert.Equal(before + 1, board.Sent.Count);
    }
}
