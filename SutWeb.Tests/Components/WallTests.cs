using SutWeb.Components.Wall;
using Bunit;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>The wall page in bUnit: staleness, paging, order and text, with the board and the clock in the test's hands.</summary>
public sealed class WallTests : WallTestContext
{
    [Fact]
    public void Wall_HealthyAndFresh_ShowsNoStaleBannerAndTheAge()
    {
        Publish(Agent("alpha", AgentState.Running));

        var wall = RenderWall();

        Assert.Empty(wall.FindAll("[data-testid=stale-banner]"));
        Assert.Equal("updated 0 s ago", wall.Find("[data-testid=wall-updated]").TextContent.Trim());
        Assert.Equal("09:30:00 UTC", wall.Find("[data-testid=wall-clock]").TextContent.Trim());
    }

    [Fact]
    public void Wall_SecondsPassOnTheClock_ClockAndAgeFollow()
    {
        Publish(Agent("alpha", AgentState.Running));
        var wall = RenderWall();

        Clock.Advance(TimeSpan.FromSeconds(5));

        wall.WaitForAssertion(() =>
        {
            Assert.Equal("updated 5 s ago", wall.Find("[data-testid=wall-updated]").TextContent.Trim());
            Assert.Equal("09:30:05 UTC", wall.Find("[data-testid=wall-clock]").TextContent.Trim());
        }, WaitTimeout);
    }

    [Theory]
    [InlineData(UpstreamState.Degraded, "Retrying · last good data 09:30:00 UTC")]
    [InlineData(UpstreamState.Unreachable, "Eggplant server unreachable since 09:30 UTC")]
    [InlineData(UpstreamState.Unauthorized, "Unauthorized: check the Eggplant credentials")]
    public void Wall_HealthNotHealthy_ShowsStaleBannerWithTheHealthSentence(UpstreamState state, string sentence)
    {
        Publish(Agent("alpha", AgentState.Running));
        var wall = RenderWall();
        Assert.Empty(wall.FindAll("[data-testid=stale-banner]"));

        Board.PublishHealth(Board.Current.Health with { State = state, LastError = "HTTP 500", ConsecutiveFailures = 1 });

        wall.WaitForAssertion(() => Assert.Equal(sentence, wall.Find("[data-testid=stale-state]").TextContent.Trim()), WaitTimeout);
        Assert.Equal("HTTP 500", wall.Find("[data-testid=stale-detail]").TextContent.Trim()); // the cause, no longer only in a tooltip
        Assert.Single(wall.FindAll("[data-testid=wall-tile]")); // the last good data stays on screen
    }

    [Fact]
    public void Wall_Starting_ShowsStaleBannerUntilTheFirstPoll()
    {
        var wall = RenderWall();

        Assert.Equal("Connecting to the Eggplant server…", wall.Find("[data-testid=stale-banner]").TextContent.Trim());
        Assert.Equal("no data yet", wall.Find("[data-testid=wall-updated]").TextContent.Trim());
    }

    [Fact]
    public void Wall_DataOlderThanThreePollIntervals_ShowsStaleBanner()
    {
        Publish(Agent("alpha", AgentState.Running));
        var wall = RenderWall();

        // Exactly three intervals old is still fresh; a second more is not, though health still says Healthy.
        Clock.Advance(PollInterval * 3);
        wall.WaitForAssertion(() => Assert.Equal("updated 6 s ago", wall.Find("[data-testid=wall-updated]").TextContent.Trim()), WaitTimeout);
        Assert.Empty(wall.FindAll("[data-testid=stale-banner]"));
        Clock.Advance(TimeSpan.FromSeconds(1));

        wall.WaitForAssertion(() =>
            Assert.Equal("Stale · last good data 09:30:00 UTC", wall.Find("[data-testid=stale-banner]").TextContent.Trim()), WaitTimeout);
    }

    [Fact]
    public void Wall_FreshDataAfterStale_RemovesTheBanner()
    {
        Publish(Agent("alpha", AgentState.Running));
        var wall = RenderWall();
        Clock.Advance(PollInterval * 4);
        wall.WaitForElement("[data-testid=stale-banner]", WaitTimeout);

        Publish(Agent("alpha", AgentState.Running));

        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll("[data-testid=stale-banner]")), WaitTimeout);
    }

    [Fact]
    public void Wall_PollWithNoChangedAgent_RendersOnlyTheAgeNotTheTiles()
    {
        Publish(Agent("alpha", AgentState.Running), Agent("bravo", AgentState.Failed));
        var wall = RenderWall();
        // One source gone stale greys every tile, and fresh data brings them back: a render each way.
        Clock.Advance(PollInterval * 4);
        wall.WaitForElement("[data-testid=stale-banner]", WaitTimeout);
        wall.WaitForAssertion(() => Assert.Equal(2, wall.FindAll("[data-testid=wall-tile][data-stale=true]").Count), WaitTimeout);
        Publish(Agent("alpha", AgentState.Running), Agent("bravo", AgentState.Failed));
        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll("[data-testid=stale-banner]")), WaitTimeout);
        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll("[data-testid=wall-tile][data-stale=true]")), WaitTimeout);
        var tileRenders = wall.FindComponents<WallTile>().Select(t => t.RenderCount).ToArray();
        Clock.Advance(PollInterval);
        wall.WaitForAssertion(() => Assert.Equal("updated 2 s ago", wall.Find("[data-testid=wall-updated]").TextContent.Trim()), WaitTimeout);

        Publish(Agent("alpha", AgentState.Running), Agent("bravo", AgentState.Failed));

        wall.WaitForAssertion(() => Assert.Equal("updated 0 s ago", wall.Find("[data-testid=wall-updated]").TextContent.Trim()), WaitTimeout);
        Assert.Equal(tileRenders, wall.FindComponents<WallTile>().Select(t => t.RenderCount));
    }

    [Fact]
    public void Wall_MixedStates_TilesFailuresFirstThenByName()
    {
        Publish(
            Agent("alpha", AgentState.Passed, port: 1),
            Agent("Bravo", AgentState.Running, port: 2),
            Agent("charlie", AgentState.Failed, port: 3),
            Agent("delta", AgentState.Idle, port: 4),
            Agent("echo", AgentState.Incomplete, port: 5),
            Agent("foxtrot", AgentState.Unknown, port: 6),
            Agent("able", AgentState.Failed, port: 7));

        var wall = RenderWall();

        Assert.Equal(["able:7", "charlie:3", "echo:5", "foxtrot:6", "Bravo:2", "alpha:1", "delta:4"], TileKeys(wall));
    }

    [Fact]
    public void Wall_AgentFails_ItsTileMovesFirst()
    {
        Publish(Agent("alpha", AgentState.Running, port: 1), Agent("bravo", AgentState.Running, port: 2));
        var wall = RenderWall();
        Assert.Equal(["alpha:1", "bravo:2"], TileKeys(wall));

        Publish(Agent("alpha", AgentState.Running, port: 1), Agent("bravo", AgentState.Failed, port: 2));

        wall.WaitForAssertion(() => Assert.Equal(["bravo:2", "alpha:1"], TileKeys(wall)), WaitTimeout);
        var tile = wall.Find("[data-agent-key='bravo:2']");
        Assert.Equal("Failed", tile.GetAttribute("data-state"));
        Assert.Contains("Failed", tile.QuerySelector("[data-testid=wall-tile-state]")!.TextContent);
    }

    [Theory]
    [InlineData("?cycle=5")]
    [InlineData("?page=5")] // the old name, in bookmarks
    public void Wall_MoreAgentsThanFit_PagesEveryIntervalOnTheFakeClock(string query)
    {
        Publish([.. Enumerable.Range(1, 40).Select(i => Agent($"agent-{i:00}", AgentState.Running, port: 5400 + i))]);

        var wall = RenderWall(query);

        Assert.Equal("page 1 of 2", wall.Find("[data-testid=wall-page]").TextContent.Trim());
        Assert.Equal(30, wall.FindAll("[data-testid=wall-tile]").Count);
        Assert.Equal("agent-01:5401", TileKeys(wall)[0]);

        Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("page 1 of 2", wall.Find("[data-testid=wall-page]").TextContent.Trim());
        Clock.Advance(TimeSpan.FromSeconds(1));

        wall.WaitForAssertion(() => Assert.Equal("page 2 of 2", wall.Find("[data-testid=wall-page]").TextContent.Trim()), WaitTimeout);
        Assert.Equal(10, wall.FindAll("[data-testid=wall-tile]").Count);
        Assert.Equal("agent-31:5431", TileKeys(wall)[0]);

        Clock.Advance(TimeSpan.FromSeconds(5));

        wall.WaitForAssertion(() => Assert.Equal("page 1 of 2", wall.Find("[data-testid=wall-page]").TextContent.Trim()), WaitTimeout);
    }

    [Fact]
    public void Wall_AllAgentsFit_ShowsNoPageIndicator()
    {
        Publish([.. Enumerable.Range(1, 12).Select(i => Agent($"agent-{i:00}", AgentState.Running, port: 5400 + i))]);

        var wall = RenderWall();

        Assert.Empty(wall.FindAll("[data-testid=wall-page]"));
        Assert.Equal(12, wall.FindAll("[data-testid=wall-tile]").Count);
        Assert.Equal("--wall-columns: 4; --wall-rows: 3", wall.Find("[data-testid=wall-grid]").GetAttribute("style"));
    }

    [Fact]
    public void Wall_ScaleInUrl_FewerLargerTilesPerPage()
    {
        Publish([.. Enumerable.Range(1, 12).Select(i => Agent($"agent-{i:00}", AgentState.Running, port: 5400 + i))]);

        var wall = RenderWall("?scale=2");

        Assert.Equal("page 1 of 2", wall.Find("[data-testid=wall-page]").TextContent.Trim());
        Assert.Equal(6, wall.FindAll("[data-testid=wall-tile]").Count);
        Assert.Equal("--wall-scale: 2", wall.Find("[data-testid=wall]").GetAttribute("style"));
    }

    [Fact]
    public void Wall_ColsInUrl_UsesThatManyColumns()
    {
        Publish([.. Enumerable.Range(1, 5).Select(i => Agent($"agent-{i:00}", AgentState.Running, port: 5400 + i))]);

        var wall = RenderWall("?cols=2");

        Assert.Equal("--wall-columns: 2; --wall-rows: 3", wall.Find("[data-testid=wall-grid]").GetAttribute("style"));
    }

    [Theory]
    [InlineData("?q=NIGHTLY", new[] { "charlie-nightly:3", "bravo:2", "kiosk-nightly:4" }, "3 of 4 agents · filter: “NIGHTLY”")]
    [InlineData("?q=alpha,kiosk", new[] { "alpha:1", "kiosk-nightly:4" }, "2 of 4 agents · filter: “alpha” or “kiosk”")]
    [InlineData("?state=failed,running&q=nightly", new[] { "charlie-nightly:3", "bravo:2" }, "2 of 4 agents · filter: Running or Failed and “nightly”")]
    // The old filter, in bookmarks: text terms alone mean what they did; states and text now must both hold.
    [InlineData("?filter=alpha|kiosk", new[] { "alpha:1", "kiosk-nightly:4" }, "2 of 4 agents · filter: “alpha” or “kiosk”")]
    [InlineData("?filter=failed,Running,nightly", new[] { "charlie-nightly:3", "bravo:2" }, "2 of 4 agents · filter: Running or Failed and “nightly”")]
    public void Wall_FilterInUrl_ShowsMatchingAgentsAndSaysHowTheyWereChosen(string query, string[] keys, string footer)
    {
        Publish(
            Agent("alpha", AgentState.Failed, port: 1),
            Agent("bravo", AgentState.Running, model: "NightlyRegression", port: 2),
            Agent("charlie-nightly", AgentState.Failed, port: 3),
            Agent("kiosk-nightly", AgentState.Idle, port: 4));

        var wall = RenderWall(query);

        Assert.Equal(keys, TileKeys(wall));
        Assert.Equal(footer, wall.Find(".wall-footer-count").TextContent.Trim());
    }

    [Fact]
    public void Wall_NoAgentMatchesTheFilter_SaysSo()
    {
        Publish(Agent("alpha", AgentState.Running));

        var wall = RenderWall("?filter=nothing-like-it");

        Assert.Empty(wall.FindAll("[data-testid=wall-tile]"));
        Assert.Contains("No agents match “nothing-like-it”", wall.Find("[data-testid=wall-empty]").TextContent);
    }

    [Fact]
    public void Wall_MarkupInUpstreamText_ShowsAsText()
    {
        const string name = "<img src=x onerror=\"window.__xss=1\">";
        Publish(Agent(name, AgentState.Failed, model: "<b>Bold</b>", log: "ok\r\n<script>window.__xss=2</script>\r\n\r\n"));

        var wall = RenderWall();

        var tile = wall.Find("[data-testid=wall-tile]");
        Assert.Equal(name, tile.QuerySelector("[data-testid=wall-tile-name]")!.TextContent);
        Assert.Equal("<script>window.__xss=2</script>", tile.QuerySelector("[data-testid=wall-tile-log]")!.TextContent);
        Assert.Contains("<b>Bold</b>", tile.TextContent);
        Assert.Empty(wall.FindAll("img"));
        Assert.Empty(wall.FindAll("script"));
        Assert.Empty(wall.FindAll("b"));
    }

    [Fact]
    public void Wall_RunningAgent_ElapsedTimeTicksWithTheClock()
    {
        Publish(Agent("alpha", AgentState.Running, start: Clock.GetUtcNow().AddSeconds(-65)));
        var wall = RenderWall();
        Assert.Equal("1:05", wall.Find("[data-testid=wall-tile-elapsed]").TextContent.Trim());

        Clock.Advance(TimeSpan.FromSeconds(1));

        wall.WaitForAssertion(() => Assert.Equal("1:06", wall.Find("[data-testid=wall-tile-elapsed]").TextContent.Trim()), WaitTimeout);
    }

    [Fact]
    public void Wall_RunningForMoreThanADay_ElapsedTimeReadsAsOnTheDesk()
    {
        Publish(Agent("alpha", AgentState.Running, start: Clock.GetUtcNow().AddHours(-26).AddSeconds(-5)));

        var wall = RenderWall();

        Assert.Equal("1 d 02:00:05", wall.Find("[data-testid=wall-tile-elapsed]").TextContent.Trim());
    }
}
