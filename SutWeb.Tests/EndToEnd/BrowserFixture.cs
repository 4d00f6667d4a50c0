using Microsoft.Playwright;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// One headless Chromium for the whole run: Debian's <c>/usr/bin/chromium</c>, driven by the Playwright driver that
/// ships in the NuGet package (Playwright's own browser download is neither possible here nor needed). The browser
/// collection holds it, and so does a class in another collection (the scale-out browser test, which must not run
/// while another test kills Redis): every fixture shares the one browser, closed when the last lets go.
/// Without the browser, tests skip with the reason outside CI and fail under <c>CI=true</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Generous: a loaded CI machine may take its time, and tests wait for conditions, never for a clock.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly SemaphoreSlim Shared = new(1, 1);
    private static int _holders;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static string? _unavailable;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        await Shared.WaitAsync();
        try
        {
            if (_holders++ == 0)
            {
                await LaunchAsync();
            }
        }
        finally
        {
            Shared.Release();
        }
    }

    private static async Task LaunchAsync()
    {
        _unavailable = null;
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
        await Shared.WaitAsync();
        try
        {
            if (--_holders > 0)
            {
                return;
            }
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }
            _playwright?.Dispose();
            (_browser, _playwright) = (null, null);
        }
        finally
        {
            Shared.Release();
        }
    }
}
