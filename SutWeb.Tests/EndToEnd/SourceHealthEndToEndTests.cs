using System.Net;
using System.Text;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>Two Eggplant servers with the same agent names, one made to fail, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SourceHealthEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] SameAgents =
        Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1},{"agent_name":"win","port":5400,"process_id":2}]""");

    [SkippableFact]
    public async Task Desk_LabBFails_GreysOnlyItsRowsAndTheAlertAndWallNameIt()
    {
        var chromium = browser.Require();
        await using var servers = await TwoScriptedSources.StartAsync(SameAgents, "lab-b", "Lab B");
        await using var host = await SutWebHost.StartAsync(servers.Settings());
        await Eventually.UntilAsync(() => host.Board.Current.Agents.Count == 4, "both sources' agents are on the board");
        await using var session = await BrowserSession.OpenAsync(chromium, output, bypassCsp: true);
        await session.Page.GotoAsync(host.BaseAddress.ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("agent-row")).ToHaveCountAsync(4);
        await Expect(session.Page.Locator("[data-testid=agent-row][data-stale]")).ToHaveCountAsync(0);

        servers.Second.AnswerStatus([], HttpStatusCode.ServiceUnavailable);

        var labB = DashboardEndToEndTests.Row(session.Page, "lab-b/mac:5400");
        await Expect(labB).ToHaveAttributeAsync("data-stale", "true");
        await Expect(labB.GetByTestId("stale-cue")).ToHaveTextAsync("Data from Lab B is stale.stale");
        await Expect(DashboardEndToEndTests.Row(session.Page, "lab-b/win:5400")).ToHaveAttributeAsync("data-stale", "true");
        // Its state word stays; its colour goes grey.
        var chipColour = await labB.GetByTestId("agent-state").EvaluateAsync<string>("chip => getComputedStyle(chip).color");
        var cellColour = await labB.GetByTestId("agent-name").EvaluateAsync<string>("cell => getComputedStyle(cell).color");
        Assert.Equal(cellColour, chipColour);
        // Three of its intervals later Lab B is unreachable: the alert names it, the default source says nothing.
        var alert = session.Page.Locator("[data-testid=health-alert][data-source=lab-b]");
        await Expect(alert).ToContainTextAsync("Lab B — Eggplant server unreachable");
        await Expect(alert).ToContainTextAsync($"The Eggplant server at {new Uri(servers.Second.BaseUrl).Authority} answers with an error");
        await Expect(session.Page.GetByTestId("health-alert")).ToHaveCountAsync(1);
        await Expect(DashboardEndToEndTests.Row(session.Page, "mac:5400")).Not.ToHaveAttributeAsync("data-stale", "true");
        Assert.Equal(0, await session.Page.Locator("[data-testid=agent-row][data-agent-key=\"mac:5400\"] [data-testid=stale-cue]").CountAsync());

        // The header's chip opens the list of sources from the keyboard: back from the page's heading to it, then Enter.
        const string activator = "[data-testid=health-chip] button";
        for (var tabs = 0; tabs < 20 && !await session.Page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", activator); tabs++)
        {
            await session.Page.Keyboard.PressAsync("Shift+Tab");
        }
        await Expect(session.Page.Locator(activator)).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        var sources = session.Page.GetByTestId("health-source");
        await Expect(sources).ToHaveCountAsync(2);
        var labBLine = session.Page.Locator("[data-testid=health-source][data-source=lab-b]");
        await Expect(labBLine).ToContainTextAsync("Lab B");
        await Expect(labBLine).ToContainTextAsync("Unreachable");
        await Expect(session.Page.Locator("[data-testid=health-source][data-source=default]")).ToContainTextAsync("Live");
        await AuditAsync(session, "/ with Lab B stale and the source list open");
        await session.ScreenshotAsync("sources-desk-lab-b-down");

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("stale-state")).ToContainTextAsync("Lab B — Eggplant server unreachable");
        await Expect(session.Page.Locator("[data-testid=wall-tile][data-stale=true]")).ToHaveCountAsync(2);
        await Expect(session.Page.Locator("[data-testid=wall-tile][data-agent-key=\"mac:5400\"]")).Not.ToHaveAttributeAsync("data-stale", "true");
        await AuditAsync(session, "/wall with Lab B stale");
        await session.ScreenshotAsync("sources-wall-lab-b-down");
    }

    /// <summary>Greyed rows and tiles keep their contrast: axe-core's WCAG rules, where axe-core is installed (always under CI).</summary>
    private static async Task AuditAsync(BrowserSession session, string what)
    {
        if (File.Exists(AxeScript.Path) || BrowserFixture.IsCi)
        {
            await AxeAudit.AssertNoViolationsAsync(session.Page, what);
        }
    }
}
