using Microsoft.Playwright;
using SutWeb.Components.Wall;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>The wall screen at <c>/wall</c> in a real browser against the real host and its simulator.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Wall_Open_ShowsTilesFailuresFirst()
    {
        var chromium = browser.Require();
        await using var host = await QuietHost.StartAsync(0,
            WireAgents.Agent("alpha", 5400, "Passed", model: "LoginFlow"),
            WireAgents.Agent("bravo", 5401, "Running", model: "CheckoutSmoke", startedAgo: TimeSpan.FromMinutes(12)),
            WireAgents.Agent("charlie", 5402, "Failed", model: "BBCSport",
                lastLog: "Internal Error: Failed to open model input file \"BBCSport\"\r\n\r\n"),
            WireAgents.Agent("delta", 5403),
            WireAgents.Agent("echo", 5404, "Incomplete", model: "ProfileSettings"),
            WireAgents.Agent("foxtrot", 5405, "Failed", model: "CartAbandonment"));
        await using var session = await BrowserSession.OpenAsync(chromium, output);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();

        var tiles = session.Page.GetByTestId("wall-tile");
        await Expect(tiles).ToHaveCountAsync(6);
        var order = await tiles.EvaluateAllAsync<string[]>("tiles => tiles.map(t => t.dataset.agentKey)");
        Assert.Equal(["charlie:5402", "foxtrot:5405", "echo:5404", "bravo:5401", "alpha:5400", "delta:5403"], order);
        await Expect(Tile(session.Page, "charlie:5402")).ToContainTextAsync("Failed");
        await Expect(Tile(session.Page, "charlie:5402")).ToContainTextAsync("Internal Error: Failed to open model input file \"BBCSport\"");
        await Expect(session.Page.GetByTestId("wall-clock")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("wall-updated")).ToContainTextAsync("updated");
        await Expect(session.Page.GetByTestId("stale-banner")).ToHaveCountAsync(0);
        Assert.True(await FitsTheViewportAsync(session.Page), "the wall scrolls");
        await session.ScreenshotAsync("wall");
    }

    [SkippableFact]
    public async Task Wall_UpstreamFault_ShowsStaleBannerUntilHealthy()
    {
        var chromium = browser.Require();
        await using var host = await QuietHost.StartAsync(0, WireAgents.Agent("alpha", 5400, "Running"), WireAgents.Agent("bravo", 5401, "Failed"));
        await using var session = await BrowserSession.OpenAsync(chromium, output);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("wall-tile")).ToHaveCountAsync(2);
        await Expect(session.Page.GetByTestId("stale-banner")).ToHaveCountAsync(0);

        await host.SetFaultAsync("http500");

        await Expect(session.Page.GetByTestId("stale-banner")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("wall-tile")).ToHaveCountAsync(2); // the last good data stays
        await session.ScreenshotAsync("wall-stale");

        await host.SetFaultAsync("none");

        await Expect(session.Page.GetByTestId("stale-banner")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Wall_MoreAgentsThanFit_PagesThroughThem()
    {
        var chromium = browser.Require();
        var agents = Enumerable.Range(1, 40)
            .Select(i => WireAgents.Agent($"agent-{i:00}", 5400 + i, (i % 7) switch { 0 => "Failed", 1 or 2 or 3 => "Running", 4 => "Passed", 5 => "Incomplete", _ => null }))
            .ToArray();
        await using var host = await QuietHost.StartAsync(0, agents);
        await using var session = await BrowserSession.OpenAsync(chromium, output);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "wall?cycle=2&theme=light").ToString());
        await session.WaitForCircuitAsync();

        var indicator = session.Page.GetByTestId("wall-page");
        await Expect(indicator).ToHaveTextAsync("page 1 of 2");
        await Expect(session.Page.GetByTestId("wall-tile")).ToHaveCountAsync(30);
        Assert.True(await FitsTheViewportAsync(session.Page), "the wall scrolls");
        await session.ScreenshotAsync("wall-light-paged");
        await Expect(indicator).ToHaveTextAsync("page 2 of 2");
        await Expect(session.Page.GetByTestId("wall-tile")).ToHaveCountAsync(10);
    }

    [SkippableFact]
    public async Task Wall_ScreenTurnedToPortrait_LaysOutAgainWithoutReload()
    {
        var chromium = browser.Require();
        var agents = Enumerable.Range(1, 40).Select(i => WireAgents.Agent($"agent-{i:00}", 5400 + i, "Running")).ToArray();
        await using var host = await QuietHost.StartAsync(0, agents);
        await using var session = await BrowserSession.OpenAsync(chromium, output, width: 1920, height: 1080);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();
        var landscape = WallLayout.For(40, columns: null, scale: 1, aspect: 1920 / 1080.0);
        var portrait = WallLayout.For(40, columns: null, scale: 1, aspect: 1080 / 1920.0);
        Assert.NotEqual(landscape, portrait);
        var grid = session.Page.GetByTestId("wall-grid");
        await ExpectGridAsync(grid, landscape);
        await Expect(session.Page.GetByTestId("wall-tile")).ToHaveCountAsync(landscape.PerPage);
        var navigations = 0;
        session.Page.FrameNavigated += (_, _) => navigations++;

        await session.Page.SetViewportSizeAsync(1080, 1920);

        await ExpectGridAsync(grid, portrait);
        await Expect(session.Page.GetByTestId("wall-tile")).ToHaveCountAsync(portrait.PerPage);
        Assert.True(await FitsTheViewportAsync(session.Page), "the wall scrolls");
        await session.ScreenshotAsync("wall-portrait");

        await session.Page.SetViewportSizeAsync(1920, 1080);

        await ExpectGridAsync(grid, landscape);
        Assert.Equal(0, navigations);
    }

    /// <summary>The grid the page asked for (its style), and the one the browser laid out from it (wall.css).</summary>
    private static async Task ExpectGridAsync(ILocator grid, WallLayout layout)
    {
        await Expect(grid).ToHaveAttributeAsync("style", layout.Style);
        // The style sheet may still be on its way when the attribute is: wait for the browser's layout to follow it.
        int[] laidOut = [];
        await Eventually.UntilAsync(async () =>
        {
            laidOut = await grid.EvaluateAsync<int[]>(
                "g => [getComputedStyle(g).gridTemplateColumns, getComputedStyle(g).gridTemplateRows].map(t => t.split(' ').length)");
            return laidOut.SequenceEqual([layout.Columns, layout.Rows]);
        }, $"the browser lays the wall out {layout.Columns} × {layout.Rows}");
        Assert.Equal([layout.Columns, layout.Rows], laidOut);
    }

    [SkippableFact]
    public async Task Wall_MarkupInAgentName_ShowsTextAndRunsNoScript()
    {
        var chromium = browser.Require();
        const string name = "<img src=x onerror=\"window.__xss=1\">";
        var agent = WireAgents.Agent(name, 5400, "Failed", model: "<b>Bold</b>", lastLog: "<script>window.__xss=2</script>\r\n");
        await using var host = await QuietHost.StartAsync(0, agent);
        await using var session = await BrowserSession.OpenAsync(chromium, output);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();

        var tile = Tile(session.Page, name + ":5400");
        await Expect(tile.GetByTestId("wall-tile-name")).ToHaveTextAsync(name);
        await Expect(tile.GetByTestId("wall-tile-log")).ToHaveTextAsync("<script>window.__xss=2</script>");
        await Expect(tile).ToContainTextAsync("<b>Bold</b>");
        await DashboardEndToEndTests.AssertNoInjectedMarkupAsync(session.Page);
    }

    internal static ILocator Tile(IPage page, string key) =>
        page.Locator($"[data-testid=\"wall-tile\"][data-agent-key=\"{DashboardEndToEndTests.CssString(key)}\"]");

    /// <summary>Nothing to scroll: the document is no larger than the viewport.</summary>
    internal static Task<bool> FitsTheViewportAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth");
}
