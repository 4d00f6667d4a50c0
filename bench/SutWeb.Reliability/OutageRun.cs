using System.Diagnostics;
using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Reliability;

/// <summary>
/// The wall screen's promise: a <c>/wall</c> page whose server was down for minutes shows live data again within
/// 30 s of the server coming back, with no one touching it. Kills the dashboard process, waits, starts a new one on
/// the same port, and measures until the page shows tiles with no reconnect banner.
/// </summary>
public static class OutageRun
{
    // The banner is position: fixed, so it is in view exactly when it is displayed.
    private const string BannerShown =
        "() => { const b = document.querySelector('[data-testid=reconnect-banner]'); return !!b && getComputedStyle(b).display !== 'none'; }";

    public static async Task<object> RunAsync(TimeSpan outage)
    {
        var settings = new Dictionary<string, string> { ["Simulator:AgentCount"] = "12", ["Eggplant:PollInterval"] = "00:00:01" };
        var first = await ReliabilityBench.StartDashboardAsync(settings);
        var port = first.BaseAddress.Port;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await page.GotoAsync(new Uri(first.BaseAddress, "wall").ToString());
        await page.Locator("[data-testid=wall-tile]").First.WaitForAsync(new() { Timeout = 60_000 });

        await first.KillAsync();
        await first.DisposeAsync();
        await page.WaitForFunctionAsync(BannerShown,
            null, new() { Timeout = 60_000 });
        Console.Error.WriteLine($"Server down; waiting {outage.TotalMinutes:0.#} min");
        await Task.Delay(outage);

        await using var second = await ReliabilityBench.StartDashboardAsync(settings, port);
        var clock = Stopwatch.StartNew();
        // Live again: tiles from the new server, and no reconnect banner in view.
        await page.WaitForFunctionAsync(
            $"() => document.querySelectorAll('[data-testid=wall-tile]').length > 0 && !({BannerShown})() && !document.querySelector('[data-testid=stale-banner]')",
            null, new() { Timeout = 120_000, PollingInterval = 100 });
        var recovered = clock.Elapsed;
        var tiles = await page.Locator("[data-testid=wall-tile]").CountAsync();
        return new
        {
            page = "/wall in headless Chromium, 1920 × 1080",
            agents = 12,
            outageMinutes = outage.TotalMinutes,
            port,
            // Tiles shown, no reconnect or stale banner, with no one touching the page.
            liveAgainAfterHealthzSeconds = recovered.TotalSeconds,
            tilesShown = tiles,
        };
    }
}
