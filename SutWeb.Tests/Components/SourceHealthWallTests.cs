using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SutWeb.Components.Wall;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.SourceBoard;

namespace SutWeb.Tests.Components;

/// <summary>On the wall with two sources, one going stale greys only its own tiles and the banner names it.</summary>
public sealed class SourceHealthWallTests : WallTestContext
{
    public SourceHealthWallTests()
    {
        var options = new EggplantOptions { PollInterval = PollInterval };
        Configure(options);
        Services.AddSingleton(Options.Create(options));
    }

    [Fact]
    public void Wall_LabBFails_GreysOnlyItsTilesAndTheBannerNamesIt()
    {
        PublishBoth(Board, Clock.GetUtcNow(), Agent("mac", AgentState.Running), Agent("win", AgentState.Failed));
        var wall = RenderWall();
        Assert.Empty(wall.FindAll("[data-testid=stale-banner]"));
        Assert.Empty(wall.FindAll("[data-testid=wall-tile][data-stale]"));
        var defaultRenders = DefaultTileRenders(wall);

        // A failed poll: Lab B's data on screen is no longer live, the default source's is.
        Board.PublishHealth(LabB, LabBName, Healthy(Clock.GetUtcNow(), PollInterval) with
        {
            State = UpstreamState.Degraded, LastError = "HTTP 502", ConsecutiveFailures = 1, Cause = UpstreamCause.HttpError,
        });

        wall.WaitForAssertion(() => Assert.Equal(["lab-b/mac:5400", "lab-b/win:5400"], StaleTileKeys(wall)), WaitTimeout);
        var tile = wall.Find("[data-testid=wall-tile][data-agent-key=\"lab-b/win:5400\"]");
        Assert.Contains("wall-tile-stale", tile.ClassList);
        Assert.Equal("Data from Lab B is stale.", tile.QuerySelector("[data-testid=wall-tile-stale] .sutweb-visually-hidden")!.TextContent);
        Assert.Equal("stale", tile.QuerySelector("[data-testid=wall-tile-stale] [aria-hidden=true]")!.TextContent);
        Assert.Equal(defaultRenders, DefaultTileRenders(wall));
        // The banner (following the board on its own) names the stale source only.
        var source = wall.WaitForElement("[data-testid=stale-source]", WaitTimeout);
        Assert.Equal("lab-b", source.GetAttribute("data-source"));
        Assert.Equal("Lab B — Retrying · last good data 09:30:00 UTC", wall.Find("[data-testid=stale-state]").TextContent.Trim());
        Assert.Single(wall.FindAll("[data-testid=stale-source]"));

        Board.PublishHealth(LabB, LabBName, Healthy(Clock.GetUtcNow(), PollInterval));

        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll("[data-testid=stale-banner]")), WaitTimeout);
        wall.WaitForAssertion(() => Assert.Empty(StaleTileKeys(wall)), WaitTimeout);
    }

    [Fact]
    public void Wall_LabBUnreachable_BannerGivesItsAdviceWithItsOwnSetting()
    {
        PublishBoth(Board, Clock.GetUtcNow(), Agent("mac", AgentState.Idle));
        Board.PublishHealth(LabB, LabBName, new UpstreamHealth
        {
            State = UpstreamState.Unreachable,
            LastSuccessAt = Clock.GetUtcNow(),
            LastError = "Connection refused",
            ConsecutiveFailures = 5,
            Cause = UpstreamCause.Network,
            PollIntervalSeconds = PollInterval.TotalSeconds,
        });

        var wall = RenderWall();

        Assert.Equal("Lab B — Eggplant server unreachable since 09:30 UTC", wall.Find("[data-testid=stale-state]").TextContent.Trim());
        Assert.Equal("Cannot reach the Eggplant server at lab-b.example.com: is it running, and is Eggplant:Sources:lab-b:BaseUrl right?",
            wall.Find("[data-testid=stale-advice]").TextContent.Trim());
        Assert.Equal("Connection refused", wall.Find("[data-testid=stale-detail]").TextContent.Trim());
        Assert.Equal(["lab-b/mac:5400"], StaleTileKeys(wall));
    }

    private static List<string> StaleTileKeys(IRenderedComponent<SutWeb.Components.Pages.Wall> wall) =>
        [.. wall.FindAll("[data-testid=wall-tile][data-stale=true]").Select(t => t.GetAttribute("data-agent-key")!).Order(StringComparer.Ordinal)];

    private static Dictionary<string, int> DefaultTileRenders(IRenderedComponent<SutWeb.Components.Pages.Wall> wall) =>
        wall.FindComponents<WallTile>().Where(t => t.Instance.Agent.Source == EggplantSource.DefaultId)
            .ToDictionary(t => t.Instance.Agent.Key, t => t.RenderCount);
}
