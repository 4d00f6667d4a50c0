using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// WCAG 2.2 A and AA, checked by axe-core on the desk (<c>/</c>, also with a row open) and the wall, in light and
/// dark, with an agent in every state on screen so that every state's colours are checked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Every state an agent can be in, each once; the unknown one with a status no documentation names.</summary>
    internal static JsonObject[] EveryState() =>
    [
        WireAgents.Agent("idle-agent", 5400),
        WireAgents.Agent("running-agent", 5401, "Running", startedAgo: TimeSpan.FromMinutes(3)),
        WireAgents.Agent("passed-agent", 5402, "Passed", model: "LoginFlow"),
        WireAgents.Agent("failed-agent", 5403, "Failed", model: "BBCSport",
            lastLog: "Step 11 passed\r\nInternal Error: Failed to open model input file \"BBCSport\"\r\n\r\n"),
        WireAgents.Agent("incomplete-agent", 5404, "Incomplete", model: "ProfileSettings"),
        WireAgents.Agent("odd-agent", 5405, "Queued"),
        // Past Dashboard:StuckAfter (2 h by default): "possibly stuck".
        WireAgents.Agent("stuck-agent", 5406, "Running", startedAgo: TimeSpan.FromHours(3)),
    ];

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Desk_EveryStateAndARowOpen_HasNoWcagViolations(string theme)
    {
        var chromium = browser.Require();
        AxeScript.Require();
        await using var host = await QuietHost.StartAsync(0, [.. EveryState(), WireAgents.Agent("leaving-agent", 5407, "Passed"),
            WireAgents.Agent("rerun-agent", 5408, "Failed")]);
        await using var session = await OpenAsync(chromium, host, theme, 1440, 900);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("agent-row")).ToHaveCountAsync(9);
        await WaitUntilLiveAsync(session.Page, host);

        // A disconnected row (greyed) and a running row that shows its previous failure.
        await host.DeleteAgentAsync("leaving-agent");
        await host.PutAgentAsync("rerun-agent", WireAgents.Agent("rerun-agent", 5408, "Running"));
        await Expect(DashboardEndToEndTests.Row(session.Page, "leaving-agent:5407")).ToHaveAttributeAsync("data-disconnected", "true");
        await Expect(DashboardEndToEndTests.Row(session.Page, "rerun-agent:5408").GetByTestId("previous-outcome")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("possibly-stuck")).ToBeVisibleAsync();

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/ ({theme})");
        await session.ScreenshotAsync($"a11y-desk-{theme}");

        await DashboardEndToEndTests.ExpandAsync(DashboardEndToEndTests.Row(session.Page, "failed-agent:5403"));
        await Expect(session.Page.GetByTestId("agent-details")).ToBeVisibleAsync();

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/ with a row open ({theme})");
        await session.ScreenshotAsync($"a11y-desk-open-{theme}");
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Wall_EveryStateAndStale_HasNoWcagViolations(string theme)
    {
        var chromium = browser.Require();
        AxeScript.Require();
        await using var host = await QuietHost.StartAsync(0, EveryState());
        await using var session = await OpenAsync(chromium, host, theme, 1920, 1080);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, $"wall?theme={theme}").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("wall-tile")).ToHaveCountAsync(EveryState().Length);

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/wall ({theme})");
        await session.ScreenshotAsync($"a11y-wall-{theme}");
        // Six states' counts do not fit one line beside the clock: they wrap, none cut off.
        Assert.True(await session.Page.GetByTestId("wall-counts").EvaluateAsync<bool>(
            "box => [...box.children].every(c => c.getBoundingClientRect().right <= box.getBoundingClientRect().right + 0.5)"),
            "a state's count on the wall is cut off");

        await host.SetFaultAsync("http500");
        var banner = session.Page.GetByTestId("stale-banner");
        await Expect(banner).ToBeVisibleAsync();

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/wall with stale data ({theme})");
        await session.ScreenshotAsync($"a11y-wall-stale-{theme}");

        // Retrying (a warning) turns into unreachable (an error) after three poll intervals.
        await Expect(banner).ToContainTextAsync("unreachable");
        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/wall with the server unreachable ({theme})");
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EmptyBoardAndServerDown_DeskAndWall_HaveNoWcagViolations(string theme)
    {
        var chromium = browser.Require();
        AxeScript.Require();
        await using var host = await QuietHost.StartAsync(0);
        await using var session = await OpenAsync(chromium, host, theme, 1440, 900);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("no-agents")).ToBeVisibleAsync();
        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/ with no agents ({theme})");

        await host.SetFaultAsync("http500");
        await Expect(session.Page.GetByTestId("health-chip")).ToHaveAttributeAsync("data-state", "unreachable");
        // The outage's cause in words, on the page itself: its text must read as well as the rest.
        await Expect(session.Page.GetByTestId("health-alert")).ToHaveAttributeAsync("data-state", "unreachable");
        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/ with the server unreachable ({theme})");
        await session.ScreenshotAsync($"a11y-desk-unreachable-{theme}");

        await session.Page.GotoAsync(new Uri(host.BaseAddress, $"wall?theme={theme}").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("wall-empty")).ToBeVisibleAsync();
        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/wall with no agents ({theme})");
    }

    /// <summary>
    /// Waits until the page follows the board live: an agent put now shows up. Changes made before that could land
    /// before the page's live rows start, which would then take them as the first picture rather than as news.
    /// </summary>
    internal static async Task WaitUntilLiveAsync(IPage page, SutWebHost host)
    {
        await host.PutAgentAsync("live-probe", WireAgents.Agent("live-probe", 5999));
        await Expect(DashboardEndToEndTests.Row(page, "live-probe:5999")).ToBeVisibleAsync();
    }

    /// <summary>A session whose theme cookie asks for <paramref name="theme"/>, able to take axe-core's script.</summary>
    internal async Task<BrowserSession> OpenAsync(IBrowser chromium, SutWebHost host, string theme, int width, int height)
    {
        var session = await BrowserSession.OpenAsync(chromium, output, width, height, bypassCsp: true);
        await session.UseThemeAsync(host.BaseAddress, theme);
        return session;
    }
}
