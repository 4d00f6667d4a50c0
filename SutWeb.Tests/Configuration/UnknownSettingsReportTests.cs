using Microsoft.Extensions.Configuration;
using SutWeb.Configuration;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Configuration;

/// <summary>A mistyped setting is named at start with the known one it is most likely a slip for.</summary>
public sealed class UnknownSettingsReportTests
{
    [Theory]
    [InlineData("PolInterval", "PollInterval")]
    [InlineData("pollintervall", "PollInterval")]
    [InlineData("Url", "BaseUrl")]
    [InlineData("Pasword", "Password")]
    [InlineData("UserName", "Username")]
    [InlineData("PollIntrevla", "PollInterval")]
    public void Nearest_Slip_FindsTheMeantName(string typed, string meant)
    {
        string[] known = ["BaseUrl", "Username", "Password", "TokenUrl", "PollInterval", "RequestTimeout", "RetryCount"];

        Assert.Equal(meant, UnknownSettingsReport.Nearest(typed, known));
    }

    [Fact]
    public void Nearest_NothingAlike_SuggestsNothing()
    {
        Assert.Null(UnknownSettingsReport.Nearest("Colour", ["BaseUrl", "PollInterval", "RetryCount"]));
    }

    [Theory]
    [InlineData("PollInterval", "PolInterval", 1)]
    [InlineData("PollInterval", "PollIntevral", 1)] // two neighbours swapped: one edit
    [InlineData("Url", "BaseUrl", 4)]
    [InlineData("", "Seed", 4)]
    public void Distance_Edits_AreCounted(string a, string b, int edits)
    {
        Assert.Equal(edits, UnknownSettingsReport.Distance(a, b));
    }

    [Fact]
    public void Find_KnownKeysListsAndBothHubClasses_ReportsNothing()
    {
        var configuration = Configure(new()
        {
            ["Eggplant:BaseUrl"] = "",
            ["EGGPLANT:POLLINTERVAL"] = "00:00:02",
            ["Eggplant:CircuitBreakDuration"] = "00:00:05",
            ["Simulator:Enabled"] = "true",
            ["Security:AllowedOrigins:0"] = "https://portal.example.com",
            ["Security:KnownProxies:0"] = "10.0.0.0/8",
            ["Hub:QueueCapacity"] = "64",
            ["Hub:MaxConnections"] = "10",
            ["Dashboard:StuckAfter"] = "01:00:00",
            ["Logging:LogLevel:Default"] = "Information",
            ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:8080",
        });

        Assert.Empty(UnknownSettingsReport.Find(configuration));
    }

    [Fact]
    public void Find_UnknownKeys_NamesEachWithTheNearestKnownOne()
    {
        var configuration = Configure(new()
        {
            ["Eggplant:PolInterval"] = "00:00:01",
            ["Eggplant:Url"] = "https://dai.example.com/",
            ["Security:AllowedOrigin:0"] = "https://portal.example.com",
            ["Hub:MaxConection"] = "10",
            ["Dashboard:Colour"] = "red",
        });

        var found = UnknownSettingsReport.Find(configuration).ToDictionary(u => u.Key, u => u.Suggestion);

        Assert.Equal(new Dictionary<string, string?>
        {
            ["Eggplant:PolInterval"] = "Eggplant:PollInterval",
            ["Eggplant:Url"] = "Eggplant:BaseUrl",
            ["Security:AllowedOrigin"] = "Security:AllowedOrigins",
            ["Hub:MaxConection"] = "Hub:MaxConnections",
            ["Dashboard:Colour"] = null,
        }, found);
    }

    [Fact]
    public void Find_NotificationChannelsAndRules_ReportsOnlyTheSlips()
    {
        var configuration = Configure(new()
        {
            ["Notifications:Channels:ops:Type"] = "Webhook",
            ["Notifications:Channels:ops:Url"] = "https://hooks.example.com/x",
            ["Notifications:Channels:ops:Secret"] = "s",
            ["Notifications:Channels:ops:Headers:X-Team"] = "qa",
            ["Notifications:Channels:mail:Type"] = "Email",
            ["Notifications:Channels:mail:Host"] = "smtp.example.com",
            ["Notifications:Channels:mail:StartTls"] = "true",
            ["Notifications:Channels:mail:To:0"] = "qa@example.com",
            ["Notifications:Rules:nightly:Events:0"] = "RunFailed",
            ["Notifications:Rules:nightly:Models:0"] = "Login*",
            ["Notifications:Rules:nightly:RepeatEvery"] = "04:00:00",
            ["Notifications:Rules:nightly:SendResolved"] = "false",
            ["Notifications:Channels:mail:Pasword"] = "x",
            ["Notifications:Rules:nightly:Channel:0"] = "ops",
        });

        var found = UnknownSettingsReport.Find(configuration).ToDictionary(u => u.Key, u => u.Suggestion);

        Assert.Equal(new Dictionary<string, string?>
        {
            ["Notifications:Channels:mail:Pasword"] = "Notifications:Channels:mail:Password",
            ["Notifications:Rules:nightly:Channel"] = "Notifications:Rules:nightly:Channels",
        }, found);
    }

    [Fact]
    public void Find_MistypedSection_NamesTheSectionMeant()
    {
        var configuration = Configure(new()
        {
            ["Egglpant:BaseUrl"] = "https://dai.example.com/",
            ["Securty:AccessKey"] = "k",
            ["Hb:MaxConnections"] = "10", // too short a name to guess from
            ["Logging:LogLevel:Default"] = "Information",
            ["EGGPLANT_PASSWORD"] = "a value, not a section",
        });

        var found = UnknownSettingsReport.Find(configuration).ToDictionary(u => u.Key, u => u.Suggestion);

        Assert.Equal(new Dictionary<string, string?> { ["Egglpant"] = "Eggplant", ["Securty"] = "Security" }, found);
    }

    [Fact]
    public async Task Start_MistypedSetting_WarnsNamingTheNearestKnownOne()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:PolInterval"] = "00:00:01",
        });

        var warning = Assert.Single(host.Logs.Lines, l => l.Contains("Unknown setting", StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
        Assert.Contains("Unknown setting Eggplant:PolInterval (did you mean Eggplant:PollInterval?)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnlyKnownSettings_WarnsOfNothing()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Security:AllowedOrigins:0"] = "https://portal.example.com",
            ["Hub:MaxConnections"] = "10",
            ["Hub:QueueCapacity"] = "64",
        });

        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Unknown setting", StringComparison.Ordinal));
    }

    private static IConfiguration Configure(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    [Fact]
    public void Find_OperatorSignInAndKeys_ReportsOnlyTheSlips()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:AccessKey"] = "viewer-key",
            ["Security:Oidc:Authority"] = "https://login.example.com/",
            ["Security:Oidc:ClientId"] = "sutweb",
            ["Security:Oidc:ClientSecret"] = "never-shown",
            ["Security:Oidc:ClientSecert"] = "never-shown",
            ["Security:Oidc:OperatorClaimType"] = "roles",
            ["Security:Oidc:OperatorClaimValue"] = "sutweb-operator",
            ["Security:Oidc:IdleTimeout"] = "00:30:00",
            ["Security:Oidc:MaxLifetime"] = "12:00:00",
            ["Security:OperatorKeys:alice:Sha256"] = new string('a', 64),
            ["Security:OperatorKeys:build-bot:Sha256"] = new string('b', 64),
            ["Security:OperatorKeys:carol:Sha265"] = new string('c', 64),
        }).Build();

        var found = UnknownSettingsReport.Find(configuration).ToDictionary(u => u.Key, u => u.Suggestion);

        Assert.Equal(2, found.Count);
        Assert.Equal("Security:Oidc:ClientSecret", found["Security:Oidc:ClientSecert"]);
        Assert.Equal("Security:OperatorKeys:carol:Sha256", found["Security:OperatorKeys:carol:Sha265"]);
    }
}
