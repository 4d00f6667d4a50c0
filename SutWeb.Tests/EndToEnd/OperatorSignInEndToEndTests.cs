using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SutWeb.Operators;
using SutWeb.Tests.Components.Operators;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// Operator sign-in in Chromium against the real test OpenID Connect provider (TestSupport/Oidc): who sees
/// "Abort run", sign-out across tabs, sign-in behind the access key, and the abort dialog under axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorSignInEndToEndTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task SignIn_OperatorAndViewer_BothNamedOnlyTheOperatorMayAbort()
    {
        var chromium = browser.Require();
        await using var scene = await OperatorScene.StartAsync();

        await using var operatorSession = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await OpenBoardAsync(operatorSession, scene.Host.BaseAddress);
        await SignInAsync(operatorSession, scene.Host.BaseAddress, scene.Oidc.Authority, OperatorScene.Operator);
        var operatorRow = DashboardEndToEndTests.Row(operatorSession.Page, OperatorScene.RunningKey);
        await DashboardEndToEndTests.ExpandAsync(operatorRow);
        await Expect(operatorSession.Page.GetByTestId("abort-run")).ToBeVisibleAsync();
        await Expect(operatorSession.Page.GetByTestId("abort-run")).ToHaveTextAsync("Abort run");

        await using var viewerSession = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await OpenBoardAsync(viewerSession, scene.Host.BaseAddress);
        await SignInAsync(viewerSession, scene.Host.BaseAddress, scene.Oidc.Authority, OperatorScene.Viewer);
        var viewerRow = DashboardEndToEndTests.Row(viewerSession.Page, OperatorScene.RunningKey);
        await DashboardEndToEndTests.ExpandAsync(viewerRow);
        await Expect(viewerSession.Page.GetByTestId("agent-details")).ToBeVisibleAsync();
        await Expect(viewerSession.Page.GetByTestId("abort-run")).ToHaveCountAsync(0);

        Assert.Equal([OperatorScene.Operator, OperatorScene.Viewer], scene.Oidc.SignIns.Select(s => s.UserName));
    }

    [SkippableFact]
    public async Task Abort_OperatorConfirmsInDialog_SeesAbortRequestedForThatRun()
    {
        var chromium = browser.Require();
        await using var scene = await OperatorScene.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await OpenBoardAsync(session, scene.Host.BaseAddress);
        await SignInAsync(session, scene.Host.BaseAddress, scene.Oidc.Authority, OperatorScene.Operator);
        await DashboardEndToEndTests.ExpandAsync(DashboardEndToEndTests.Row(session.Page, OperatorScene.RunningKey));

        await BrowserSession.ClickUntilAsync(session.Page.GetByTestId("abort-run"), session.Page.GetByTestId("abort-dialog"));
        await session.Page.GetByTestId("abort-confirm").ClickAsync();

        await Expect(session.Page.GetByText($"Abort requested: the Eggplant server is ending the run on {OperatorScene.RunningAgent}."))
            .ToBeVisibleAsync();
        // With the stand-in aborter (ABORT's real one not registered), the attempt is the operator's, for that very run.
        if (scene.Host.Services.GetRequiredService<IRunAborter>() is RecordingRunAborter recorder)
        {
            var attempt = Assert.Single(recorder.Attempts);
            Assert.Equal((OperatorScene.Operator, "page", OperatorScene.RunningAgent, 5401), (attempt.Who, attempt.Via, attempt.Request.AgentName, attempt.Request.Port));
            Assert.Equal(scene.Host.Board.Current.Agents.Single().Execution!.Id, attempt.Request.ExecutionId);
        }
    }

    [SkippableFact]
    public async Task SignOut_InOneTab_SecondOpenTabLosesAbortWithoutReload()
    {
        var chromium = browser.Require();
        await using var scene = await OperatorScene.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await OpenBoardAsync(session, scene.Host.BaseAddress);
        await SignInAsync(session, scene.Host.BaseAddress, scene.Oidc.Authority, OperatorScene.Operator);

        var second = await session.OpenTabAsync();
        await second.GotoAsync(scene.Host.BaseAddress.ToString());
        await Expect(second.Locator("html")).ToHaveAttributeAsync("data-sutweb-connection", "up");
        await Expect(second.GetByTestId("operator-name")).ToContainTextAsync(OperatorScene.Operator);
        await DashboardEndToEndTests.ExpandAsync(DashboardEndToEndTests.Row(second, OperatorScene.RunningKey));
        await Expect(second.GetByTestId("abort-run")).ToBeVisibleAsync();
        await second.EvaluateAsync("() => { window.__sutwebTestMark = 'same page'; }");

        await session.Page.GetByTestId("signout").ClickAsync();

        await Expect(session.Page.GetByTestId("signin")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("abort-run")).ToHaveCountAsync(0);
        await Expect(second.GetByTestId("operator-name")).ToHaveCountAsync(0);
        Assert.Equal("same page", await second.EvaluateAsync<string?>("() => window.__sutwebTestMark ?? null"));
        await Eventually.UntilAsync(() => scene.Oidc.SignOuts == 1, "the provider saw one sign-out");
    }

    [SkippableFact]
    public async Task SignIn_WithAccessKeySet_KeyStillGatesViewingAndSignInWorks()
    {
        var chromium = browser.Require();
        const string key = "e2e-access-key-0123456789";
        await using var scene = await OperatorScene.StartAsync(accessKey: key);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);

        var refused = await session.Page.GotoAsync(scene.Host.BaseAddress.ToString());
        Assert.Equal(401, refused!.Status);
        await Expect(session.Page.GetByTestId("signin")).ToHaveCountAsync(0);

        await session.Page.GotoAsync(new Uri(scene.Host.BaseAddress, $"?key={key}").ToString());
        await Expect(session.Page).ToHaveURLAsync(scene.Host.BaseAddress.ToString());
        await session.WaitForCircuitAsync();
        await SignInAsync(session, scene.Host.BaseAddress, scene.Oidc.Authority, OperatorScene.Operator);
        await DashboardEndToEndTests.ExpandAsync(DashboardEndToEndTests.Row(session.Page, OperatorScene.RunningKey));
        await Expect(session.Page.GetByTestId("abort-run")).ToBeVisibleAsync();

        // The sign-in is not a viewer's key: a browser with only the operator cookie is still refused.
        var operatorCookies = (await session.Page.Context.CookiesAsync()).Where(c => c.Name == "sutweb_operator").ToList();
        Assert.NotEmpty(operatorCookies);
        await using var cookieOnly = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await cookieOnly.Page.Context.AddCookiesAsync(operatorCookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var cookieOnlyAnswer = await cookieOnly.Page.GotoAsync(scene.Host.BaseAddress.ToString());
        Assert.Equal(401, cookieOnlyAnswer!.Status);
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task AbortDialog_SignedInOperator_HasNoWcagViolations(string theme)
    {
        var chromium = browser.Require();
        AxeScript.Require();
        await using var scene = await OperatorScene.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900, bypassCsp: true);
        await session.UseThemeAsync(scene.Host.BaseAddress, theme);
        await OpenBoardAsync(session, scene.Host.BaseAddress);
        await SignInAsync(session, scene.Host.BaseAddress, scene.Oidc.Authority, OperatorScene.Operator);
        await DashboardEndToEndTests.ExpandAsync(DashboardEndToEndTests.Row(session.Page, OperatorScene.RunningKey));

        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/ signed in as an operator, row open ({theme})");

        await BrowserSession.ClickUntilAsync(session.Page.GetByTestId("abort-run"), session.Page.GetByTestId("abort-dialog"));
        await Expect(session.Page.GetByTestId("abort-dialog-text")).ToContainTextAsync(OperatorScene.RunningAgent);
        await AxeAudit.AssertNoViolationsAsync(session.Page, $"/ with the abort dialog open ({theme})");
        await session.ScreenshotAsync($"a11y-abort-dialog-{theme}");
    }

    private static async Task OpenBoardAsync(BrowserSession session, Uri site)
    {
        await session.Page.GotoAsync(site.ToString());
        await session.WaitForCircuitAsync();
        await Expect(DashboardEndToEndTests.Row(session.Page, OperatorScene.RunningKey)).ToBeVisibleAsync();
    }

    /// <summary>From the app bar through the provider's login form, back on the board, named.</summary>
    private static async Task SignInAsync(BrowserSession session, Uri site, string authority, string user)
    {
        var page = session.Page;
        // A click before the page's first interactive render does nothing: click again while still on the site.
        var atProvider = new Regex("^" + Regex.Escape(authority));
        for (var attempt = 1; ; attempt++)
        {
            if (page.Url.StartsWith(site.ToString(), StringComparison.Ordinal))
            {
                await page.GetByTestId("signin").ClickAsync();
            }
            try
            {
                await Expect(page).ToHaveURLAsync(atProvider, new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 6)
            {
            }
        }
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.ToString());
        await session.WaitForCircuitAsync();
        await Expect(page.GetByTestId("operator-name")).ToContainTextAsync(user);
        await Expect(DashboardEndToEndTests.Row(page, OperatorScene.RunningKey)).ToBeVisibleAsync();
    }
}
