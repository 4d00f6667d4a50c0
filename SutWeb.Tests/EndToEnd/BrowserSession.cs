using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// A fresh browser context and page for one test. The page's console errors, uncaught exceptions and connection
/// states go to the test's output, so that a failing test says what the browser saw.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper? _output;
    private readonly ConcurrentQueue<string> _console = new();

    private BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper? output)
    {
        _context = context;
        _output = output;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _console.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _console.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} uncaught: {error}");
        page.FrameNavigated += (_, frame) => _console.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} navigated: {frame.Url}");
        // The console names no address for a failed resource; this does.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _console.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleLines => [.. _console];

    /// <summary>A TV's screen by default.</summary>
    /// <param name="timeZone">The browser's IANA time zone; null: the machine's.</param>
    /// <param name="bypassCsp">Lets the test inject a script (axe-core) that the page's Content-Security-Policy would refuse.</param>
    public static async Task<BrowserSession> OpenAsync(IBrowser browser, ITestOutputHelper? output = null, int width = 1920, int height = 1080,
        string? timeZone = null, bool bypassCsp = false)
    {
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            TimezoneId = timeZone,
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout((float)BrowserFixture.Timeout.TotalMilliseconds);
        return new BrowserSession(context, await context.NewPageAsync(), output);
    }

    /// <summary>Makes the desk <paramref name="theme"/> ("light" or "dark") from its first paint, as a remembered choice would.</summary>
    public Task UseThemeAsync(Uri site, string theme)
    {
        var dark = theme == "dark";
        var choice = new SutWeb.Components.Layout.ThemeChoice(dark ? SutWeb.Components.Layout.ThemeMode.Dark : SutWeb.Components.Layout.ThemeMode.Light, dark);
        return _context.AddCookiesAsync([new() { Name = SutWeb.Components.Layout.ThemeChoice.CookieName, Value = choice.ToCookieValue(), Url = site.ToString() }]);
    }

    /// <summary>Waits until the page's Blazor circuit is connected (app-reconnect.js marks the root element).</summary>
    public Task WaitForCircuitAsync() =>
        Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("data-sutweb-connection", "up");

    /// <summary>
    /// Clicks <paramref name="target"/> until <paramref name="appears"/> is visible. A click that lands between the
    /// circuit coming up and the page's first interactive render does nothing, so click again (only while nothing
    /// appeared), a few times at most.
    /// </summary>
    public static async Task ClickUntilAsync(ILocator target, ILocator appears)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!await appears.IsVisibleAsync())
            {
                await target.ClickAsync();
            }
            try
            {
                await Assertions.Expect(appears).ToBeVisibleAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 6)
            {
            }
        }
    }

    /// <summary>A second tab in the same context: it shares the first one's cookies, as a person's second tab does.</summary>
    public Task<IPage> OpenTabAsync() => _context.NewPageAsync();

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = TestArtifacts.ScreenshotPath(name) });

    /// <summary>Set after load; still there later means the page was never reloaded in between.</summary>
    public Task MarkLoadAsync() => Page.EvaluateAsync("() => { window.__sutwebTestMark = 'same page'; }");

    public Task<string?> ReadLoadMarkAsync() => Page.EvaluateAsync<string?>("() => window.__sutwebTestMark ?? null");

    public async ValueTask DisposeAsync()
    {
        foreach (var line in _console)
        {
            _output?.WriteLine(line);
        }
        await _context.DisposeAsync();
    }
}
