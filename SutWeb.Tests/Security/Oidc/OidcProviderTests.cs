using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using SutWeb.Tests.TestSupport.Oidc;

namespace SutWeb.Tests.Security.Oidc;

/// <summary>
/// The loopback OpenID Connect provider the operator tests sign in with, checked on its own: what it publishes, and
/// the code flow through Microsoft.AspNetCore.Authentication.OpenIdConnect as SutWeb will use it.
/// </summary>
public sealed class OidcProviderTests
{
    private const string ClientId = "sutweb";
    private const string ClientSecret = "test-client-secret";

    private static readonly OidcUser Operator = new("olivia", "olivia@example.test") { Claims = [new Claim("roles", "sutweb-operator")] };
    private static readonly OidcUser Viewer = new("victor", "victor@example.test");

    [Fact]
    public async Task Discovery_Requested_PublishesCodeFlowWithPkceEndpointsAndKeys()
    {
        await using var oidc = await StartProviderAsync();
        using var http = new HttpClient();

        var discovery = await http.GetFromJsonAsync<JsonElement>(new Uri(new Uri(oidc.Authority), ".well-known/openid-configuration"));

        Assert.Equal(oidc.Authority, discovery.GetProperty("issuer").GetString());
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "end_session_endpoint", "jwks_uri" })
        {
            Assert.StartsWith(oidc.Authority, discovery.GetProperty(endpoint).GetString());
        }
        Assert.Contains("code", Strings(discovery, "response_types_supported"));
        Assert.Contains("S256", Strings(discovery, "code_challenge_methods_supported"));
        var jwks = await http.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), key => key.GetProperty("use").GetString() == "sig");
    }

    [Fact]
    public async Task CodeFlow_OperatorSignsIn_PrincipalCarriesTheRolesClaim()
    {
        await using var oidc = await StartProviderAsync();
        await using var app = await StartRelyingPartyAsync(oidc);
        using var browser = new CodeFlowClient();

        var claims = await browser.SignInAsync(app, "olivia");

        Assert.Contains(("roles", "sutweb-operator"), claims);
        Assert.Contains(("name", "olivia"), claims);
        Assert.Contains(("email", "olivia@example.test"), claims);
        Assert.Equal([new OidcSignIn("olivia", ClientId, ["openid", "profile", "email", "roles"])], oidc.SignIns,
            (expected, actual) => expected.UserName == actual.UserName && expected.ClientId == actual.ClientId
                && expected.Scopes.Order().SequenceEqual(actual.Scopes.Order()));
    }

    [Fact]
    public async Task CodeFlow_ViewerSignsIn_PrincipalHasNoRolesClaim()
    {
        await using var oidc = await StartProviderAsync();
        await using var app = await StartRelyingPartyAsync(oidc);
        using var browser = new CodeFlowClient();

        var claims = await browser.SignInAsync(app, "victor");

        Assert.Contains(("name", "victor"), claims);
        Assert.DoesNotContain(claims, claim => claim.Type == "roles");
    }

    [Fact]
    public async Task LoginForm_UnknownUser_SaysSoAndIssuesNoCode()
    {
        await using var oidc = await StartProviderAsync();
        await using var app = await StartRelyingPartyAsync(oidc);
        using var browser = new CodeFlowClient();

        var loginPage = await browser.GetAsync(new Uri(new Uri(app.BaseUrl), "login"));
        var again = await browser.SubmitAsync(loginPage, form => form.With("username", "<mallory>"));

        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("No user called &lt;mallory&gt;.", html);
        Assert.DoesNotContain("name=\"code\"", html);
        Assert.Empty(oidc.SignIns);
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_RefusedWithoutLoginForm()
    {
        await using var oidc = await StartProviderAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var response = await http.GetAsync(new Uri(new Uri(oidc.Authority),
            "connect/authorize?client_id=sutweb&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fsignin-oidc"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Sign in", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CodeFlow_WrongClientSecret_NobodySignedIn()
    {
        await using var oidc = await StartProviderAsync();
        await using var app = await OidcRelyingParty.StartAsync(oidc.Authority, ClientId, "not-the-secret");
        await oidc.AllowRelyingPartyAsync(app.BaseUrl);
        using var browser = new CodeFlowClient();

        var loginPage = await browser.GetAsync(new Uri(new Uri(app.BaseUrl), "login"));
        var formPost = await browser.SubmitAsync(loginPage, form => form.With("username", "olivia"));
        var callback = await browser.SubmitAsync(formPost, form => form.AsIs());

        // The token endpoint refuses the code to a client that cannot prove itself; the handler fails the callback.
        Assert.Contains("invalid_client", await callback.Content.ReadAsStringAsync());
        Assert.EndsWith("/failed", callback.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_AfterSignIn_ReturnsToTheAppSignedOut()
    {
        await using var oidc = await StartProviderAsync();
        await using var app = await StartRelyingPartyAsync(oidc);
        using var browser = new CodeFlowClient();
        await browser.SignInAsync(app, "olivia");

        var signedOut = await browser.GetAsync(new Uri(new Uri(app.BaseUrl), "logout"));

        Assert.Equal("signed out", await signedOut.Content.ReadAsStringAsync());
        Assert.Equal(1, oidc.SignOuts);
        var me = await browser.GetAsync(new Uri(new Uri(app.BaseUrl), "me"));
        Assert.Contains("Sign in</button>", await me.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string?> Strings(JsonElement document, string name) =>
        document.GetProperty(name).EnumerateArray().Select(value => value.GetString());

    private static Task<OidcProvider> StartProviderAsync() =>
        OidcProvider.StartAsync(new OidcProviderOptions { Users = [Operator, Viewer], ClientId = ClientId, ClientSecret = ClientSecret });

    private static async Task<OidcRelyingParty> StartRelyingPartyAsync(OidcProvider oidc)
    {
        var app = await OidcRelyingParty.StartAsync(oidc.Authority, ClientId, ClientSecret);
        await oidc.AllowRelyingPartyAsync(app.BaseUrl);
        return app;
    }
}
