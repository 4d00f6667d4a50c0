using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using SutWeb.Security;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Security;

/// <summary>The cookie a browser earns with the access key: a protected ticket that expires, not the key.</summary>
public sealed class AccessCookieTests
{
    private const string Key = "wall-screen-key-4711";

    [Fact]
    public async Task AccessCookie_Issued_IsNeitherTheKeyNorItsHashAndExpiresAfterTheConfiguredLifetime()
    {
        await using var host = await StartAsync(new() { ["Security:AccessCookieLifetime"] = "2.00:00:00" });
        using var client = RawCookies(host);

        using var response = await client.GetAsync($"/wall?key={Key}");
        var issuedAt = DateTimeOffset.UtcNow;

        var cookie = AccessCookie(response);
        var value = cookie.Split(';')[0][(AccessKeyDefaults.CookieName.Length + 1)..];
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Key));
        Assert.DoesNotContain(Key, value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(hash), value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(hash).TrimEnd('='), value, StringComparison.Ordinal);
        var expires = DateTimeOffset.Parse(Attribute(cookie, "expires")!, CultureInfo.InvariantCulture);
        Assert.InRange(expires, issuedAt.AddDays(2).AddMinutes(-5), issuedAt.AddDays(2).AddMinutes(5));
        Assert.NotNull(Attribute(cookie, "httponly"));
        Assert.Equal("strict", Attribute(cookie, "samesite"), ignoreCase: true);
    }

    [Fact]
    public async Task AccessCookie_Presented_OpensThePageAndTamperedIsRefused()
    {
        await using var host = await StartAsync();
        using var client = RawCookies(host);
        using var issued = await client.GetAsync($"/?key={Key}");
        var pair = AccessCookie(issued).Split(';')[0];
        var middle = pair.Length - 20;
        var tampered = pair[..middle] + (pair[middle] == 'A' ? 'B' : 'A') + pair[(middle + 1)..];

        using var good = await SendWithCookieAsync(client, pair);
        using var bad = await SendWithCookieAsync(client, tampered);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Contains("?key=", await bad.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task AccessCookie_BehindATlsProxy_IsSecureOnlyWhenForwardedHeadersAreTrusted(bool trust, bool secure)
    {
        await using var host = await StartAsync(new() { ["Security:TrustForwardedHeaders"] = trust ? "true" : "false" });
        using var client = RawCookies(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/?key={Key}");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(secure, Attribute(AccessCookie(response), "secure") is not null);
    }

    private static Task<SutWebHost> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Security:AccessKey"] = Key };
        foreach (var (name, value) in extra ?? [])
        {
            settings[name] = value;
        }
        return SutWebHost.StartAsync(settings);
    }

    /// <summary>A client that neither follows redirects nor keeps cookies, so that the test sees them as sent.</summary>
    private static HttpClient RawCookies(SutWebHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };

    private static string AccessCookie(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccessKeyDefaults.CookieName + "=", StringComparison.Ordinal));
    }

    /// <returns>The attribute's value ("" when it has none), or null when the cookie lacks it.</returns>
    private static string? Attribute(string setCookie, string name) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().Split('=', 2))
            .Where(parts => parts[0].Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts.Length > 1 ? parts[1] : "")
            .FirstOrDefault();

    private static async Task<HttpResponseMessage> SendWithCookieAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
