using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using MudBlazor;
using MudBlazor.Extensions;
using SutWeb.Components.Layout;

namespace SutWeb.Tests.Components;

/// <summary>The theme switch: light, dark or the system's, remembered per browser in a cookie the server reads.</summary>
public sealed class MainLayoutTests : DashboardTestContext
{
    [Theory]
    [InlineData("dark.1", true)]
    [InlineData("light.0", false)]
    [InlineData("system.1", true)]
    [InlineData("system.0", false)]
    public void MainLayout_RememberedTheme_IsThereFromTheFirstRender(string cookie, bool dark)
    {
        // The system's answer is not known yet when the server renders, and the browser never answers here.
        JSInterop.Setup<bool>("mudThemeProvider.isDarkMode");

        var cut = RenderLayout(cookie);

        Assert.Equal(dark, cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MainLayout_NothingRemembered_FollowsTheSystemAndRemembersWhatItSaid(bool systemIsDark)
    {
        JSInterop.Setup<bool>("mudThemeProvider.isDarkMode").SetResult(systemIsDark);

        var cut = RenderLayout(cookie: null);

        cut.WaitForAssertion(() => Assert.Equal(systemIsDark, cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode)), Patience);
        Assert.Equal(ThemeMode.System, cut.FindComponent<ThemeModeMenu>().Instance.Mode);
        JSInterop.VerifyInvoke("mudThemeProvider.watchDarkMode");
        cut.WaitForAssertion(() => Assert.Equal(systemIsDark ? "system.1" : "system.0", RememberedCookie()), Patience);
    }

    [Fact]
    public void MainLayout_ChooseDark_AppliesAndRemembersIt()
    {
        var cut = RenderLayout("light.0");
        var menu = cut.FindComponent<ThemeModeMenu>();

        cut.InvokeAsync(() => menu.Instance.ModeChanged.InvokeAsync(ThemeMode.Dark));

        cut.WaitForAssertion(() => Assert.True(cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode)), Patience);
        cut.WaitForAssertion(() => Assert.Equal("dark.1", RememberedCookie()), Patience);
    }

    [Fact]
    public void MainLayout_Header_HasTheHealthChipAndTheCounts()
    {
        var cut = RenderLayout();

        Assert.NotNull(cut.Find("[data-testid=health-chip]"));
        Assert.NotNull(cut.Find("[data-testid=count-connected]"));
    }

    /// <summary>Renders the layout as the server does before the page is live: with the request and its cookie.</summary>
    private IRenderedComponent<MainLayout> RenderLayout(string? cookie = null)
    {
        var request = new DefaultHttpContext();
        if (cookie is not null)
        {
            request.Request.Headers.Cookie = $"{ThemeChoice.CookieName}={cookie}";
        }
        return Render<MainLayout>(parameters => parameters
            .AddCascadingValue(request)
            .Add(layout => layout.Body, (RenderFragment)(_ => { })));
    }

    /// <summary>The value the page last asked the browser to keep in the theme cookie.</summary>
    private string? RememberedCookie()
    {
        var call = JSInterop.Invocations["sutwebDashboard.rememberTheme"].LastOrDefault();
        Assert.Equal(ThemeChoice.CookieName, call.Arguments[0]);
        return (string?)call.Arguments[1];
    }
}
