using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SutWeb.Components;
using SutWeb.Notifications.Rules;

namespace SutWeb.Tests.Notifications.Rules;

/// <summary><c>Dashboard:PublicUrl</c>: checked at start, and the links in messages made from it.</summary>
public sealed class PublicUrlTests
{
    [Theory]
    [InlineData("sutweb.example.com")]
    [InlineData("ftp://sutweb.example.com/")]
    [InlineData("/wall")]
    [InlineData("https://sutweb.example.com/?key=1")]
    public void PublicUrl_NotAnAbsoluteHttpUrl_FailsNamingTheSetting(string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(value));

        Assert.Contains("Dashboard:PublicUrl must be an absolute http or https URL", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://sutweb.example.com")]
    [InlineData("http://10.0.0.5:8080/sutweb/")]
    public void PublicUrl_AbsoluteHttpUrl_Accepted(string value) =>
        Assert.Equal(value, Resolve(value).PublicUrl);

    [Theory]
    [InlineData("https://sutweb.example.com", "default", "lab-1", "https://sutweb.example.com/agents/default/lab-1")]
    [InlineData("https://sutweb.example.com/sut/", "lab b", "agent/7 #2", "https://sutweb.example.com/sut/agents/lab%20b/agent%2F7%20%232")]
    [InlineData("https://sutweb.example.com/sut", "lab-b", null, "https://sutweb.example.com/sut/")]
    [InlineData(null, "lab-b", "lab-1", null)]
    public void Link_AgentPageOrBoard_EscapedUnderThePublicUrl(string? publicUrl, string source, string? agent, string? expected) =>
        Assert.Equal(expected, NotificationLinks.For(publicUrl, source, agent));

    private static DashboardOptions Resolve(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:PublicUrl"] = value }).Build();
        using var services = new ServiceCollection().AddDashboard(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DashboardOptions>>().Value;
    }
}
