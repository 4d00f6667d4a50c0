using System.Net.Http.Headers;
using SutWeb.Components.Layout;
using SutWeb.Components.Styling;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Components;

/// <summary>The page the server sends first is already in the remembered colours: no light flash before dark.</summary>
public sealed class ThemeFirstPaintTests
{
    [Fact]
    public async Task FirstPaint_RememberedDark_IsDarkInTheServersHtml()
    {
        await using var host = await SutWebHost.StartAsync();

        var dark = await FirstHtmlAsync(host, "dark.1");
        var light = await FirstHtmlAsync(host, "light.0");
        var none = await FirstHtmlAsync(host, cookie: null);

        var darkBackground = $"--mud-palette-background: {SutWebTheme.Theme.PaletteDark.Background}";
        Assert.Contains(darkBackground, dark, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(darkBackground, light, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(darkBackground, none, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> FirstHtmlAsync(SutWebHost host, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{ThemeChoice.CookieName}={cookie}");
        }
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
