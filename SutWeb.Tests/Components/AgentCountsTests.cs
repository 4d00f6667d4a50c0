using Bunit;
using SutWeb.Components.Widgets;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The header counts what a glance needs: connected, running, idle, failed.</summary>
public sealed class AgentCountsTests : DashboardTestContext
{
    [Fact]
    public void AgentCounts_Board_CountsConnectedRunningIdleAndFailed()
    {
        Publish(
            Agent("a", AgentState.Running), Agent("b", AgentState.Running),
            Agent("c", AgentState.Idle),
            Agent("d", AgentState.Failed), Agent("e", AgentState.Failed), Agent("f", AgentState.Failed),
            Agent("g", AgentState.Passed));

        var cut = Render<AgentCounts>();

        Assert.Equal("7 connected", cut.Find("[data-testid=count-connected]").TextContent.Trim());
        Assert.Equal("2 running", cut.Find("[data-testid=count-running]").TextContent.Trim());
        Assert.Equal("1 idle", cut.Find("[data-testid=count-idle]").TextContent.Trim());
        Assert.Equal("3 failed", cut.Find("[data-testid=count-failed]").TextContent.Trim());
        Assert.Contains("mud-chip-color-error", cut.Find("[data-testid=count-failed]").ClassList);
    }

    [Fact]
    public void AgentCounts_Diff_UpdatesTheCounts()
    {
        Publish(Agent("a", AgentState.Running), Agent("b", AgentState.Idle));
        var cut = Render<AgentCounts>();
        Assert.Equal("0 failed", cut.Find("[data-testid=count-failed]").TextContent.Trim());

        Publish(Agent("a", AgentState.Failed), Agent("b", AgentState.Idle), Agent("c", AgentState.Running));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("3 connected", cut.Find("[data-testid=count-connected]").TextContent.Trim());
            Assert.Equal("1 running", cut.Find("[data-testid=count-running]").TextContent.Trim());
            Assert.Equal("1 failed", cut.Find("[data-testid=count-failed]").TextContent.Trim());
        }, Patience);
    }

    [Fact]
    public void AgentCounts_HealthOnlyUpdate_DoesNotRender()
    {
        Publish(Agent("a", AgentState.Running));
        var cut = Render<AgentCounts>();
        var renders = cut.RenderCount;

        PublishHealth(UpstreamState.Degraded, Clock.GetUtcNow());
        Publish(Agent("a", AgentState.Failed));

        cut.WaitForAssertion(() => Assert.Equal("1 failed", cut.Find("[data-testid=count-failed]").TextContent.Trim()), Patience);
        Assert.Equal(renders + 1, cut.RenderCount);
    }
}
