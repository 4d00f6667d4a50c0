using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;
using SutWeb.Components.Layout;

namespace SutWeb.Tests.Components;

/// <summary>The theme switch: light, dark or the system's, remembered per browser.</summary>
public sealed class MainLayoutTests : DashboardTestContext
{
    [Theory]
    [InlineData("dark", true)]
    [InlineData("light", false)]
    public void MainLayout_StoredChoice_IsApplied(string stored, bool dark)
    {
        JSInterop.Setup<string?>("sutwebDashboard.getThemeMode").SetResult(stored);

        var cut = RenderLayout();

        cut.WaitForAssertion(() => Assert.Equal(dark, cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode)), Patience);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MainLayout_NothingStored_FollowsTheSystem(bool systemIsDark)
    {
        JSInterop.Setup<string?>("sutwebDashboard.getThemeMode").SetResult(null);
        JSInterop.Setup<bool>("mudThemeProvider.isDarkMode").SetResult(systemIsDark);

        var cut = RenderLayout();

        cut.WaitForAssertion(() => Assert.Equal(systemIsDark, cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode)), Patience);
        Assert.Equal(ThemeMode.System, cut.FindComponent<ThemeModeMenu>().Instance.Mode);
        JSInterop.VerifyInvoke("mudThemeProvider.watchDarkMode");
    }

    [Fact]
    public void MainLayout_ChooseDark_AppliesAndRemembersIt()
    {
        JSInterop.Setup<string?>("sutwebDashboard.getThemeMode").SetResult("light");
        var cut = RenderLayout();
        var menu = cut.FindComponent<ThemeModeMenu>();

        cut.InvokeAsync(() => menu.Instance.ModeChanged.InvokeAsync(ThemeMode.Dark));

        cut.WaitForAssertion(() => Assert.True(cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode)), Patience);
        var call = JSInterop.VerifyInvoke("sutwebDashboard.setThemeMode");
        Assert.Equal("dark", call.Arguments[0]);
    }

    [Fact]
    public void MainLayout_Header_HasTheHealthChipAndTheCounts()
    {
        var cut = RenderLayout();

        Assert.NotNull(cut.Find("[data-testid=health-chip]"));
        Assert.NotNull(cut.Find("[data-testid=count-connected]"));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(_ => { })));
}
