using Bunit;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>With <c>History:Provider=None</c> there is no <c>RunExpectations</c>: the desk shows what it showed before history.</summary>
public sealed class RunExpectationsAbsentTests : DashboardTestContext
{
    [Fact]
    public void Desk_NoHistory_NoExpectationAndNoRecentRuns()
    {
        var agent = Agent("lab-1", AgentState.Running, start: Clock.GetUtcNow().AddMinutes(-3));
        Publish(agent);
        var cut = RenderHome();

        Row(cut, agent.Key).QuerySelector("[data-testid=expand]")!.Click();

        cut.WaitForElement("[data-testid=agent-details]", Patience);
        Assert.Equal("3:00", Row(cut, agent.Key).QuerySelector("[data-testid=elapsed]")!.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=expected]"));
        Assert.Empty(cut.FindAll("[data-testid=recent-runs]"));
    }
}
