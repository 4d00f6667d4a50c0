using Bunit;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>A running run's elapsed time ticks every second, re-rendering only its row; a finished run shows its duration; a long one is flagged.</summary>
public sealed class ElapsedTimeTests : DashboardTestContext
{
    [Fact]
    public void ElapsedTime_Running_TicksEverySecondRerenderingOnlyItsRow()
    {
        var now = Clock.GetUtcNow();
        Publish(
            Agent("agent-01", AgentState.Running, start: now.AddSeconds(-65)),
            Agent("agent-02", AgentState.Passed, start: now.AddMinutes(-10), end: now.AddMinutes(-5)));
        var cut = RenderHome();
        Assert.Equal("1:05", Elapsed(cut, "agent-01:5400"));
        Assert.Equal("5:00", Elapsed(cut, "agent-02:5400"));
        var rowRenders = RowRenders(cut);

        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("1:06", Elapsed(cut, "agent-01:5400")), Patience);
        Assert.Equal("5:00", Elapsed(cut, "agent-02:5400"));
        Assert.Equal(rowRenders["agent-01:5400"] + 1, RowRenders(cut)["agent-01:5400"]);
        Assert.Equal(rowRenders["agent-02:5400"], RowRenders(cut)["agent-02:5400"]);
    }

    [Fact]
    public void ElapsedTime_OverAnHour_ShowsHours()
    {
        Publish(Agent("agent-01", AgentState.Running, start: Clock.GetUtcNow().AddSeconds(-3605)));

        var cut = RenderHome();

        Assert.Equal("1:00:05", Elapsed(cut, "agent-01:5400"));
    }

    [Fact]
    public void ElapsedTime_RunningPastStuckAfter_IsMarkedPossiblyStuck()
    {
        Publish(Agent("agent-01", AgentState.Running, start: Clock.GetUtcNow() - TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1)),
            Agent("agent-02", AgentState.Running, start: Clock.GetUtcNow()));
        var cut = RenderHome();
        Assert.Empty(cut.FindAll("[data-testid=possibly-stuck]"));

        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, "agent-01:5400").QuerySelector("[data-testid=possibly-stuck]")), Patience);
        var marker = Row(cut, "agent-01:5400").QuerySelector("[data-testid=possibly-stuck]")!;
        Assert.Equal("Possibly stuck", marker.TextContent.Trim());
        Assert.NotNull(marker.QuerySelector("svg"));
        Assert.Contains("mud-chip-color-warning", marker.ClassList);
        Assert.Null(Row(cut, "agent-02:5400").QuerySelector("[data-testid=possibly-stuck]"));
    }

    [Fact]
    public void ElapsedTime_FinishedLongRun_IsNotMarkedStuck()
    {
        Publish(Agent("agent-01", AgentState.Passed, start: Clock.GetUtcNow().AddHours(-5), end: Clock.GetUtcNow().AddHours(-1)));

        var cut = RenderHome();

        Assert.Equal("4:00:00", Elapsed(cut, "agent-01:5400"));
        Assert.Empty(cut.FindAll("[data-testid=possibly-stuck]"));
    }

    private static string Elapsed(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string key) =>
        Row(cut, key).QuerySelector("[data-testid=elapsed]")!.TextContent;
}
