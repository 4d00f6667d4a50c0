using Microsoft.Extensions.Options;
using SutWeb.Configuration;
using SutWeb.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace SutWeb.Tests.Eggplant.Sources;

/// <summary>A bad source stops the start with a message naming the setting, and never a secret's value.</summary>
public sealed class EggplantSourcesValidationTests
{
    private const string Secret = "hunter2-of-lab-a";

    [Theory]
    [InlineData("Lab-A")]
    [InlineData("lab_a")]
    [InlineData("-lab")]
    [InlineData("a23456789012345678901234567890123")]
    public void Validate_MalformedId_NamesTheSourceAndTheRule(string id)
    {
        var failure = Assert.Single(SourceSettings.Failures(
            ($"Eggplant:Sources:{id}:BaseUrl", "https://lab.example.com/"),
            ($"Eggplant:Sources:{id}:Username", "a"),
            ($"Eggplant:Sources:{id}:Password", Secret)));

        Assert.StartsWith($"Eggplant:Sources:{id} is not a valid source id", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceDefaultBesideFlatServer_IsADuplicate()
    {
        var failure = Assert.Single(SourceSettings.Failures(
            ("Eggplant:BaseUrl", "https://dai.example.com/"),
            ("Eggplant:Username", "me"),
            ("Eggplant:Password", "flat"),
            ("Eggplant:Sources:default:BaseUrl", "https://other.example.com/"),
            ("Eggplant:Sources:default:Username", "a"),
            ("Eggplant:Sources:default:Password", Secret)));

        Assert.StartsWith("Eggplant:Sources:default duplicates the source default", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceDefaultWithoutFlatServer_IsTheDefaultSource()
    {
        var options = SourceSettings.Bind(
            ("Eggplant:Sources:default:BaseUrl", "https://dai.example.com/"),
            ("Eggplant:Sources:default:Username", "a"),
            ("Eggplant:Sources:default:Password", Secret));

        Assert.Equal("default", Assert.Single(global::SutWeb.Eggplant.Sources.EggplantSources.Resolve(options)).Id);
    }

    [Fact]
    public void Validate_SourceWithoutUrl_NamesItsBaseUrl()
    {
        var failure = Assert.Single(SourceSettings.Failures(
            ("Eggplant:Sources:lab-a:Username", "a"),
            ("Eggplant:Sources:lab-a:Password", Secret)));

        Assert.StartsWith("Eggplant:Sources:lab-a:BaseUrl is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceUrlWithUserInfo_IsRefusedWithoutEchoingIt()
    {
        var failure = Assert.Single(SourceSettings.Failures(
            ("Eggplant:Sources:lab-a:BaseUrl", $"https://a:{Secret}@lab.example.com/"),
            ("Eggplant:Sources:lab-a:Username", "a"),
            ("Eggplant:Sources:lab-a:Password", "p")));

        Assert.StartsWith("Eggplant:Sources:lab-a:BaseUrl must be an absolute http or https URL", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceIdleShorterThanActive_NamesBothOfItsSettings()
    {
        var failure = Assert.Single(SourceSettings.Failures(
            ("Eggplant:Sources:lab-a:BaseUrl", "https://lab.example.com/"),
            ("Eggplant:Sources:lab-a:Username", "a"),
            ("Eggplant:Sources:lab-a:Password", Secret),
            ("Eggplant:Sources:lab-a:PollInterval", "00:00:05"),
            ("Eggplant:Sources:lab-a:IdlePollInterval", "00:00:02")));

        Assert.StartsWith(
            "Eggplant:Sources:lab-a:IdlePollInterval must not be shorter than Eggplant:Sources:lab-a:PollInterval",
            failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceActiveIntervalAboveInheritedIdle_IsRefusedForThatSource()
    {
        // The flat idle 15 s is inherited: a source polling every 20 s while busy must also set its idle interval.
        var failure = Assert.Single(SourceSettings.Failures(
            ("Eggplant:Sources:lab-a:BaseUrl", "https://lab.example.com/"),
            ("Eggplant:Sources:lab-a:Username", "a"),
            ("Eggplant:Sources:lab-a:Password", Secret),
            ("Eggplant:Sources:lab-a:PollInterval", "00:00:20")));

        Assert.StartsWith("Eggplant:Sources:lab-a:IdlePollInterval must not be shorter", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BothSignInModesHalfSet_NamesEachMissingSettingNotTheSecrets()
    {
        var failures = SourceSettings.Failures(
            ("Eggplant:Sources:lab-a:BaseUrl", "https://lab.example.com/"),
            ("Eggplant:Sources:lab-a:Password", Secret),
            ("Eggplant:Sources:lab-a:TokenUrl", "https://login.example.com/token"),
            ("Eggplant:Sources:lab-a:ClientSecret", Secret));

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("missing: Eggplant:Sources:lab-a:ClientId.", StringComparison.Ordinal)
            && f.Contains("Eggplant__Sources__lab-a__ClientId", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("missing: Eggplant:Sources:lab-a:Username.", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain(Secret, f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SourceWithNoCredentials_DoesNotBorrowTheFlatOnes()
    {
        var failure = Assert.Single(SourceSettings.Failures(
            ("Eggplant:BaseUrl", "https://dai.example.com/"),
            ("Eggplant:Username", "me"),
            ("Eggplant:Password", Secret),
            ("Eggplant:Sources:lab-a:BaseUrl", "https://lab.example.com/")));

        Assert.StartsWith("Eggplant:Sources:lab-a:Username and Eggplant:Sources:lab-a:Password", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OneBadSource_ReportsOnlyItsOwnSettings()
    {
        var failure = Assert.Single(SourceSettings.Failures(
            ("Eggplant:Sources:lab-a:BaseUrl", "https://lab-a.example.com/"),
            ("Eggplant:Sources:lab-a:Username", "a"),
            ("Eggplant:Sources:lab-a:Password", Secret),
            ("Eggplant:Sources:lab-b:BaseUrl", "https://lab-b.example.com/"),
            ("Eggplant:Sources:lab-b:Username", "b")));

        Assert.Contains("missing: Eggplant:Sources:lab-b:Password.", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("lab-a", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedSourceId_StopsTheHostNamingIt()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:Sources:Lab_A:BaseUrl"] = "https://lab.example.com/",
            ["Eggplant:Sources:Lab_A:Username"] = "a",
            ["Eggplant:Sources:Lab_A:Password"] = Secret,
        }));

        Assert.Contains("Eggplant:Sources:Lab_A is not a valid source id", StartupErrors.Describe(error).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSettings_SlipInsideASource_SuggestsTheSourceSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Eggplant:Sources:lab-a:BaseUrl"] = "https://lab.example.com/",
            ["Eggplant:Sources:lab-a:PolInterval"] = "00:00:03",
            ["Eggplant:Sources:lab-a:DisplayName"] = "Lab A",
        }).Build();

        var unknown = Assert.Single(UnknownSettingsReport.Find(configuration));

        Assert.Equal("Eggplant:Sources:lab-a:PolInterval", unknown.Key);
        Assert.Equal("Eggplant:Sources:lab-a:PollInterval", unknown.Suggestion);
    }
}
