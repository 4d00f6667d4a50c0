using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant;

/// <summary>A start-up warning when credentials would cross the network over plain http://.</summary>
public sealed class InsecureTransportWarningTests
{
    // A 70-character label is refused by the resolver library itself: no DNS query leaves the machine.
    private static readonly string Remote = new string('a', 70) + ".invalid";

    public static TheoryData<string, string?, bool> Urls => new()
    {
        { $"http://{Remote}/", null, true },
        { $"https://{Remote}/", null, false },
        { "http://127.0.0.1:9/", null, false },
        { "http://localhost:9/", null, false },
        { $"https://{Remote}/", $"http://{Remote}/oauth/token", true },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Start_CredentialsOverPlainHttpToAnotherHost_AreWarnedAbout(string baseUrl, string? tokenUrl, bool warns)
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = baseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "transport-test-password",
            ["Eggplant:TokenUrl"] = tokenUrl,
            ["Eggplant:ClientId"] = tokenUrl is null ? null : "sutweb",
            ["Eggplant:ClientSecret"] = tokenUrl is null ? null : "transport-test-secret",
        });

        var warnings = host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("unencrypted", StringComparison.Ordinal)).ToList();
        if (warns)
        {
            var warning = Assert.Single(warnings);
            Assert.Contains($"over http:// to {Remote}", warning);
            Assert.Contains(tokenUrl is null ? "Eggplant:BaseUrl" : "Eggplant:TokenUrl", warning);
        }
        else
        {
            Assert.Empty(warnings);
        }
        Assert.DoesNotContain("transport-test-password", host.Logs.AllText);
        Assert.DoesNotContain("transport-test-secret", host.Logs.AllText);
    }

    [Fact]
    public async Task Start_SourceCredentialsOverPlainHttp_WarningNamesThatSourcesSetting()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:Sources:lab-a:BaseUrl"] = $"http://{Remote}/",
            ["Eggplant:Sources:lab-a:Username"] = "sutweb",
            ["Eggplant:Sources:lab-a:Password"] = "transport-test-password",
            ["Eggplant:Sources:lab-b:BaseUrl"] = $"https://{Remote}/",
            ["Eggplant:Sources:lab-b:TokenUrl"] = $"http://{Remote}/oauth/token",
            ["Eggplant:Sources:lab-b:ClientId"] = "sutweb",
            ["Eggplant:Sources:lab-b:ClientSecret"] = "transport-test-secret",
        });

        var warnings = host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("unencrypted", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("the password and bearer tokens go over http://", StringComparison.Ordinal) && w.Contains("Eggplant:Sources:lab-a:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("the client secret go over http://", StringComparison.Ordinal) && w.Contains("Eggplant:Sources:lab-b:TokenUrl", StringComparison.Ordinal));
        Assert.DoesNotContain("transport-test-password", host.Logs.AllText);
        Assert.DoesNotContain("transport-test-secret", host.Logs.AllText);
    }
}
