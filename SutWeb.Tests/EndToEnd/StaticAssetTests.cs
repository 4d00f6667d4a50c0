using System.Net;
using System.Text.RegularExpressions;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// The host started from the test assembly serves the pages' scripts and style sheets (blazor.web.js, MudBlazor's,
/// the app's own): the static web assets manifest of the SutWeb project is found by ApplicationName.
/// </summary>
public sealed partial class StaticAssetTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/wall")]
    public async Task StaticAssets_HostStartedFromTestAssembly_EveryReferencedScriptAndStyleIsServed(string page)
    {
        await using var host = await SutWebHost.StartAsync();
        var html = await host.Http.GetStringAsync(page.TrimStart('/'));
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();

        Assert.Contains(assets, a => a.Contains("_framework/blazor.web", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("_content/MudBlazor/MudBlazor.min", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("_content/MudBlazor/MudBlazor.min", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("js/app-reconnect", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await host.Http.GetAsync(asset.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.True(response.Content.Headers.ContentLength is null or > 0, $"{asset} is empty");
        }
    }

    [GeneratedRegex(@"(?:src|href)=""(?<url>[^""]+\.(?:js|css))""")]
    private static partial Regex AssetReference();
}
