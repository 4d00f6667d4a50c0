using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>The desk used with a keyboard and a screen reader: no mouse needed, focus always seen, failures spoken.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>More than the controls above the first row (theme menu, filter, state chips, sort headers).</summary>
    private const int MaxTabs = 60;

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Desk_TabToExpanderAndPressEnter_OpensTheRowWithVisibleFocus(string theme)
    {
        var chromium = browser.Require();
        await using var host = await QuietHost.StartAsync(0,
            WireAgents.Agent("alpha", 5400, "Passed"), WireAgents.Agent("bravo", 5401, "Failed", lastLog: "Step 3 failed\r\n"));
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await session.UseThemeAsync(host.BaseAddress, theme);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        var row = DashboardEndToEndTests.Row(session.Page, "bravo:5401");
        await Expect(row).ToBeVisibleAsync();

        var tabs = await TabUntilFocusedAsync(session.Page, "[data-agent-key=\"bravo:5401\"] [data-testid=expand]");

        output.WriteLine($"{tabs} Tab presses to the expander");
        var expander = row.GetByTestId("expand");
        await Expect(expander).ToBeFocusedAsync();
        await Expect(expander).ToHaveAccessibleNameAsync("Show details of bravo");
        await AssertVisibleFocusAsync(session.Page);
        await PressUntilAsync(session.Page, "Enter", row.Locator("[data-testid=expand][aria-expanded=true]"));
        await Expect(expander).ToHaveAccessibleNameAsync("Hide details of bravo");
        var details = session.Page.GetByRole(AriaRole.Region, new() { Name = "Details of bravo" });
        await Expect(details).ToBeVisibleAsync();
        await Expect(details.GetByTestId("last-log")).ToContainTextAsync("Step 3 failed");
        Assert.Equal(await details.GetAttributeAsync("id"), await expander.GetAttributeAsync("aria-controls"));
        await session.ScreenshotAsync($"keyboard-expanded-{theme}");
    }

    [SkippableFact]
    public async Task Desk_AgentFails_LiveRegionSaysSoPolitely()
    {
        var chromium = browser.Require();
        await using var host = await QuietHost.StartAsync(0, WireAgents.Agent("alpha", 5400, "Running"));
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await session.Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await session.WaitForCircuitAsync();
        var region = session.Page.GetByRole(AriaRole.Status);
        await Expect(region).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(region).ToHaveTextAsync("");
        await AccessibilityEndToEndTests.WaitUntilLiveAsync(session.Page, host);

        await host.PutAgentAsync("alpha", WireAgents.Agent("alpha", 5400, "Failed"));

        await Expect(region).ToHaveTextAsync("Agent alpha failed.");
        Assert.True(await region.EvaluateAsync<bool>("e => e.getBoundingClientRect().width <= 1 && e.getBoundingClientRect().height <= 1"),
            "the live region is for screen readers only");
    }

    /// <returns>How many Tab presses it took.</returns>
    private static async Task<int> TabUntilFocusedAsync(IPage page, string selector)
    {
        for (var tabs = 1; tabs <= MaxTabs; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return tabs;
            }
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        throw new Xunit.Sdk.XunitException($"{MaxTabs} Tab presses did not reach {selector}; focus is on {focused}");
    }

    /// <summary>The focused element has an outline of at least 2 px (MudBlazor's own styles remove it).</summary>
    private static async Task AssertVisibleFocusAsync(IPage page)
    {
        var outline = await page.EvaluateAsync<string>(
            "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Matches(@"^(solid|auto) ([2-9]|\d\d)", outline);
    }

    /// <summary>
    /// Presses <paramref name="key"/> until <paramref name="appears"/> is visible: a key press that lands before the
    /// page's first interactive render does nothing (as with <see cref="BrowserSession.ClickUntilAsync"/>).
    /// </summary>
    private static async Task PressUntilAsync(IPage page, string key, ILocator appears)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!await appears.IsVisibleAsync())
            {
                await page.Keyboard.PressAsync(key);
            }
            try
            {
                await Expect(appears).ToBeVisibleAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 6)
            {
            }
        }
    }
}
