using System.Text;
using System.Text.RegularExpressions;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>Two Eggplant servers with the same agent names, each a scripted upstream, on the desk in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SourcesEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] SameAgents =
        Encoding.UTF8.GetBytes("""[{"agent_name":"mac","port":5400,"process_id":1},{"agent_name":"win","port":5400,"process_id":2}]""");

    [SkippableFact]
    public async Task Dashboard_TwoSources_SourceChipFiltersTheRowsAndTheUrl()
    {
        var chromium = browser.Require();
        await using var servers = await TwoScriptedSources.StartAsync(SameAgents, "lab-b", "Lab B");
        await using var host = await SutWebHost.StartAsync(servers.Settings(new() { ["Eggplant:DisplayName"] = "Lab A" }));
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        var rows = session.Page.GetByTestId("agent-row");
        await Expect(rows).ToHaveCountAsync(4);
        // The flat settings' agents carry no source name of their own: the board's health names them.
        await Expect(DashboardEndToEndTests.Row(session.Page, "mac:5400").GetByTestId("agent-source")).ToHaveTextAsync(" Lab A");

        var chip = session.Page.Locator("[data-testid=source-filter][data-source=lab-b]");
        await BrowserSession.ClickUntilAsync(chip, session.Page.Locator("[data-testid=source-filter][data-source=lab-b][aria-pressed=true]"));

        await Expect(session.Page).ToHaveURLAsync(SourceLabB());
        await Expect(rows).ToHaveCountAsync(2);
        Assert.Equal(["lab-b/mac:5400", "lab-b/win:5400"], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.agentKey)"));
        await Expect(rows.GetByTestId("agent-source")).ToHaveTextAsync([" Lab B", " Lab B"]);
        await session.ScreenshotAsync("dashboard-source-lab-b");

        await BrowserSession.ClickUntilAsync(session.Page.GetByTestId("group-by-source"), session.Page.Locator("[data-testid=group-by-source][aria-pressed=true]"));

        await Expect(session.Page).ToHaveURLAsync(GroupedLabB());
        await Expect(session.Page.GetByTestId("source-group")).ToHaveCountAsync(1);
        await Expect(session.Page.GetByTestId("source-group-name")).ToHaveTextAsync("Lab B");
        await Expect(rows).ToHaveCountAsync(2);
        await session.ScreenshotAsync("dashboard-grouped-lab-b");
    }

    [GeneratedRegex(@"[?&]source=lab-b&group=source$")]
    private static partial Regex GroupedLabB();

    [GeneratedRegex(@"[?&]source=lab-b(&|$)")]
    private static partial Regex SourceLabB();
}
