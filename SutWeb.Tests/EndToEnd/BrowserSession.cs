using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// A fresh browser context and page for one test, keeping the page's console errors and uncaught exceptions so that a
/// failing test can say what the browser saw.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _console = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _console.Enqueue($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _console.Enqueue($"uncaught: {error}");
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleLines => [.. _console];

    /// <summary>A TV's screen by default.</summary>
    public static async Task<BrowserSession> OpenAsync(IBrowser browser, int width = 1920, int height = 1080)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout((float)BrowserFixture.Timeout.TotalMilliseconds);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Waits until the page's Blazor circuit is connected (app-reconnect.js marks the root element).</summary>
    public Task WaitForCircuitAsync() =>
        Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("data-sutweb-connection", "up");

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = TestArtifacts.ScreenshotPath(name) });

    /// <summary>Set after load; still there later means the page was never reloaded in between.</summary>
    public Task MarkLoadAsync() => Page.EvaluateAsync("() => { window.__sutwebTestMark = 'same page'; }");

    public Task<string?> ReadLoadMarkAsync() => Page.EvaluateAsync<string?>("() => window.__sutwebTestMark ?? null");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
