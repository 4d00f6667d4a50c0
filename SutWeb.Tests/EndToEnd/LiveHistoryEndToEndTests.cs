using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SutWeb.Components.Styling;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// What history adds to the live board (the desk's outcome strip, streak and time left; the wall's progress bar and
/// streak), in a real browser over a real SutWeb recording into SQLite (<see cref="LiveHistoryScene"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LiveHistoryEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Desk_AgentWithHistory_ShowsStripStreakAndTimeLeftAndAChipOpensThatRun()
    {
        var chromium = browser.Require();
        await using var scene = await LiveHistoryScene.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900, timeZone: "UTC");

        await session.Page.GotoAsync(new Uri(scene.Host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();

        var early = DashboardEndToEndTests.Row(session.Page, "lab-2:5002").GetByTestId("expected");
        await ExpectTextNowAsync(early, () => ExpectationText.Of(LiveHistoryScene.ProgressNow(scene.Lab2Start)));
        await Expect(early).ToHaveTextAsync(AboutMinutesLeft());
        await Expect(early).Not.ToHaveAttributeAsync("data-overrun", "true");
        var late = DashboardEndToEndTests.Row(session.Page, "lab-3:5003").GetByTestId("expected");
        await ExpectTextNowAsync(late, () => ExpectationText.Of(LiveHistoryScene.ProgressNow(scene.Lab3Start)));
        await Expect(late).ToHaveTextAsync(MinutesOver());
        await Expect(late).ToHaveAttributeAsync("data-overrun", "true");

        var row = DashboardEndToEndTests.Row(session.Page, "lab-1:5001");
        await DashboardEndToEndTests.ExpandAsync(row);
        var strip = session.Page.GetByRole(AriaRole.List, new() { Name = "Last 4 runs of lab-1, newest first" });
        var chips = strip.GetByRole(AriaRole.Link);
        await Expect(chips).ToHaveTextAsync(["Failed", "Failed", "Failed", "Passed"]);
        // Four links that mostly say "Failed": each also names when its run started.
        await Expect(chips.First).ToHaveAccessibleNameAsync($"Failed, started {Minute(scene.Lab1Starts[0])}");
        await Expect(chips.Last).ToHaveAccessibleNameAsync($"Passed, started {Minute(scene.Lab1Starts[3])}");
        // The last pass ended 102 minutes before the scene was set up.
        await Expect(session.Page.GetByTestId("streak")).ToHaveTextAsync("3rd failure in a row · last passed 1 h ago");
        await Expect(session.Page.GetByTestId("usual-duration")).ToHaveTextAsync("Checkout: usual 20:00 (median of the last 4 finished runs of this model here)");
        await session.ScreenshotAsync("live-history-desk");

        var newest = scene.Lab1ExecutionIds[0];
        await chips.First.ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(new Regex($"/agents/default/lab-1#run-{newest}$"));
        await Expect(session.Page.GetByTestId("agent-title")).ToHaveTextAsync("lab-1");
        await Expect(session.Page.Locator($"#run-{newest}")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-testid=run]")).ToHaveCountAsync(4);
    }

    [SkippableFact]
    public async Task Wall_RunningAndFailedWithHistory_BarsAtTheRealFractionOverrunMarkedAndStreak()
    {
        var chromium = browser.Require();
        await using var scene = await LiveHistoryScene.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output);

        await session.Page.GotoAsync(new Uri(scene.Host.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("wall-tile")).ToHaveCountAsync(3);

        var early = Bar(session.Page, "lab-2:5002");
        await Expect(early).ToHaveRoleAsync(AriaRole.Progressbar);
        await Expect(early).Not.ToHaveAttributeAsync("data-overrun", "true");
        // A quarter of the usual 20 minutes had passed when the scene was set up: the bar says how much has now.
        await ExpectTextNowAsync(early, () => Percent(scene.Lab2Start), "aria-valuenow");
        var percent = int.Parse((await early.GetAttributeAsync("aria-valuenow"))!, CultureInfo.InvariantCulture);
        Assert.InRange(percent, 25, 99);
        await ExpectTextNowAsync(early, () => $"lab-2: {Percent(scene.Lab2Start)} % of the usual 20:00, {ExpectationText.Of(LiveHistoryScene.ProgressNow(scene.Lab2Start))}", "aria-label");
        await Expect(early).Not.ToHaveClassAsync(new Regex("indeterminate"));
        await Expect(WallEndToEndTests.Tile(session.Page, "lab-2:5002").GetByTestId("wall-tile-overrun")).ToHaveCountAsync(0);

        var late = Bar(session.Page, "lab-3:5003");
        await Expect(late).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(late).ToHaveAttributeAsync("data-overrun", "true");
        var over = WallEndToEndTests.Tile(session.Page, "lab-3:5003").GetByTestId("wall-tile-overrun");
        await ExpectTextNowAsync(over, () => ExpectationText.Of(LiveHistoryScene.ProgressNow(scene.Lab3Start)));
        await Expect(over).ToHaveTextAsync(MinutesOver());
        await ExpectTextNowAsync(late, () => $"lab-3: {ExpectationText.Of(LiveHistoryScene.ProgressNow(scene.Lab3Start))} (20:00)", "aria-label");

        var failed = WallEndToEndTests.Tile(session.Page, "lab-1:5001");
        await Expect(failed).ToHaveAttributeAsync("data-state", "Failed");
        await Expect(failed.GetByTestId("wall-tile-streak")).ToHaveTextAsync("3rd failure in a row");
        await session.ScreenshotAsync("live-history-wall");
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task DeskAndWall_WithHistoryOnScreen_HaveNoWcagViolations(string theme)
    {
        var chromium = browser.Require();
        AxeScript.Require();
        await using var scene = await LiveHistoryScene.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900, bypassCsp: true);
        await session.UseThemeAsync(scene.Host.BaseAddress, theme);

        await session.Page.GotoAsync(new Uri(scene.Host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        await Expect(DashboardEndToEndTests.Row(session.Page, "lab-3:5003").GetByTestId("expected")).ToHaveAttributeAsync("data-overrun", "true");
        await DashboardEndToEndTests.ExpandAsync(DashboardEndToEndTests.Row(session.Page, "lab-1:5001"));
        await Expect(session.Page.GetByTestId("outcome")).ToHaveCountAsync(4);
        await Expect(session.Page.GetByTestId("streak")).ToBeVisibleAsync();

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/ with lab-1's outcome strip open ({theme})");
        await session.ScreenshotAsync($"a11y-live-history-desk-{theme}");

        await session.Page.SetViewportSizeAsync(1920, 1080);
        await session.Page.GotoAsync(new Uri(scene.Host.BaseAddress, $"wall?theme={theme}").ToString());
        await session.WaitForCircuitAsync();
        await Expect(Bar(session.Page, "lab-2:5002")).ToHaveAttributeAsync("aria-valuenow", new Regex("^[0-9]+$"));
        await Expect(Bar(session.Page, "lab-3:5003")).ToHaveAttributeAsync("data-overrun", "true");
        await Expect(session.Page.GetByTestId("wall-tile-streak")).ToBeVisibleAsync();

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/wall with progress, an overrun and a streak ({theme})");
        await session.ScreenshotAsync($"a11y-live-history-wall-{theme}");
    }

    private static string Minute(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static ILocator Bar(IPage page, string key) => WallEndToEndTests.Tile(page, key).GetByTestId("wall-tile-progress");

    /// <summary>The bar's whole percent for a run that started at <paramref name="start"/>, as of now.</summary>
    private static string Percent(DateTimeOffset start) =>
        ((int)Math.Floor(LiveHistoryScene.ProgressNow(start).Fraction * 100)).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits until <paramref name="target"/>'s text (or <paramref name="attribute"/>) is what <paramref name="expected"/>
    /// says it should be at the moment it is read: the page and the test each compute it from the clock, so one may be
    /// a tick behind the other at a minute's or a percent's turn.
    /// </summary>
    private static async Task ExpectTextNowAsync(ILocator target, Func<string> expected, string? attribute = null)
    {
        string? seen = null;
        var matched = await Eventually.TryUntilAsync(async () =>
        {
            seen = attribute is null ? await target.TextContentAsync() : await target.GetAttributeAsync(attribute);
            return seen == expected();
        }, BrowserFixture.Timeout, pollMs: 100);
        Assert.True(matched, $"{attribute ?? "text"} is \"{seen}\", expected \"{expected()}\"");
    }

    [GeneratedRegex(@"^about \d+ min left$")]
    private static partial Regex AboutMinutesLeft();

    [GeneratedRegex(@"^\d+ min over usual$")]
    private static partial Regex MinutesOver();
}
