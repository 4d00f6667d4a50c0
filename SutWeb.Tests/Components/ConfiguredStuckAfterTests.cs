using Bunit;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The stuck threshold comes from configuration.</summary>
public sealed class ConfiguredStuckAfterTests() : DashboardTestContext(new Dictionary<string, string?>
{
    ["Dashboard:StuckAfter"] = "00:30:00",
})
{
    [Fact]
    public void ElapsedTime_ConfiguredStuckAfter_IsUsed()
    {
        Publish(Agent("agent-01", AgentState.Running, start: Clock.GetUtcNow().AddMinutes(-31)));

        var cut = RenderHome();

        Assert.NotNull(cut.Find("[data-testid=possibly-stuck]"));
    }
}
