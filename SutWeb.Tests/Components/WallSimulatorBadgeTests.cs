using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>The wall says "Simulator" in its header whenever the embedded simulator's made-up data is shown.</summary>
public sealed class WallSimulatorBadgeTests : WallTestContext
{
    [Fact]
    public void Wall_SimulatorIsTheSource_ShowsTheSimulatorBadgeInTheHeader()
    {
        Publish(Agent("alpha", AgentState.Running));

        var wall = RenderWall();

        var badge = wall.Find(".wall-header [data-testid=simulator-badge]");
        Assert.Equal("Simulator", badge.TextContent.Trim());
        Assert.Contains("set Eggplant:BaseUrl to watch a real server", badge.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void Wall_RealServer_ShowsNoSimulatorBadge()
    {
        Services.AddSingleton(Options.Create(new EggplantOptions { BaseUrl = "https://dai.example.com/", PollInterval = PollInterval }));
        Publish(Agent("alpha", AgentState.Running));

        var wall = RenderWall();

        Assert.Empty(wall.FindAll("[data-testid=simulator-badge]"));
    }
}
