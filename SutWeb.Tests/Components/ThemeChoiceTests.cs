using SutWeb.Components.Layout;

namespace SutWeb.Tests.Components;

public sealed class ThemeChoiceTests
{
    [Theory]
    [InlineData("dark.1", ThemeMode.Dark, true)]
    [InlineData("light.0", ThemeMode.Light, false)]
    [InlineData("system.1", ThemeMode.System, true)]
    [InlineData("System.0", ThemeMode.System, false)]
    [InlineData("dark.0", ThemeMode.Dark, true)] // an explicit choice decides by itself
    [InlineData("light.1", ThemeMode.Light, false)]
    public void Parse_RememberedValue_GivesModeAndColours(string cookie, ThemeMode mode, bool dark) =>
        Assert.Equal(new ThemeChoice(mode, dark), ThemeChoice.Parse(cookie));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dark")]
    [InlineData("dark.2")]
    [InlineData("2.1")]
    [InlineData("purple.1")]
    [InlineData("dark.1.1")]
    [InlineData("<script>.1")]
    public void Parse_AnythingElse_IsTheDefault(string? cookie) =>
        Assert.Equal(ThemeChoice.Default, ThemeChoice.Parse(cookie));

    [Theory]
    [InlineData(ThemeMode.Dark, true)]
    [InlineData(ThemeMode.System, false)]
    [InlineData(ThemeMode.System, true)]
    public void ToCookieValue_ParsesBackToTheSameChoice(ThemeMode mode, bool dark)
    {
        var choice = new ThemeChoice(mode, dark);

        Assert.Equal(choice, ThemeChoice.Parse(choice.ToCookieValue()));
    }
}
