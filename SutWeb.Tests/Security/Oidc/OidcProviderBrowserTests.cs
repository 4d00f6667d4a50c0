using System.Security.Claims;
using Microsoft.Playwright;
using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.TestSupport.Oidc;
using Xunit.Abstractions;

namespace SutWeb.Tests.Security.Oidc;

/// <summary>The provider's login form as Chromium sees it, which is how the operator end-to-end tests sign in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OidcProviderBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task LoginForm_OperatorSignsInInChromium_AppSeesTheRolesClaim()
    {
        var chromium = browser.Require();
        await using var oidc = await OidcProvider.StartAsync(new OidcProviderOptions
        {
            Users = [new OidcUser("olivia", "olivia@example.test") { Claims = [new Claim("roles", "sutweb-operator")] }],
            ClientId = "sutweb",
            ClientSecret = "test-client-secret",
        });
        await using var app = await OidcRelyingParty.StartAsync(oidc.Authority, "sutweb", "test-client-secret");
        await oidc.AllowRelyingPartyAsync(app.BaseUrl);
        await using var session = await BrowserSession.OpenAsync(chromium, output, 1280, 800);

        await session.Page.GotoAsync(app.BaseUrl + "login");
        await session.Page.GetByLabel("User name").FillAsync("olivia");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(session.Page).ToHaveURLAsync(app.BaseUrl + "me");
        await Assertions.Expect(session.Page.Locator("body")).ToContainTextAsync("sutweb-operator");
    }
}
