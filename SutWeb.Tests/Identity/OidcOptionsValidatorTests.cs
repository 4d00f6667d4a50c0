using SutWeb.Identity;

namespace SutWeb.Tests.Identity;

/// <summary>A half-configured sign-in stops the start with the setting named; the client secret is never repeated.</summary>
public sealed class OidcOptionsValidatorTests
{
    private static OidcOptions Complete() => new()
    {
        Authority = "https://login.example.com/realms/qa",
        ClientId = "sutweb",
        ClientSecret = "s3cret-value-never-shown",
        OperatorClaimType = "roles",
        OperatorClaimValue = "sutweb-operator",
    };

    private static IReadOnlyList<string> Errors(OidcOptions options) =>
        new OidcOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void OidcOptions_NothingSet_IsValidAndOff()
    {
        var options = new OidcOptions();

        Assert.Empty(Errors(options));
        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void OidcOptions_Complete_IsValid() => Assert.Empty(Errors(Complete()));

    [Fact]
    public void OidcOptions_PublicClientWithoutSecret_IsValid()
    {
        var options = Complete();
        options.ClientSecret = null;

        Assert.Empty(Errors(options));
    }

    [Theory]
    [InlineData(nameof(OidcOptions.Authority), "Security:Oidc:Authority")]
    [InlineData(nameof(OidcOptions.ClientId), "Security:Oidc:ClientId")]
    [InlineData(nameof(OidcOptions.OperatorClaimType), "Security:Oidc:OperatorClaimType")]
    [InlineData(nameof(OidcOptions.OperatorClaimValue), "Security:Oidc:OperatorClaimValue")]
    public void OidcOptions_OneMissing_NamesTheSettingAndNeverTheSecret(string property, string setting)
    {
        var options = Complete();
        typeof(OidcOptions).GetProperty(property)!.SetValue(options, null);

        var errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith(setting, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("s3cret-value-never-shown", StringComparison.Ordinal));
    }

    [Fact]
    public void OidcOptions_OnlySecretSet_AsksForTheAuthority()
    {
        var errors = Errors(new OidcOptions { ClientSecret = "s3cret-value-never-shown" });

        Assert.Contains(errors, e => e.StartsWith("Security:Oidc:Authority", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("s3cret-value-never-shown", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://login.example.com/realms/qa", false)]
    [InlineData("http://127.0.0.1:5901/", true)]
    [InlineData("http://localhost:5901/", true)]
    [InlineData("https://login.example.com/", true)]
    public void OidcOptions_PlainHttp_OnlyOnLoopback(string authority, bool valid)
    {
        var options = Complete();
        options.Authority = authority;

        Assert.Equal(valid, Errors(options).Count == 0);
        Assert.Equal(authority.StartsWith("http://", StringComparison.Ordinal) && valid, options.AllowsHttpMetadata);
    }

    [Fact]
    public void OidcOptions_CapShorterThanIdleTimeout_NamesBoth()
    {
        var options = Complete();
        options.IdleTimeout = TimeSpan.FromHours(2);
        options.MaxLifetime = TimeSpan.FromHours(1);

        Assert.Contains(Errors(options), e => e.Contains("Security:Oidc:MaxLifetime", StringComparison.Ordinal)
            && e.Contains("Security:Oidc:IdleTimeout", StringComparison.Ordinal));
    }
}
