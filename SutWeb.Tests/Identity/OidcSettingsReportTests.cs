using Microsoft.Extensions.Configuration;
using SutWeb.Configuration;

namespace SutWeb.Tests.Identity;

/// <summary>The sign-in's settings are known to the start-up report, and a slip in one of them is named.</summary>
public sealed class OidcSettingsReportTests
{
    [Fact]
    public void UnknownSettings_OidcSettingsAndOneSlip_OnlyTheSlipIsReported()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:Oidc:Authority"] = "https://login.example.com/",
            ["Security:Oidc:ClientId"] = "sutweb",
            ["Security:Oidc:ClientSecrt"] = "never-shown",
            ["Security:Oidc:OperatorClaimType"] = "roles",
            ["Security:Oidc:OperatorClaimValue"] = "sutweb-operator",
            ["Security:Oidc:IdleTimeout"] = "00:20:00",
        }).Build();

        var unknown = Assert.Single(UnknownSettingsReport.Find(configuration));

        Assert.Equal("Security:Oidc:ClientSecrt", unknown.Key);
        Assert.Equal("Security:Oidc:ClientSecret", unknown.Suggestion);
    }
}
