using SutWeb.Security;

namespace SutWeb.Tests.Security;

public sealed class SecurityOptionsValidatorTests
{
    [Theory]
    [InlineData("https://portal.example.com")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("HTTPS://Portal.Example.com:443")]
    public void AllowedOrigins_AnOrigin_IsAccepted(string origin)
    {
        var result = new SecurityOptionsValidator().Validate(null, new SecurityOptions { AllowedOrigins = [origin] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("portal.example.com")]
    [InlineData("https://portal.example.com/dashboard")]
    [InlineData("ftp://portal.example.com")]
    [InlineData("*")]
    public void AllowedOrigins_NotAnOrigin_IsRefusedNamingTheSetting(string origin)
    {
        var result = new SecurityOptionsValidator().Validate(null, new SecurityOptions { AllowedOrigins = [origin] });

        Assert.True(result.Failed);
        Assert.Contains("Security:AllowedOrigins", result.FailureMessage);
    }

    [Fact]
    public void Validate_ShortCookieLifetimeBadProxyOrProxiesWithoutTrust_AreRefused()
    {
        var validator = new SecurityOptionsValidator();

        var lifetime = validator.Validate(null, new SecurityOptions { AccessCookieLifetime = TimeSpan.FromSeconds(5) });
        var proxy = validator.Validate(null, new SecurityOptions { TrustForwardedHeaders = true, KnownProxies = ["proxy.example.com"] });
        var untrusted = validator.Validate(null, new SecurityOptions { KnownProxies = ["10.0.0.0/8"] });
        var good = validator.Validate(null, new SecurityOptions { TrustForwardedHeaders = true, KnownProxies = ["10.0.0.5", "10.0.0.0/8"] });

        Assert.Contains("Security:AccessCookieLifetime", lifetime.FailureMessage);
        Assert.Contains("Security:KnownProxies", proxy.FailureMessage);
        Assert.Contains("Security:TrustForwardedHeaders", untrusted.FailureMessage);
        Assert.True(good.Succeeded, good.FailureMessage);
    }
}
