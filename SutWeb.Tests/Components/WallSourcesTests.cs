using Bunit;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>The wall with two Eggplant servers whose agents share their names: tiles say whose, and <c>source=</c> makes a wall per lab.</summary>
public sealed class WallSourcesTests : WallTestContext
{
    private void PublishTwoLabs()
    {
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "default", "Lab A", Agent("mac", AgentState.Failed), Agent("win", AgentState.Idle));
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "lab-b", "Lab B", Agent("mac", AgentState.Running), Agent("linux", AgentState.Idle));
    }

    [Fact]
    public void Wall_SeveralSources_EachTileNamesItsSourceAndPort()
    {
        PublishTwoLabs();

        var wall = RenderWall();

        Assert.Equal(["mac:5400", "lab-b/mac:5400", "lab-b/linux:5400", "win:5400"], TileKeys(wall));
        Assert.Equal(["Lab A", "Lab B", "Lab B", "Lab A"], wall.FindAll("[data-testid=wall-tile-source]").Select(s => s.TextContent.Trim()));
        Assert.Equal(":5400", wall.Find("[data-testid=wall-tile][data-agent-key=\"lab-b/mac:5400\"] .wall-tile-port").TextContent.Trim());
        Assert.Empty(wall.FindAll("[data-testid=wall-source]"));
    }

    [Fact]
    public void Wall_SourceQuery_ShowsOnlyThatSourceAndNamesIt()
    {
        PublishTwoLabs();

        var wall = RenderWall("?source=lab-b");

        Assert.Equal(["lab-b/mac:5400", "lab-b/linux:5400"], TileKeys(wall));
        Assert.Equal("Lab B", wall.Find("[data-testid=wall-source]").TextContent.Trim());
        // The header names the one source; the tiles need not repeat it.
        Assert.Empty(wall.FindAll("[data-testid=wall-tile-source]"));
        Assert.Contains("2 of 4 agents", wall.Find(".wall-footer-count").TextContent);
    }

    [Fact]
    public void Wall_TwoSourcesInTheQuery_ShowsBothAndNamesBoth()
    {
        PublishTwoLabs();

        var wall = RenderWall("?source=lab-b,default&state=idle");

        Assert.Equal(["lab-b/linux:5400", "win:5400"], TileKeys(wall));
        Assert.Equal("Lab A · Lab B", wall.Find("[data-testid=wall-source]").TextContent.Trim());
        Assert.Equal(2, wall.FindAll("[data-testid=wall-tile-source]").Count);
    }

    [Fact]
    public void Wall_UnknownSource_ShowsNoAgentsAndSaysWhichSource()
    {
        PublishTwoLabs();

        var wall = RenderWall("?source=lab-x");

        Assert.Empty(TileKeys(wall));
        Assert.Equal("No agents match source lab-x", wall.Find("[data-testid=wall-empty]").TextContent.Trim());
        Assert.Equal("lab-x", wall.Find("[data-testid=wall-source]").TextContent.Trim());
    }

    [Fact]
    public void Wall_OneSource_NamesNoSource()
    {
        Publish(Agent("mac", AgentState.Failed), Agent("win", AgentState.Idle));

        var wall = RenderWall();

        Assert.Equal(["mac:5400", "win:5400"], TileKeys(wall));
        Assert.Empty(wall.FindAll("[data-testid=wall-tile-source]"));
        Assert.Empty(wall.FindAll("[data-testid=wall-source]"));
        Assert.Equal(":5400", wall.Find(".wall-tile-port").TextContent.Trim());
    }

    [Fact]
    public void Wall_SecondSourceArrives_TilesStartNamingTheirSource()
    {
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "default", "Lab A", Agent("mac", AgentState.Failed));
        var wall = RenderWall();
        Assert.Empty(wall.FindAll("[data-testid=wall-tile-source]"));

        SourceBoard.Publish(Board, Clock.GetUtcNow(), "lab-b", "Lab B", Agent("mac", AgentState.Running));

        wall.WaitForAssertion(
            () => Assert.Equal(["Lab A", "Lab B"], wall.FindAll("[data-testid=wall-tile-source]").Select(s => s.TextContent.Trim())),
            WaitTimeout);
    }
}
