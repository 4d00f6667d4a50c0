using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SutWeb.History;
using SutWeb.History.Expectations;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>The wall with history: a running tile's bar at its real fraction, marked past the usual; a failed tile's streak.</summary>
public sealed class WallExpectationsTests : WallTestContext
{
    private readonly RunExpectations _expectations = new();

    public WallExpectationsTests() => Services.AddSingleton(_expectations);

    [Fact]
    public void WallTile_RunningWithUsualDuration_RealFractionThenOverrunInWords()
    {
        _expectations.Publish(new HistoryKey("default", "Login"), new RunExpectation(TimeSpan.FromMinutes(15), 20));
        Publish(Agent("lab-1", AgentState.Running, model: "Login", start: Clock.GetUtcNow().AddMinutes(-3)));
        var wall = RenderWall();

        wall.WaitForAssertion(() => Assert.False(wall.FindComponent<MudProgressLinear>().Instance.Indeterminate), WaitTimeout);
        Assert.Equal("20", Percent(wall));
        Assert.Equal("lab-1: 20 % of the usual 15:00, about 12 min left", wall.Find("[data-testid=wall-tile-progress]").GetAttribute("aria-label"));
        Assert.Empty(wall.FindAll("[data-testid=wall-tile-overrun]"));

        Clock.Advance(TimeSpan.FromMinutes(6));
        wall.WaitForAssertion(() => Assert.Equal("60", Percent(wall)), WaitTimeout);

        Clock.Advance(TimeSpan.FromMinutes(11));
        wall.WaitForAssertion(() => Assert.Equal("5 min over usual", wall.Find("[data-testid=wall-tile-overrun]").TextContent), WaitTimeout);
        Assert.Equal("100", Percent(wall));
        Assert.Equal("true", wall.Find("[data-testid=wall-tile-progress]").GetAttribute("data-overrun"));
    }

    [Fact]
    public void WallTile_RunningWithoutHistoryOfItsModel_IndeterminateAsBefore()
    {
        Publish(Agent("lab-1", AgentState.Running, model: "Login", start: Clock.GetUtcNow().AddMinutes(-3)));
        var wall = RenderWall();

        wall.WaitForAssertion(() => Assert.True(wall.FindComponent<MudProgressLinear>().Instance.Indeterminate), WaitTimeout);
        Assert.Empty(wall.FindAll("[data-testid=wall-tile-overrun]"));
    }

    [Fact]
    public void WallTile_ThirdFailureInARow_SaysSo()
    {
        var agent = Failed("lab-1", "f3");
        _expectations.Publish(new HistoryKey("default", "lab-1"), Record(Clock.GetUtcNow(), new RunStreak(RunOutcomes.Failed, 3), "f3", "f2", "f1"));
        Publish(agent);
        var wall = RenderWall();

        wall.WaitForAssertion(() => Assert.Equal("3rd failure in a row", wall.Find("[data-testid=wall-tile-streak]").TextContent), WaitTimeout);
    }

    [Fact]
    public void WallTile_FirstFailure_SaysWhenItLastPassed()
    {
        var agent = Failed("lab-1", "f1");
        _expectations.Publish(new HistoryKey("default", "lab-1"), Record(Clock.GetUtcNow(), new RunStreak(RunOutcomes.Failed, 1), "f1", "p1"));
        Publish(agent);
        var wall = RenderWall();

        wall.WaitForAssertion(() => Assert.Equal("last passed 2 days ago", wall.Find("[data-testid=wall-tile-streak]").TextContent), WaitTimeout);
    }

    [Fact]
    public void WallTile_RecordWithoutThisFailureYet_NoStreakUntilItArrives()
    {
        var agent = Failed("lab-1", "f3");
        var now = Clock.GetUtcNow();
        _expectations.Publish(new HistoryKey("default", "lab-1"), Record(now, new RunStreak(RunOutcomes.Failed, 2), "f2", "f1"));
        Publish(agent);
        var wall = RenderWall();
        wall.WaitForAssertion(() => Assert.Single(wall.FindAll("[data-testid=wall-tile]")), WaitTimeout);
        Assert.Empty(wall.FindAll("[data-testid=wall-tile-streak]"));

        _expectations.Publish(new HistoryKey("default", "lab-1"), Record(now, new RunStreak(RunOutcomes.Failed, 3), "f3", "f2", "f1"));

        wall.WaitForAssertion(() => Assert.Equal("3rd failure in a row", wall.Find("[data-testid=wall-tile-streak]").TextContent), WaitTimeout);
    }

    /// <summary>What a screen reader hears of the bar: its value, 0 to 100.</summary>
    private static string? Percent(IRenderedComponent<SutWeb.Components.Pages.Wall> wall) =>
        wall.Find("[data-testid=wall-tile-progress]").GetAttribute("aria-valuenow");

    private AgentView Failed(string name, string executionId)
    {
        var agent = Agent(name, AgentState.Failed, model: "Login", start: Clock.GetUtcNow().AddMinutes(-10));
        return agent with { Execution = agent.Execution! with { Id = executionId, EndTime = Clock.GetUtcNow().AddMinutes(-1) } };
    }

    /// <summary>Runs newest first, an hour apart; the last pass two days ago.</summary>
    private static AgentTrackRecord Record(DateTimeOffset now, RunStreak streak, params string[] executionIds) =>
        new([.. executionIds.Select((id, i) => new PastRun(id, id.StartsWith('p') ? RunOutcomes.Passed : RunOutcomes.Failed, now.AddHours(-i), now.AddHours(-i).AddMinutes(5)))],
            streak, now.AddDays(-2));
}
