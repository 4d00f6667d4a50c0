using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Identity;

/// <summary>The running host: without Security:Oidc nothing of sign-in exists; with it, the button and a guarded sign-out.</summary>
public sealed class OperatorSignInHostTests
{
    private static readonly Dictionary<string, string?> Oidc = new()
    {
        // Nothing listens there: these tests never reach the provider.
        ["Security:Oidc:Authority"] = "http://127.0.0.1:9/",
        ["Security:Oidc:ClientId"] = "sutweb",
        ["Security:Oidc:ClientSecret"] = "client-secret-never-shown",
        ["Security:Oidc:OperatorClaimType"] = "roles",
        ["Security:Oidc:OperatorClaimValue"] = "sutweb-operator",
    };

    private static HttpClient Raw(SutWebHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };

    [Fact]
    public async Task SignIn_OidcNotConfigured_NoButtonAndNoEndpoint()
    {
        await using var host = await SutWebHost.StartAsync();
        using var client = Raw(host);

        var page = await client.GetStringAsync("/");
        using var signIn = await client.GetAsync("/signin");
        using var signOut = await client.PostAsync("/signout", new FormUrlEncodedContent([]));

        Assert.Contains("data-testid=\"health-chip\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"signin\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(signOut.IsSuccessStatusCode);
    }

    [Fact]
    public async Task SignIn_OidcConfigured_ShowsTheButtonAndNeverTheSecret()
    {
        await using var host = await SutWebHost.StartAsync(Oidc);
        using var client = Raw(host);

        var page = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"signin\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret-never-shown", page, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret-never-shown", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_IsRefused()
    {
        await using var host = await SutWebHost.StartAsync(Oidc);
        using var client = Raw(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://evil.example.com");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/agents/default/agent-07", "/agents/default/agent-07")]
    [InlineData("https://evil.example.com/", "/")]
    [InlineData("/\"><script>alert(1)</script>", "/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;")]
    public async Task SignInReturn_EvenWithoutTheAccessKey_MovesOnToAPageOfThisSiteOnly(string returnUrl, string shown)
    {
        var settings = new Dictionary<string, string?>(Oidc) { ["Security:AccessKey"] = "wall-screen-key-4711" };
        await using var host = await SutWebHost.StartAsync(settings);
        using var client = Raw(host);

        using var response = await client.GetAsync($"/signin/return?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"content=\"0;url={shown}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example.com", page, StringComparison.Ordinal);
    }

    private static Task<SutWebHost> StartWithTestSignInAsync() =>
        SutWebHost.StartAsync(Oidc, services => services.AddSingleton<IStartupFilter, TestOperatorSignIn>());

    private static async Task<string> SignInCookieAsync(HttpClient client, string role)
    {
        using var response = await client.GetAsync($"{TestOperatorSignIn.Path}?role={role}");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sutweb_operator=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        return cookie.Split(';')[0];
    }

    private static async Task<(HttpResponseMessage Response, string Page)> GetAsync(HttpClient client, string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedIn_Page_ShowsTheNameAndSignOutEndsTheSignInForGood()
    {
        await using var host = await StartWithTestSignInAsync();
        using var client = Raw(host);
        var operatorCookie = await SignInCookieAsync(client, "sutweb-operator");

        var (home, page) = await GetAsync(client, "/", operatorCookie);
        var antiforgeryCookie = Assert.Single(home.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.Contains("data-testid=\"operator-name\"", page, StringComparison.Ordinal);
        Assert.Contains("Dana Operator", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"signin\"", page, StringComparison.Ordinal);
        Assert.True(token.Success, "the sign-out form carries an antiforgery token");

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value)]),
        };
        signOut.Headers.Add("Cookie", $"{operatorCookie}; {antiforgeryCookie}");
        using var signedOut = await client.SendAsync(signOut);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/signin/return", signedOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sutweb_operator=;", StringComparison.Ordinal));
        // The same cookie, kept or copied, no longer signs anyone in.
        var (_, after) = await GetAsync(client, "/", operatorCookie);
        Assert.DoesNotContain("Dana Operator", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signin\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedIn_SignOutPostedByAnotherSite_IsRefusedAndTheSignInStays()
    {
        await using var host = await StartWithTestSignInAsync();
        using var client = Raw(host);
        var operatorCookie = await SignInCookieAsync(client, "sutweb-operator");
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) };
        signOut.Headers.Add("Cookie", operatorCookie);
        signOut.Headers.Add("Origin", "https://evil.example.com");

        using var refused = await client.SendAsync(signOut);
        var (_, page) = await GetAsync(client, "/", operatorCookie);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Dana Operator", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedIn_AccessKeyRequiredButNotGiven_TheSignInDoesNotOpenTheBoard()
    {
        var settings = new Dictionary<string, string?>(Oidc) { ["Security:AccessKey"] = "wall-screen-key-4711" };
        await using var host = await SutWebHost.StartAsync(settings, services => services.AddSingleton<IStartupFilter, TestOperatorSignIn>());
        using var client = Raw(host);
        var operatorCookie = await SignInCookieAsync(client, "sutweb-operator");

        var (response, _) = await GetAsync(client, "/", operatorCookie);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
