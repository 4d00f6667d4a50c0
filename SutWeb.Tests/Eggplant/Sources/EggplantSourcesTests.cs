using SutWeb.Eggplant.Sources;

namespace SutWeb.Tests.Eggplant.Sources;

/// <summary>Which sources a configuration describes, and which settings each one gets.</summary>
public sealed class EggplantSourcesTests
{
    [Fact]
    public void Resolve_NothingConfigured_IsTheSimulatorAsDefault()
    {
        var source = Assert.Single(EggplantSources.Resolve(SourceSettings.Bind()));

        Assert.Equal("default", source.Id);
        Assert.True(source.Options.UsesSimulator);
        Assert.Equal("Simulator", source.DisplayName);
    }

    [Fact]
    public void Resolve_FlatSettingsOnly_AreTheSourceDefaultUnchanged()
    {
        var flat = SourceSettings.Bind(
            ("Eggplant:BaseUrl", "https://dai.example.com:8443/"),
            ("Eggplant:Username", "me"),
            ("Eggplant:Password", "secret"),
            ("Eggplant:PollInterval", "00:00:03"));

        var source = Assert.Single(EggplantSources.Resolve(flat));

        Assert.Equal("default", source.Id);
        Assert.Same(flat, source.Options);
        Assert.Equal("dai.example.com:8443", source.DisplayName);
        Assert.Equal(TimeSpan.FromSeconds(3), source.Options.PollInterval);
    }

    [Fact]
    public void Resolve_FlatServerAndTwoSources_AreThreeSourcesDefaultFirst()
    {
        var sources = EggplantSources.Resolve(SourceSettings.Bind(
            ("Eggplant:BaseUrl", "https://dai.example.com/"),
            ("Eggplant:Username", "me"),
            ("Eggplant:Password", "secret"),
            ("Eggplant:Sources:lab-a:BaseUrl", "https://lab-a.example.com/"),
            ("Eggplant:Sources:lab-a:Username", "a"),
            ("Eggplant:Sources:lab-a:Password", "pa"),
            ("Eggplant:Sources:lab-b:BaseUrl", "https://lab-b.example.com/"),
            ("Eggplant:Sources:lab-b:TokenUrl", "https://login.example.com/token"),
            ("Eggplant:Sources:lab-b:ClientId", "dash"),
            ("Eggplant:Sources:lab-b:ClientSecret", "cs"),
            ("Eggplant:Sources:lab-b:DisplayName", "Lab B (Leeds)")));

        Assert.Equal(["default", "lab-a", "lab-b"], sources.Select(s => s.Id));
        Assert.Equal(["dai.example.com", "lab-a", "Lab B (Leeds)"], sources.Select(s => s.DisplayName));
        Assert.True(sources[2].Options.UsesClientCredentials);
        Assert.Equal("Eggplant:Sources:lab-b:", sources[2].SettingPrefix);
    }

    [Fact]
    public void Resolve_SourcesWithoutFlatServer_HaveNoSimulatorDefault()
    {
        var sources = EggplantSources.Resolve(SourceSettings.Bind(
            ("Eggplant:Sources:lab-a:BaseUrl", "https://lab-a.example.com/"),
            ("Eggplant:Sources:lab-a:Username", "a"),
            ("Eggplant:Sources:lab-a:Password", "pa")));

        Assert.Equal("lab-a", Assert.Single(sources).Id);
    }

    [Fact]
    public void Resolve_SourceLeavesTuningUnset_InheritsTheFlatValuesButNeverCredentials()
    {
        var sources = EggplantSources.Resolve(SourceSettings.Bind(
            ("Eggplant:BaseUrl", "https://dai.example.com/"),
            ("Eggplant:Username", "me"),
            ("Eggplant:Password", "flat-secret"),
            ("Eggplant:PollInterval", "00:00:04"),
            ("Eggplant:IdlePollInterval", "00:00:30"),
            ("Eggplant:RequestTimeout", "00:00:09"),
            ("Eggplant:MaxAgents", "500"),
            ("Eggplant:Sources:lab-a:BaseUrl", "https://lab-a.example.com/"),
            ("Eggplant:Sources:lab-a:TokenUrl", "https://login.example.com/token"),
            ("Eggplant:Sources:lab-a:ClientId", "dash"),
            ("Eggplant:Sources:lab-a:ClientSecret", "cs"),
            ("Eggplant:Sources:lab-a:IdlePollInterval", "00:01:00")));

        var lab = sources.Single(s => s.Id == "lab-a").Options;

        Assert.Equal(TimeSpan.FromSeconds(4), lab.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), lab.IdlePollInterval);
        Assert.Equal(TimeSpan.FromSeconds(9), lab.RequestTimeout);
        Assert.Equal(500, lab.MaxAgents);
        Assert.Null(lab.Username);
        Assert.Null(lab.Password);
        Assert.Equal("https://lab-a.example.com/", lab.BaseUrl);
    }
}
