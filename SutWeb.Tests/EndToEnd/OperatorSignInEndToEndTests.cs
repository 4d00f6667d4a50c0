using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// Operator sign-in in Chromium against the real test OpenID Connect provider (TestSupport/Oidc): who sees
/// "Abort run", an abort from the desk and from the agent page through the real aborter (the run ends, /audit names
/// who), sign-out across tabs, sign-in behind the access key, and the abort dialog under axe-core.
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
        await Expect(viewerSession.Page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true })).ToHaveCountAsync(0);
        await Expect(operatorSession.Page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true })).ToBeVisibleAsync();

        // The API asks the same: the viewer's own sign-in cookie is a person without the claim (403), no sign-in is 401.
        var abort = new Uri(scene.Host.BaseAddress, "api/runs/abort").ToString();
        var body = new APIRequestContextOptions
        {
            DataObject = new { source = "default", agentName = OperatorScene.RunningAgent, port = 5401, executionId = scene.Host.Board.Current.Agents.Single().Execution!.Id },
        };
        Assert.Equal(403, (await viewerSession.Page.Context.APIRequest.PostAsync(abort, body)).Status);
        await using var nobody = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        Assert.Equal(401, (await nobody.Page.Context.APIRequest.PostAsync(abort, body)).Status);
        Assert.Equal(0, (await scene.Host.GetStatsAsync()).AbortRequests);

        Assert.Equal([OperatorScene.Operator, OperatorScene.Viewer], scene.Oidc.SignIns.Select(s => s.UserName));
    }

    [SkippableFact]
    public async Task Abort_OperatorConfirmsOnTheDesk_RunEndsAndAuditShowsWhoDidIt()
    {
        var chromium = browser.Require();
        await using var scene = await OperatorScene.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await OpenBoardAsync(session, scene.Host.BaseAddress);
        await SignInAsync(session, scene.Host.BaseAddress, scene.Oidc.Authority, OperatorScene.Operator);
        var row = DashboardEndToEndTests.Row(session.Page, OperatorScene.RunningKey);
        await DashboardEndToEndTests.ExpandAsync(row);
        var executionId = scene.Host.Board.Current.Agents.Single().Execution!.Id!;
        var abortsBefore = (await scene.Host.GetStatsAsync()).AbortRequests;

        await ConfirmAbortAsync(session.Page);

        // The simulator ends the aborted run as Incomplete; the poll the abort asks for brings it to the row.
        await Expect(row.GetByTestId("agent-state")).ToHaveAttributeAsync("data-state", "incomplete");
        await Expect(session.Page.GetByTestId("abort-run")).ToHaveCountAsync(0);
        Assert.Equal(abortsBefore + 1, (await scene.Host.GetStatsAsync()).AbortRequests);

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new Uri(scene.Host.BaseAddress, "audit").ToString());
        var entry = session.Page.GetByTestId("audit-table").Locator("tbody tr").Filter(new() { Has = session.Page.Locator("[data-result=AbortRequested]") });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry.Locator("[data-field=who]")).ToHaveTextAsync(OperatorScene.Operator);
        await Expect(entry.Locator("[data-field=via]")).ToHaveTextAsync("page");
        await Expect(entry.Locator("[data-field=where]")).ToHaveTextAsync($"default / {OperatorScene.RunningKey}");
        await Expect(entry.Locator("[data-field=execution]")).ToHaveTextAsync(executionId);
    }

    [SkippableFact]
    public async Task Abort_OperatorConfirmsOnTheAgentPage_RunEndsAndTheButtonGoes()
    {
        var chromium = browser.Require();
        await using var scene = await OperatorScene.StartAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1440, 900);
        await OpenBoardAsync(session, scene.Host.BaseAddress);
        await SignInAsync(session, scene.Host.BaseAddress, scene.Oidc.Authority, OperatorScene.Operator);
        await session.Page.GotoAsync(new Uri(scene.Host.BaseAddress, $"agents/default/{OperatorScene.RunningAgent}").ToString());
        await session.WaitForCircuitAsync();
        await Expect(session.Page.GetByTestId("agent-title")).ToHaveTextAsync(OperatorScene.RunningAgent);
        var abortsBefore = (await scene.Host.GetStatsAsync()).AbortRequests;

        await ConfirmAbortAsync(session.Page);

        // The button follows the board: once the run has ended there is nothing left to abort.
        await Expect(session.Page.GetByTestId("abort-run")).ToHaveCountAsync(0);
        Assert.Equal(abortsBefore + 1, (await scene.Host.GetStatsAsync()).AbortRequests);
        Assert.Equal("Incomplete", scene.Host.Board.Current.Agents.Single().Execution?.Status);
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

    /// <summary>"Abort run", then "Abort" in the dialog; the operator reads that the server is ending the run.</summary>
    private static async Task ConfirmAbortAsync(IPage page)
    {
        await BrowserSession.ClickUntilAsync(page.GetByTestId("abort-run"), page.GetByTestId("abort-dialog"));
        await page.GetByTestId("abort-confirm").ClickAsync();
        await Expect(page.GetByText($"Abort requested: the Eggplant server is ending the run on {OperatorScene.RunningAgent}.")).ToBeVisibleAsync();
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
        // A click before the page's first interactive render does nothing, so click again, but only until the browser
        // has asked for /signin: a click after that would restart a navigation that is merely slow (under load the
        // provider's page can take longer than one wait), and each restart would start the wait over.
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRequest(object? sender, IRequest request)
        {
            if (request.IsNavigationRequest && new Uri(request.Url).AbsolutePath == "/signin")
            {
                asked.TrySetResult();
            }
        }
        page.Request += OnRequest;
        try
        {
            for (var attempt = 1; !asked.Task.IsCompleted; attempt++)
            {
                await page.GetByTestId("signin").ClickAsync();
                try
                {
                    await asked.Task.WaitAsync(TimeSpan.FromSeconds(5));
                }
                catch (TimeoutException) when (attempt < 6)
                {
                }
            }
        }
        finally
        {
            page.Request -= OnRequest;
        }
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(authority)));
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.ToString());
        await session.WaitForCircuitAsync();
        await Expect(page.GetByTestId("operator-name")).ToContainTextAsync(user);
        await Expect(DashboardEndToEndTests.Row(page, OperatorScene.RunningKey)).ToBeVisibleAsync();
    }
}
