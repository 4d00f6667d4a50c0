using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>The desk dashboard at <c>/</c> in a real browser against the real host and its simulator.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Dashboard_Open_ListsTheSimulatorsAgents()
    {
        var chromium = browser.Require();
        await using var host = await SutWebHost.StartAsync();
        await host.SetActivityAsync(false);
        var expected = await SimulatorKeysOnTheBoardAsync(host);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();

        await Expect(session.Page.GetByTestId("agent-row")).ToHaveCountAsync(expected.Count);
        foreach (var key in expected)
        {
            await Expect(Row(session.Page, key)).ToBeVisibleAsync();
        }
        await session.ScreenshotAsync("dashboard");
    }

    [SkippableFact]
    public async Task Dashboard_ViewerInAnotherZone_SeesStartTimesInTheirZone()
    {
        var chromium = browser.Require();
        var agent = WireAgents.Agent("steady", 5400, "Running", startedAgo: TimeSpan.FromMinutes(12));
        await using var host = await QuietHost.StartAsync(0, agent);
        const string zone = "Asia/Kolkata"; // UTC+05:30 all year, so never the server's UTC by accident
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900, timeZone: zone);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();

        var kolkata = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(agent["execution_status"]!["starttime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), kolkata);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, kolkata).Date == start.Date;
        var expected = start.ToString(today ? "HH:mm:ss" : "dd MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(Row(session.Page, "steady:5400").GetByTestId("agent-start")).ToHaveTextAsync(expected);
    }

    [SkippableFact]
    public async Task Dashboard_ChooseDark_NextVisitIsDarkFromItsFirstPaint()
    {
        var chromium = browser.Require();
        await using var host = await QuietHost.StartAsync(0, WireAgents.Agent("steady", 5400, "Passed"));
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        var url = new Uri(host.BaseAddress, "/").ToString();
        await session.Page.GotoAsync(url);
        await session.WaitForCircuitAsync();
        var darkBackground = DarkBackgroundRgb();
        await Expect(session.Page.Locator("body")).Not.ToHaveCSSAsync("background-color", darkBackground);

        var dark = session.Page.Locator("[data-testid=theme-option][data-theme=dark]");
        await BrowserSession.ClickUntilAsync(session.Page.GetByTestId("theme-menu").Locator("button").First, dark);
        await dark.ClickAsync();

        await Expect(session.Page.Locator("body")).ToHaveCSSAsync("background-color", darkBackground);
        // A second visit with no script at all shows only what the server rendered: already dark, so no light flash.
        var next = await session.Page.Context.NewPageAsync();
        await next.RouteAsync("**/*.js", route => route.AbortAsync());
        await next.GotoAsync(url);
        await Expect(next.Locator("body")).ToHaveCSSAsync("background-color", darkBackground);
    }

    private static string DarkBackgroundRgb()
    {
        var hex = SutWeb.Components.Styling.SutWebTheme.Theme.PaletteDark.Background.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex).TrimStart('#');
        var rgb = Enumerable.Range(0, 3).Select(i => Convert.ToInt32(hex.Substring(i * 2, 2), 16));
        return $"rgb({string.Join(", ", rgb)})";
    }

    [SkippableFact]
    public async Task Dashboard_AgentPutThroughControlApi_AppearsWithoutReload()
    {
        var chromium = browser.Require();
        await using var host = await QuietHost.StartAsync(0, WireAgents.Agent("steady", 5400, "Passed"));
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        await Expect(Row(session.Page, "steady:5400")).ToBeVisibleAsync();
        await session.MarkLoadAsync();

        await host.PutAgentAsync("arrives-live", WireAgents.Agent("arrives-live", 5901, "Running", model: "LoginFlow"));

        var row = Row(session.Page, "arrives-live:5901");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("agent-name")).ToHaveTextAsync("arrives-live");
        await Expect(row.GetByTestId("agent-state")).ToContainTextAsync("Running");
        Assert.Equal("same page", await session.ReadLoadMarkAsync());
    }

    [SkippableFact]
    public async Task Dashboard_ExpandRow_ShowsLastLog()
    {
        var chromium = browser.Require();
        const string log = "Step 11 passed\r\nStep 12 failed: image \"Basket\" not found\r\n\r\n";
        await using var host = await QuietHost.StartAsync(0, WireAgents.Agent("logger", 5400, "Failed", lastLog: log));
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();

        await ExpandAsync(Row(session.Page, "logger:5400"));

        var details = session.Page.GetByTestId("agent-details");
        await Expect(details).ToBeVisibleAsync();
        await Expect(details.GetByTestId("last-log")).ToContainTextAsync("Step 12 failed: image \"Basket\" not found");
    }

    [SkippableFact]
    public async Task Dashboard_MarkupInAgentName_ShowsTextAndRunsNoScript()
    {
        var chromium = browser.Require();
        const string name = "<img src=x onerror=\"window.__xss=1\">";
        var agent = WireAgents.Agent(name, 5400, "Failed", model: "<b>Bold</b>", lastLog: "<script>window.__xss=2</script>\r\n");
        await using var host = await QuietHost.StartAsync(0, agent);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();

        var row = Row(session.Page, name + ":5400");
        await Expect(row.GetByTestId("agent-name")).ToHaveTextAsync(name);
        await ExpandAsync(row);
        await Expect(session.Page.GetByTestId("last-log")).ToContainTextAsync("<script>window.__xss=2</script>");

        await AssertNoInjectedMarkupAsync(session.Page);
    }

    /// <summary>Opens a row's details (see <see cref="BrowserSession.ClickUntilAsync"/> for why it may click twice).</summary>
    internal static Task ExpandAsync(ILocator row) =>
        BrowserSession.ClickUntilAsync(row.GetByTestId("expand"), row.Locator("[data-testid=expand][aria-expanded=true]"));

    internal static ILocator Row(IPage page, string key) =>
        page.Locator($"[data-testid=\"agent-row\"][data-agent-key=\"{CssString(key)}\"]");

    /// <summary>A value inside a double-quoted CSS attribute selector.</summary>
    internal static string CssString(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");

    /// <summary>Neither the img nor a script from upstream text made it into the document, and none ran.</summary>
    internal static async Task AssertNoInjectedMarkupAsync(IPage page)
    {
        Assert.Equal(0, await page.Locator("img[src=\"x\"]").CountAsync());
        Assert.Equal(0, await page.Locator("script:not([src])").Filter(new() { HasText = "__xss" }).CountAsync());
        Assert.Equal(0, await page.Locator("b", new() { HasText = "Bold" }).CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a script from upstream text ran");
    }

    /// <summary>Waits until the board shows exactly the simulator's agents, and returns their keys.</summary>
    private static async Task<IReadOnlyList<string>> SimulatorKeysOnTheBoardAsync(SutWebHost host)
    {
        IReadOnlyList<string> keys = [];
        await Eventually.UntilAsync(async () =>
        {
            var agents = (await host.Http.GetFromJsonAsync<JsonArray>("simulator/control/agents"))!;
            var names = agents.Select(a => a!["agent_name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            var board = host.Board.Current.Agents;
            keys = [.. board.Select(a => a.Key)];
            return names.Count > 0 && names.SequenceEqual(board.Select(a => a.AgentName).Order(StringComparer.Ordinal));
        }, "the board shows the simulator's agents");
        return keys;
    }
}
