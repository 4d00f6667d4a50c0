using System.Net;
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
}
