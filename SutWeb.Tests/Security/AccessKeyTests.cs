using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using SutWeb.Security;
using SutWeb.Shared.Hub;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Security;

public sealed class AccessKeyTests
{
    private const string Key = "wall-screen-key-4711";

    private static Task<SutWebHost> StartProtectedAsync() =>
        SutWebHost.StartAsync(new Dictionary<string, string?> { ["Security:AccessKey"] = Key });

    [Theory]
    [InlineData("/")]
    [InlineData("/wall")]
    [InlineData("/readyz")]
    [InlineData("/simulator/control/stats")]
    [InlineData("/metrics")]
    [InlineData("/hubs/status/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task AccessKey_RequestWithoutKey_IsRefused(string path)
    {
        await using var host = await StartProtectedAsync();
        using var client = NoRedirects(host);

        using var response = path.Contains("negotiate")
            ? await client.PostAsync(path, null)
            : await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("?key=", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccessKey_GivenOnceInTheUrl_SetsACookieAndRedirectsWithoutIt()
    {
        await using var host = await StartProtectedAsync();
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var first = await client.GetAsync($"/?theme=dark&key={Key}");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/?theme=dark", first.Headers.Location!.OriginalString);
        Assert.DoesNotContain(Key, cookies.GetCookieHeader(host.BaseAddress));

        using var second = await client.GetAsync("/?theme=dark");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task AccessKey_Wrong_IsRefused()
    {
        await using var host = await StartProtectedAsync();
        using var client = NoRedirects(host);

        using var response = await client.GetAsync("/?key=wall-screen-key-4712");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AccessKey_HubClientWithHeader_GetsSnapshotAndWithoutIsRefused()
    {
        await using var host = await StartProtectedAsync();
        var url = new Uri(host.BaseAddress, StatusHubContract.Path.TrimStart('/'));
        await using var withKey = new HubConnectionBuilder()
            .WithUrl(url, o => o.Headers[AccessKeyDefaults.HeaderName] = Key)
            .Build();
        await using var withoutKey = new HubConnectionBuilder().WithUrl(url).Build();

        await withKey.StartAsync();
        var snapshot = await withKey.InvokeAsync<System.Text.Json.JsonElement>(StatusHubContract.GetSnapshot);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => withoutKey.StartAsync());

        Assert.True(snapshot.TryGetProperty("version", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AccessKey_LivenessAndStaticAssets_StayOpen()
    {
        await using var host = await StartProtectedAsync();
        using var client = NoRedirects(host);

        using var live = await client.GetAsync("/healthz");
        using var script = await client.GetAsync("/_framework/blazor.web.js");
        using var styles = await client.GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }

    [Fact]
    public async Task AccessKey_SimulatorEggplantApi_StaysOpenWhileItsControlApiDoesNot()
    {
        await using var host = await StartProtectedAsync();
        using var client = NoRedirects(host);

        using var signIn = await client.PostAsync("/simulator/auth", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "sutweb",
            ["password"] = "simulator",
        }));
        using var control = await client.GetAsync("/simulator/control/agents");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, control.StatusCode);
    }

    [Fact]
    public async Task AccessKey_NotConfigured_EverythingIsOpen()
    {
        await using var host = await SutWebHost.StartAsync();
        using var client = NoRedirects(host);

        foreach (var path in new[] { "/", "/wall", "/readyz", "/metrics", "/simulator/control/stats" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{path}: {response.StatusCode}");
        }
        using var negotiate = await client.PostAsync("/hubs/status/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task AccessKey_NotConfigured_WarnsAtStartThatTheDashboardIsOpen()
    {
        await using var host = await SutWebHost.StartAsync();

        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("open to anyone"));
    }

    [Fact]
    public async Task AccessKey_Configured_NeverAppearsInTheLog()
    {
        await using var host = await StartProtectedAsync();
        using var client = NoRedirects(host);
        using var _ = await client.GetAsync($"/?key={Key}");
        using var __ = await client.GetAsync("/?key=wrong-key-123456");

        Assert.DoesNotContain(Key, host.Logs.AllText);
    }

    private static HttpClient NoRedirects(SutWebHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
}
