using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Security;

public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Headers_Dashboard_HasStrictPolicyWithoutEvalOrInlineScript()
    {
        await using var host = await SutWebHost.StartAsync();

        using var response = await host.Http.GetAsync("/");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Headers_FrameAncestorsConfigured_AllowsTheOperatorsOrigin()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Security:FrameAncestors"] = "'self' https://tv.example.com",
        });

        using var response = await host.Http.GetAsync("/");

        Assert.Contains("frame-ancestors 'self' https://tv.example.com", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
    }
}
