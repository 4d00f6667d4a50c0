using System.Text.RegularExpressions;
using SutWeb.History;
using SutWeb.Tests.History;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>The history pages in a real browser, over a real SutWeb recording into SQLite.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HistoryPagesEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task AgentPage_OpenedFromTheDesk_ShowsTheRunAndHistoryFiltersFromTheUrl()
    {
        var chromium = browser.Require();
        await using var database = new SqliteTestDatabase();
        await using var host = await HistoryHost.StartAsync(database);
        var id = Guid.NewGuid().ToString();
        await host.PutAgentAsync("lab-1", HistoryAgents.WithRun("lab-1", 5001, id, "Failed", model: "Checkout"));
        await host.RunAsync(id, RunOutcomes.Failed);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        var row = DashboardEndToEndTests.Row(session.Page, "lab-1:5001");
        await DashboardEndToEndTests.ExpandAsync(row);
        await session.Page.GetByTestId("agent-history-link").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(AgentPage());
        await Expect(session.Page.GetByTestId("agent-title")).ToHaveTextAsync("lab-1");
        var run = session.Page.Locator($"#run-{id}");
        await Expect(run).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-testid=run]")).ToHaveCountAsync(1);
        await Expect(session.Page.GetByTestId("outcomes-chart-summary")).ToContainTextAsync("1 Failed");
        await session.ScreenshotAsync("agent-page");

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/history?outcome=Failed&model=Checkout").ToString());
        await session.WaitForCircuitAsync();

        await Expect(session.Page.Locator($"[data-testid=run][data-execution-id=\"{id}\"]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-testid=run]")).ToHaveCountAsync(1);
        await Expect(session.Page.GetByTestId("download-csv")).ToHaveAttributeAsync("href", "api/history/runs.csv?model=Checkout&outcome=Failed");
        await session.ScreenshotAsync("history-filtered");

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/history?outcome=Passed").ToString());
        await session.WaitForCircuitAsync();

        await Expect(session.Page.GetByTestId("no-runs")).ToHaveTextAsync("No runs match this filter.");
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task HistoryPages_WithRunsAndTheChartsNumbersOpen_HaveNoWcagViolations(string theme)
    {
        var chromium = browser.Require();
        AxeScript.Require();
        await using var database = new SqliteTestDatabase();
        await using var host = await HistoryHost.StartAsync(database);
        var passed = Guid.NewGuid().ToString();
        var failed = Guid.NewGuid().ToString();
        await host.PutAgentAsync("lab-1", HistoryAgents.WithRun("lab-1", 5001, passed, "Passed", start: DateTimeOffset.UtcNow.AddMinutes(-10)));
        await host.RunAsync(passed, RunOutcomes.Passed);
        await host.PutAgentAsync("lab-1", HistoryAgents.WithRun("lab-1", 5001, failed, "Failed"));
        await host.RunAsync(failed, RunOutcomes.Failed);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900, bypassCsp: true);
        await session.UseThemeAsync(host.BaseAddress, theme);

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/agents/default/lab-1").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.Locator("[data-testid=run]")).ToHaveCountAsync(2);
        foreach (var chart in new[] { "Run duration", "Outcomes per day", "Time connected per day" })
        {
            await session.Page.GetByText($"{chart}: the numbers").ClickAsync();
        }
        await Expect(session.Page.GetByTestId("connected-chart").Locator("tbody tr")).ToHaveCountAsync(30);

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"an agent's page ({theme})");
        await session.ScreenshotAsync($"a11y-agent-page-{theme}");

        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/history?outcome=Failed,Passed").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.Locator("[data-testid=run]")).ToHaveCountAsync(2);

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/history ({theme})");
        await session.ScreenshotAsync($"a11y-history-{theme}");
    }

    [GeneratedRegex(@"/agents/default/lab-1$")]
    private static partial Regex AgentPage();
}
