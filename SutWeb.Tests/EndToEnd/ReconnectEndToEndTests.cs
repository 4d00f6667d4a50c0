using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>The wall never gives up: after the server goes away and comes back, it shows live data again by itself.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    // The reconnection back-off is capped at 5 s; this only bounds a hung test on a slow machine.
    private static readonly float RecoveryTimeout = 90_000;

    [SkippableFact]
    public async Task Wall_ServerRestartedOnSamePort_RecoversByItself()
    {
        var chromium = browser.Require();
        var port = SutWebHost.FreePort();
        var first = await QuietHost.StartAsync(port, WireAgents.Agent("before-restart", 5400, "Running"));
        await using var session = await BrowserSession.OpenAsync(chromium, output);
        try
        {
            await session.Page.GotoAsync(new Uri(first.BaseAddress, "wall").ToString());
            await session.WaitForCircuitAsync();
            await Expect(WallEndToEndTests.Tile(session.Page, "before-restart:5400")).ToBeVisibleAsync();
            var banner = session.Page.GetByTestId("reconnect-banner");
            await Expect(banner).ToBeHiddenAsync();
        }
        finally
        {
            await first.DisposeAsync();
        }

        await Expect(session.Page.GetByTestId("reconnect-banner")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("dialog[open], [aria-modal=true]")).ToHaveCountAsync(0); // a bar, not a dialog
        await session.ScreenshotAsync("wall-reconnecting");

        await using var second = await QuietHost.StartAsync(port, WireAgents.Agent("after-restart", 5400, "Failed"));

        await Expect(WallEndToEndTests.Tile(session.Page, "after-restart:5400")).ToBeVisibleAsync(new() { Timeout = RecoveryTimeout });
        await Expect(session.Page.GetByTestId("reconnect-banner")).ToBeHiddenAsync(new() { Timeout = RecoveryTimeout });
        await session.WaitForCircuitAsync();
        await Expect(WallEndToEndTests.Tile(session.Page, "before-restart:5400")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Wall_CircuitFailsWithAnUnhandledError_ReloadsByItself()
    {
        var chromium = browser.Require();
        await using var host = await QuietHost.StartAsync(0, WireAgents.Agent("alpha", 5400, "Running"));
        await using var session = await BrowserSession.OpenAsync(chromium, output);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();
        await session.MarkLoadAsync();

        // What blazor.web.js does when the circuit dies of an unhandled exception: it only shows its error bar.
        var reload = session.Page.WaitForRequestAsync(r => r.IsNavigationRequest, new() { Timeout = RecoveryTimeout });
        await ShowErrorBarUntilSeenAsync(session.Page);

        await reload;

        await session.WaitForCircuitAsync(); // of the reloaded page
        Assert.Null(await session.ReadLoadMarkAsync());
        await Expect(WallEndToEndTests.Tile(session.Page, "alpha:5400")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    /// <summary>
    /// Shows the error bar until app-reconnect.js says it saw it. The circuit can come up before its first render
    /// replaces the prerendered markup, and a bar shown on the prerendered element is gone with it: show it again
    /// (only while the page has not said so), a few times at most.
    /// </summary>
    private static async Task ShowErrorBarUntilSeenAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            var seen = page.WaitForConsoleMessageAsync(new()
            {
                Predicate = m => m.Text.Contains("stopped on an unhandled error", StringComparison.Ordinal),
                Timeout = 15_000, // the page looks every 5 s
            });
            await page.EvaluateAsync("() => { document.getElementById('blazor-error-ui').style.display = 'block'; }");
            try
            {
                await seen;
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
    }
}
