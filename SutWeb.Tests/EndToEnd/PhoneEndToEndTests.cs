using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>The desk on a phone (390 × 844): agents as stacked cards, nothing to scroll sideways, still WCAG 2.2 AA.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const int Width = 390;
    private const int Height = 844;

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Desk_OnAPhone_ShowsStackedCardsWithoutSidewaysScrolling(string theme)
    {
        var chromium = browser.Require();
        AxeScript.Require();
        var agents = AccessibilityEndToEndTests.EveryState();
        await using var host = await QuietHost.StartAsync(0, agents);
        await using var session = await BrowserSession.OpenAsync(chromium, output, Width, Height, bypassCsp: true);
        await session.UseThemeAsync(host.BaseAddress, theme);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("agent-row")).ToHaveCountAsync(agents.Length);

        Assert.True(await FitsTheWidthAsync(session.Page), "the desk scrolls sideways on a phone");
        foreach (var agent in agents)
        {
            var name = agent["agent_name"]!.GetValue<string>();
            var row = DashboardEndToEndTests.Row(session.Page, $"{name}:{agent["port"]}");
            await AssertInViewAsync(row.GetByTestId("agent-name"), name);
            await AssertInViewAsync(row.GetByTestId("agent-state"), name + "'s state");
        }
        // Stacked: each card starts below the one before, and the name and state share no line with other agents.
        var tops = await session.Page.GetByTestId("agent-row").EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().top)");
        Assert.True(tops.Zip(tops.Skip(1)).All(pair => pair.Second > pair.First), $"the cards are not stacked: {string.Join(", ", tops)}");
        await session.ScreenshotAsync($"phone-{theme}");
        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/ on a phone ({theme})");

        await DashboardEndToEndTests.ExpandAsync(DashboardEndToEndTests.Row(session.Page, "failed-agent:5403"));
        await Expect(session.Page.GetByTestId("agent-details")).ToBeVisibleAsync();

        Assert.True(await FitsTheWidthAsync(session.Page), "the desk scrolls sideways on a phone with a row open");
        await session.ScreenshotAsync($"phone-open-{theme}");

        // The longest health sentence still fits the app bar.
        await host.SetFaultAsync("http500");
        var health = session.Page.GetByTestId("health-chip");
        await Expect(health).ToHaveAttributeAsync("data-state", "unreachable");
        await AssertInViewAsync(health, "the health chip");
        await AssertInViewAsync(session.Page.GetByTestId("theme-menu"), "the theme menu");
        Assert.True(await FitsTheWidthAsync(session.Page), "the desk scrolls sideways on a phone with the server unreachable");
        await session.ScreenshotAsync($"phone-unreachable-{theme}");
    }

    private static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Visible, and all of it within the phone's width.</summary>
    private static async Task AssertInViewAsync(ILocator element, string what)
    {
        await Expect(element).ToBeVisibleAsync();
        LocatorBoundingBoxResult? box = null;
        // The box is null for a moment while the element is re-rendered (the first interactive render); wait it out.
        var inView = await Eventually.TryUntilAsync(async () =>
        {
            box = await element.BoundingBoxAsync();
            return box is not null && box.X >= 0 && box.X + box.Width <= Width;
        }, BrowserFixture.Timeout, pollMs: 100);
        Assert.True(inView, $"{what} is not within the phone's width: {box?.X} + {box?.Width}");
    }
}
