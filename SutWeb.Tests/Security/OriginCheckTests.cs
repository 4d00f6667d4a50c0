using System.Net;
using System.Net.WebSockets;
using SutWeb.Security;
using SutWeb.Shared.Hub;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Security;

/// <summary>A page of another site must not reach the hub or Blazor's circuit through a viewer's browser.</summary>
public sealed class OriginCheckTests
{
    private const string Foreign = "https://evil.example";
    private const string Allowed = "https://portal.example.com";

    [Theory]
    [InlineData("hubs/status/negotiate?negotiateVersion=1")]
    [InlineData("_blazor/negotiate?negotiateVersion=1")]
    public async Task Negotiate_ByOrigin_OnlyForeignOriginsAreRefused(string path)
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Security:AllowedOrigins:0"] = Allowed });
        var own = host.BaseAddress.GetLeftPart(UriPartial.Authority);

        using var foreign = await NegotiateAsync(host, path, Foreign);
        using var sameSite = await NegotiateAsync(host, path, own);
        using var configured = await NegotiateAsync(host, path, Allowed);
        using var program = await NegotiateAsync(host, path, origin: null);
        using var opaque = await NegotiateAsync(host, path, "null");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("another site", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, sameSite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        Assert.Equal(HttpStatusCode.OK, program.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, opaque.StatusCode);
    }

    [Theory]
    [InlineData(StatusHubContract.Path)]
    [InlineData("/_blazor")]
    public async Task WebSocket_ForeignOrigin_IsRefusedAndOwnOriginConnects(string path)
    {
        await using var host = await SutWebHost.StartAsync();
        var url = new UriBuilder(new Uri(host.BaseAddress, path.TrimStart('/'))) { Scheme = "ws" }.Uri;

        using var foreign = new ClientWebSocket();
        foreign.Options.SetRequestHeader("Origin", Foreign);
        foreign.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(url, CancellationToken.None));
        using var own = new ClientWebSocket();
        own.Options.SetRequestHeader("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        await own.ConnectAsync(url, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);
        Assert.Equal(WebSocketState.Open, own.State);
    }

    [Fact]
    public async Task Refusal_IsCountedInMetricsAndLoggedWithoutTheKey()
    {
        const string key = "origin-test-access-key";
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Security:AccessKey"] = key });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"hubs/status/negotiate?negotiateVersion=1&key={key}");
        request.Headers.Add("Origin", Foreign);
        request.Headers.Add(AccessKeyDefaults.HeaderName, key);
        request.Headers.Add("Cookie", $"{AccessKeyDefaults.CookieName}=cookie-value-never-logged");

        using var refused = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        string text = "";
        await Eventually.UntilAsync(async () =>
        {
            using var scrape = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { { AccessKeyDefaults.HeaderName, key } } };
            using var response = await host.Http.SendAsync(scrape);
            text = await response.Content.ReadAsStringAsync();
            return text.Contains("sutweb_origin_rejections", StringComparison.Ordinal);
        }, "the refusal is exported");
        Assert.Matches(@"sutweb_origin_rejections_total\{[^}]*path=""/hubs/status/negotiate""[^}]*\} 1\b", text);
        var line = Assert.Single(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Refused a connection"));
        Assert.Contains(Foreign, line);
        Assert.Contains("/hubs/status/negotiate", line);
        Assert.DoesNotContain(key, host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie-value-never-logged", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_AllowedOrigin_ItsPageMayReadTheHubAndOthersMayNot()
    {
        const string key = "cors-test-access-key";
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Security:AllowedOrigins:0"] = Allowed,
            ["Security:AccessKey"] = key,
        });

        using var preflight = await PreflightAsync(host, Allowed);
        using var foreignPreflight = await PreflightAsync(host, Foreign);
        using var negotiate = await NegotiateAsync(host, "hubs/status/negotiate?negotiateVersion=1", Allowed, (AccessKeyDefaults.HeaderName, key));

        // The browser's preflight carries no key: it is answered before authentication, for the listed origin only.
        Assert.True(preflight.IsSuccessStatusCode, $"preflight answered {(int)preflight.StatusCode}");
        Assert.Equal(Allowed, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains(AccessKeyDefaults.HeaderName, string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, foreignPreflight.StatusCode);
        Assert.False(foreignPreflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(Allowed, Assert.Single(negotiate.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(negotiate.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Fact]
    public async Task Negotiate_RebindingHostWithAllowedHostsSet_IsRefused()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["AllowedHosts"] = "127.0.0.1;localhost" });

        // A rebinding page's origin and Host agree, so only the host filter can tell it from SutWeb's own page.
        using var rebound = await NegotiateAsync(host, "hubs/status/negotiate?negotiateVersion=1", "http://rebound.example", ("Host", "rebound.example"));
        using var own = await NegotiateAsync(host, "hubs/status/negotiate?negotiateVersion=1", host.BaseAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.BadRequest, rebound.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Negotiate_BehindATrustedProxy_OwnOriginIsTheForwardedOne()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Security:TrustForwardedHeaders"] = "true" });

        using var proxied = await NegotiateAsync(host, "hubs/status/negotiate?negotiateVersion=1", "https://dash.example.com",
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "dash.example.com"));
        using var otherScheme = await NegotiateAsync(host, "hubs/status/negotiate?negotiateVersion=1", "http://dash.example.com",
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "dash.example.com"));

        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherScheme.StatusCode);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(SutWebHost host, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "hubs/status/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", $"{AccessKeyDefaults.HeaderName.ToLowerInvariant()},x-requested-with");
        return await host.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(SutWebHost host, string path, string? origin, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return await host.Http.SendAsync(request);
    }
}
