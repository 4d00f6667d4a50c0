using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright: each dashboard page gets its own browser context, so each is its
/// own Blazor circuit as separate viewers would be.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];

    private DashboardBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<DashboardBrowser> LaunchAsync(string executablePath)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await HeadlessChromium.LaunchAsync(playwright, executablePath);
            return new DashboardBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public string Version => _browser.Version;

    /// <summary>Opens <c>/</c> in a new context and waits for the page's load event (the circuit connects after it).</summary>
    /// <param name="beforeNavigation">Lets the caller hook page events (e.g. WebSocket frames) before the page loads.</param>
    public Task<IPage> OpenDashboardAsync(Uri baseAddress, int width = 1600, int height = 1200, Action<IPage>? beforeNavigation = null) =>
        OpenAsync(baseAddress, width, height, beforeNavigation);

    /// <summary>Opens <paramref name="address"/> (any page of the host) in a new context, as <see cref="OpenDashboardAsync"/> opens <c>/</c>.</summary>
    public async Task<IPage> OpenAsync(Uri address, int width = 1600, int height = 1200, Action<IPage>? beforeNavigation = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        var page = await context.NewPageAsync();
        beforeNavigation?.Invoke(page);
        await page.GotoAsync(address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        return page;
    }

    public async Task CloseAllPagesAsync()
    {
        IBrowserContext[] contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAllPagesAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
