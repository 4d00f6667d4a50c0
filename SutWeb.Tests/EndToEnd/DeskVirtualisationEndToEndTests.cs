using Microsoft.Playwright;
using SutWeb.Components.Agents;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>A thousand agents on the desk: the browser holds the rows in view, not a thousand, and scrolling brings the rest.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskVirtualisationEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const int Agents = 1_000;

    [SkippableTheory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)] // a phone: the page scrolls rather than the grid
    public async Task Desk_ThousandAgents_RendersTheRowsInViewAndScrollingBringsTheLast(int width, int height)
    {
        var chromium = browser.Require();
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = Agents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulator:ActivityInterval"] = "01:00:00",
        });
        await host.SetActivityAsync(false);
        await Eventually.UntilAsync(() => host.Board.Current.Agents.Count == Agents, "the board shows the thousand agents");
        var order = AgentQuery.Everything.Apply(host.Board.Current.Agents.Select(a => new AgentRowModel { Agent = a }), DateTimeOffset.UtcNow);
        await using var session = await BrowserSession.OpenAsync(chromium, output, width, height);
        var page = session.Page;

        await page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();

        var rows = page.GetByTestId("agent-row");
        await Expect(DashboardEndToEndTests.Row(page, order[0].Key)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync($"{Agents} agents");
        Assert.InRange(await rows.CountAsync(), 1, 100);

        // Scroll to the end, as a viewer with a mouse wheel would, until the last agent is there (a phone's cards are
        // taller than Virtualize's first estimate, so the end moves as rows arrive).
        await page.GetByTestId("agents-grid").HoverAsync();
        var last = DashboardEndToEndTests.Row(page, order[^1].Key);
        for (var i = 0; i < 500 && await last.CountAsync() == 0; i++)
        {
            await page.Mouse.WheelAsync(0, 2_000);
        }

        await Expect(last).ToBeVisibleAsync();
        await Expect(DashboardEndToEndTests.Row(page, order[0].Key)).ToHaveCountAsync(0);
        Assert.InRange(await rows.CountAsync(), 1, 100);
        if (width >= 600)
        {
            // The header stays in view while the rows scroll under it.
            await Expect(page.Locator("th[data-sort=name]")).ToBeInViewportAsync();
        }
        output.WriteLine($"row height {await rows.First.EvaluateAsync<double>("row => row.getBoundingClientRect().height")} px, {await rows.CountAsync()} rows rendered");
    }
}
