using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SutWeb.Configuration;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Eggplant;

/// <summary>The idle interval is a setting like any other: known, and refused when it would poll a quiet board faster.</summary>
public sealed class IdlePollIntervalTests
{
    [Fact]
    public async Task Start_IdlePollIntervalShorterThanPollInterval_StopsNamingBothSettings()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:PollInterval"] = "00:00:05",
            ["Eggplant:IdlePollInterval"] = "00:00:02",
        }));

        Assert.Contains("Eggplant:IdlePollInterval must not be shorter than Eggplant:PollInterval", error.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSettings_IdlePollInterval_IsKnownAndASlipSuggestsIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Eggplant:IdlePollInterval"] = "00:01:00",
            ["Eggplant:IdlePolInterval"] = "00:01:00",
        }).Build();

        var unknown = Assert.Single(UnknownSettingsReport.Find(configuration));

        Assert.Equal("Eggplant:IdlePolInterval", unknown.Key);
        Assert.Equal("Eggplant:IdlePollInterval", unknown.Suggestion);
    }
}
