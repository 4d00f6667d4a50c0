using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>The wall tells the room why it is not live and what to check, and, before any data, whom it waits for.</summary>
public sealed class WallOutageTests : WallTestContext
{
    [Fact]
    public void Wall_ServerUnreachable_BannerSaysWhatToCheckAndTheCause()
    {
        UseServer("https://dai.example.com/");
        Publish(Agent("alpha", AgentState.Running));
        var wall = RenderWall();

        Board.PublishHealth(Board.Current.Health with
        {
            State = UpstreamState.Unreachable,
            LastError = "Cannot reach the Eggplant server at dai.example.com:443: Connection refused (dai.example.com:443)",
            ConsecutiveFailures = 4,
            Cause = UpstreamCause.Network,
        });

        wall.WaitForAssertion(() => Assert.Equal(
            "Cannot reach the Eggplant server at dai.example.com: is it running, and is Eggplant:BaseUrl right?",
            wall.Find("[data-testid=stale-advice]").TextContent.Trim()), WaitTimeout);
        Assert.Equal("Cannot reach the Eggplant server at dai.example.com:443: Connection refused (dai.example.com:443)",
            wall.Find("[data-testid=stale-detail]").TextContent.Trim());
        Assert.Equal("Eggplant server unreachable since 09:30 UTC", wall.Find("[data-testid=stale-state]").TextContent.Trim());
    }

    [Fact]
    public void Wall_NeverHadData_SaysItWaitsForTheSimulatorNotThatNoAgentIsConnected()
    {
        var wall = RenderWall();

        var empty = wall.Find("[data-testid=wall-empty]");
        Assert.Equal("Waiting for the first answer from the embedded simulator…", empty.TextContent.Trim());
        Assert.DoesNotContain("No agents connected", wall.Markup);

        Publish();

        wall.WaitForAssertion(() => Assert.Equal("No agents connected", wall.Find("[data-testid=wall-empty]").TextContent.Trim()), WaitTimeout);
    }

    [Fact]
    public void Wall_NeverHadDataFromARealServer_NamesItsHost()
    {
        UseServer("http://dai.example.com:8080/");

        var wall = RenderWall();

        Assert.Equal("Waiting for the first answer from the Eggplant server at dai.example.com:8080…",
            wall.Find("[data-testid=wall-empty]").TextContent.Trim());
    }

    private void UseServer(string baseUrl) =>
        Services.AddSingleton(Options.Create(new EggplantOptions { PollInterval = PollInterval, BaseUrl = baseUrl }));
}
