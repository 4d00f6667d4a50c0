using Microsoft.Playwright;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// Debian's Chromium, headless, driven by the Playwright driver that ships in the NuGet package (Playwright's own
/// browser download is neither possible here nor needed), as the bench programs launch it; the browser tests'
/// <c>EndToEnd/BrowserFixture</c> passes the same flags.
/// </summary>
public static class HeadlessChromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string path = DefaultPath) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
}
