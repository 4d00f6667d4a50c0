using Microsoft.Playwright;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// One headless Chromium for the browser collection: Debian's <c>/usr/bin/chromium</c>, driven by the Playwright
/// driver that ships in the NuGet package (Playwright's own browser download is neither possible here nor needed).
/// Without the browser, tests skip with the reason outside CI and fail under <c>CI=true</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Generous: a loaded CI machine may take its time, and tests wait for conditions, never for a clock.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        if (!File.Exists(ChromiumPath))
        {
            _unavailable = $"No browser for the end-to-end tests: {ChromiumPath} is missing (apt-get install -y chromium).";
            return;
        }
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }
        catch (PlaywrightException e)
        {
            _unavailable = $"{ChromiumPath} did not start under Playwright: {e.Message}";
        }
    }

    /// <summary>The browser; without one, skips the calling [SkippableFact] (or fails it under CI=true).</summary>
    public IBrowser Require()
    {
        if (_browser is not null)
        {
            return _browser;
        }
        var reason = _unavailable ?? "The browser did not start.";
        if (IsCi)
        {
            throw new InvalidOperationException($"{reason} Under CI=true the browser tests must run.");
        }
        Skip.If(true, reason);
        throw new InvalidOperationException(reason);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
