using SutWeb.Components.Layout;
using SutWeb.Components.Listing;
using SutWeb.Components.Wall;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

public sealed class WallSettingsTests
{
    [Fact]
    public void WallSettings_NoParameters_Defaults()
    {
        var settings = WallSettings.Parse();

        Assert.Null(settings.Columns);
        Assert.True(settings.Filter.IsEverything);
        Assert.Equal(1, settings.Scale);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.PageInterval);
        Assert.True(KioskLayout.IsDark(null));
    }

    [Fact]
    public void WallSettings_Garbage_FallsBackToDefaults()
    {
        var settings = WallSettings.Parse(cols: "many", filter: "", scale: "huge", cycle: "-3");

        Assert.Equal(WallSettings.Parse(), settings);
        Assert.True(KioskLayout.IsDark("purple"));
    }

    [Theory]
    [InlineData("auto", null)]
    [InlineData("3", 3)]
    [InlineData("0", null)]
    [InlineData("99", WallLayout.MaxColumnsAtAnyScale)]
    public void WallSettings_Cols_AutoOrANumber(string cols, int? expected) =>
        Assert.Equal(expected, WallSettings.Parse(cols: cols).Columns);

    [Theory]
    [InlineData("1.3", 1.25)]
    [InlineData("0.1", WallSettings.MinScale)]
    [InlineData("10", WallSettings.MaxScale)]
    public void WallSettings_Scale_InQuarterStepsWithinLimits(string scale, double expected) =>
        Assert.Equal(expected, WallSettings.Parse(scale: scale).Scale);

    [Fact]
    public void WallSettings_Scale_IsTheScreensStyleInvariantOfCulture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("--wall-scale: 1.75", WallSettings.Parse(scale: "1.75").ScaleStyle);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("30", null, 30)]
    [InlineData("1", null, 2)]
    [InlineData(null, "30", 30)] // page=, the old name, still read
    [InlineData("20", "30", 20)] // cycle= wins over the old name
    [InlineData("nonsense", "30", 10)] // a cycle= given is the one that counts, even when it does not parse
    public void WallSettings_CycleOrItsOldNamePage_SecondsPerPageWithAFloor(string? cycle, string? page, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WallSettings.Parse(cycle: cycle, page: page).PageInterval);

    [Theory]
    [InlineData("light", false)]
    [InlineData("LIGHT", false)]
    [InlineData("dark", true)]
    public void KioskLayout_Theme_DarkUnlessLight(string theme, bool dark) => Assert.Equal(dark, KioskLayout.IsDark(theme));

    [Fact]
    public void WallSettings_QAndState_AreTheDesksFilter()
    {
        var settings = WallSettings.Parse(q: "mac, win", state: "failed");

        Assert.Equal(AgentFilter.Parse("mac, win", "failed"), settings.Filter);
    }

    [Theory]
    [InlineData("failed", "", new[] { AgentState.Failed })]
    [InlineData("Running|Passed", "", new[] { AgentState.Running, AgentState.Passed })]
    [InlineData("LOGIN, mac-", "LOGIN,mac-", new AgentState[0])]
    [InlineData("failed,lab,incomplete,nightly", "lab,nightly", new[] { AgentState.Failed, AgentState.Incomplete })]
    public void WallSettings_OldFilter_StateTermsToStateOthersToText(string filter, string text, AgentState[] states)
    {
        var settings = WallSettings.Parse(filter: filter);

        Assert.Equal(text, settings.Filter.Text);
        Assert.Equal(states.Order(), settings.Filter.States);
    }

    [Fact]
    public void WallSettings_OldFilterBesideQ_TheNewNamesWin()
    {
        var settings = WallSettings.Parse(q: "lab", filter: "failed,nightly");

        Assert.Equal(AgentFilter.Parse("lab", null), settings.Filter);
    }

    [Fact]
    public void WallSettings_OldFilterMixingStateAndText_NowNeedsBoth()
    {
        // The one change of meaning: filter=failed,lab showed failed agents and any agent named lab; now failed labs only.
        var settings = WallSettings.Parse(filter: "failed,lab");
        AgentView[] agents = [Agent("lab-1", AgentState.Failed), Agent("lab-2", AgentState.Running), Agent("office", AgentState.Failed)];

        Assert.Equal(["lab-1:5400"], settings.Arrange(agents).Select(a => a.Key));
    }

    [Fact]
    public void WallSettings_Arrange_FilteredInTheDefaultOrder()
    {
        AgentView[] agents =
        [
            Agent("bravo", AgentState.Passed), Agent("alpha", AgentState.Running), Agent("Charlie", AgentState.Failed),
            Agent("delta", AgentState.Failed, port: 1), Agent("echo", AgentState.Idle),
        ];

        var shown = WallSettings.Parse(state: "failed,running,passed").Arrange(agents);

        Assert.Equal(["Charlie:5400", "delta:1", "alpha:5400", "bravo:5400"], shown.Select(a => a.Key));
    }

    [Fact]
    public void WallSettings_Source_JoinsTheFilterNewOrOld()
    {
        Assert.Equal(AgentFilter.Parse("mac", null, "lab-b,lab-c"), WallSettings.Parse(q: "mac", source: "lab-b, lab-c").Filter);
        Assert.Equal(AgentFilter.Parse(null, "failed", "lab-b"), WallSettings.Parse(filter: "failed", source: "lab-b").Filter);
        Assert.Empty(WallSettings.Parse().Filter.Sources);
    }

    [Fact]
    public void WallSettings_ArrangeWithSource_ShowsOnlyThatSourcesAgents()
    {
        AgentView[] agents = [Agent("mac", AgentState.Failed).From("default", "Lab A"), Agent("mac", AgentState.Idle).From("lab-b", "Lab B")];

        Assert.Equal(["lab-b/mac:5400"], WallSettings.Parse(source: "lab-b").Arrange(agents, new Dictionary<string, string> { ["default"] = "Lab A", ["lab-b"] = "Lab B" }).Select(a => a.Key));
    }
}
