using SutWeb.Components.Wall;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

public sealed class WallSettingsTests
{
    [Fact]
    public void WallSettings_NoParameters_Defaults()
    {
        var settings = WallSettings.Parse(null, null, null, null);

        Assert.Null(settings.Columns);
        Assert.Empty(settings.Filter);
        Assert.Equal(1, settings.Scale);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.PageInterval);
        Assert.True(WallSettings.IsDark(null));
    }

    [Fact]
    public void WallSettings_Garbage_FallsBackToDefaults()
    {
        var settings = WallSettings.Parse("many", "", "huge", "-3");

        Assert.Equal(WallSettings.Parse(null, null, null, null) with { Filter = settings.Filter }, settings);
        Assert.True(WallSettings.IsDark("purple"));
    }

    [Theory]
    [InlineData("auto", null)]
    [InlineData("3", 3)]
    [InlineData("0", null)]
    [InlineData("99", WallLayout.MaxColumnsAtAnyScale)]
    public void WallSettings_Cols_AutoOrANumber(string cols, int? expected) =>
        Assert.Equal(expected, WallSettings.Parse(cols, null, null, null).Columns);

    [Theory]
    [InlineData("1.3", 1.25)]
    [InlineData("0.1", WallSettings.MinScale)]
    [InlineData("10", WallSettings.MaxScale)]
    public void WallSettings_Scale_InQuarterStepsWithinLimits(string scale, double expected) =>
        Assert.Equal(expected, WallSettings.Parse(null, null, scale, null).Scale);

    [Theory]
    [InlineData("30", 30)]
    [InlineData("1", 2)]
    public void WallSettings_Page_SecondsWithAFloor(string page, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WallSettings.Parse(null, null, null, page).PageInterval);

    [Theory]
    [InlineData("light", false)]
    [InlineData("LIGHT", false)]
    [InlineData("dark", true)]
    public void WallSettings_Theme_DarkUnlessLight(string theme, bool dark) => Assert.Equal(dark, WallSettings.IsDark(theme));

    [Theory]
    [InlineData("failed", true)]
    [InlineData("Running", false)]
    [InlineData("LOGIN", true)]
    [InlineData("mac", true)]
    [InlineData("running, mac-", true)]
    [InlineData("win", false)]
    public void WallSettings_Filter_MatchesStateNameOrModel(string filter, bool matches)
    {
        var agent = new AgentView
        {
            Key = "mac-mini-3:5400",
            AgentName = "mac-mini-3",
            State = AgentState.Failed,
            Execution = new ExecutionView { ModelName = "LoginFlow", Status = "Failed" },
        };

        Assert.Equal(matches, WallSettings.Parse(null, filter, null, null).Matches(agent));
    }
}
