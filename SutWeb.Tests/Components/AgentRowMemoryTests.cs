using Bunit;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>
/// What each viewer remembers beyond the board: agents that disconnected a moment ago, and how an agent's previous
/// run ended while its next one is under way.
/// </summary>
public sealed class AgentRowMemoryTests() : DashboardTestContext(new Dictionary<string, string?>
{
    ["Dashboard:DisconnectedRetention"] = "00:05:00",
})
{
    [Fact]
    public void Home_AgentDisconnects_StaysGreyedWithLastSeenThenGoesAfterTheRetention()
    {
        Publish(Agent("agent-01", AgentState.Running), Agent("agent-02", AgentState.Passed));
        var cut = RenderHome();
        Clock.Advance(TimeSpan.FromMinutes(2));

        Publish(Agent("agent-01", AgentState.Running));

        cut.WaitForAssertion(() => Assert.Equal("true", Row(cut, "agent-02:5400").GetAttribute("data-disconnected")), Patience);
        var row = Row(cut, "agent-02:5400");
        Assert.Contains("agent-row--disconnected", row.ClassList);
        Assert.Equal("Disconnected · last seen 10:02 UTC", row.QuerySelector("[data-testid=agent-state]")!.TextContent.Trim());
        Assert.Null(Row(cut, "agent-01:5400").GetAttribute("data-disconnected"));

        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Single(cut.FindAll("[data-agent-key=\"agent-02:5400\"]"));

        Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-agent-key=\"agent-02:5400\"]")), Patience);
        Assert.Equal(["agent-01:5400"], RowKeys(cut));
    }

    [Fact]
    public void Home_AgentComesBackWithinTheRetention_IsConnectedAgain()
    {
        Publish(Agent("agent-01", AgentState.Running), Agent("agent-02", AgentState.Idle));
        var cut = RenderHome();
        Publish(Agent("agent-01", AgentState.Running));
        cut.WaitForAssertion(() => Assert.Equal("true", Row(cut, "agent-02:5400").GetAttribute("data-disconnected")), Patience);

        Publish(Agent("agent-01", AgentState.Running), Agent("agent-02", AgentState.Idle));

        cut.WaitForAssertion(() => Assert.Null(Row(cut, "agent-02:5400").GetAttribute("data-disconnected")), Patience);
        Assert.Equal("Idle", Row(cut, "agent-02:5400").QuerySelector("[data-testid=agent-state]")!.TextContent.Trim());
        Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, RowKeys(cut).Count);
    }

    [Fact]
    public void Home_NextRunStarts_ShowsThePreviousOutcomeNextToRunning()
    {
        Publish(Agent("agent-01", AgentState.Failed));
        var cut = RenderHome();
        Assert.Empty(cut.FindAll("[data-testid=previous-outcome]"));

        Publish(Agent("agent-01", AgentState.Running, start: Clock.GetUtcNow()));

        cut.WaitForAssertion(() => Assert.Equal("running", Row(cut, "agent-01:5400").GetAttribute("data-state")), Patience);
        var badge = Row(cut, "agent-01:5400").QuerySelector("[data-testid=previous-outcome]")!;
        Assert.Equal("last: Failed", badge.TextContent.Trim());
        Assert.Equal("failed", badge.GetAttribute("data-state"));
        Assert.Contains("mud-chip-color-error", badge.ClassList);
        Assert.NotNull(badge.QuerySelector("svg"));

        Publish(Agent("agent-01", AgentState.Passed));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=previous-outcome]")), Patience);

        Publish(Agent("agent-01", AgentState.Running, start: Clock.GetUtcNow()));
        cut.WaitForAssertion(
            () => Assert.Equal("last: Passed", cut.Find("[data-testid=previous-outcome]").TextContent.Trim()),
            Patience);
    }

    [Fact]
    public void Home_RunningWithoutAnOutcomeSeen_HasNoBadge()
    {
        Publish(Agent("agent-01", AgentState.Idle));
        var cut = RenderHome();

        Publish(Agent("agent-01", AgentState.Running));

        cut.WaitForAssertion(() => Assert.Equal("running", Row(cut, "agent-01:5400").GetAttribute("data-state")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=previous-outcome]"));
    }
}
