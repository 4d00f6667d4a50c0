using System.Text.RegularExpressions;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.EndToEnd;

/// <summary>
/// SutWeb's own style sheets and markup name MudBlazor's classes only where they adjust what MudBlazor renders
/// (`.mud-appbar`, `.mud-table-container`, `mud-text-secondary`). Every such class must exist in the MudBlazor style
/// sheet the host serves, so that a MudBlazor update that renames one fails here instead of quietly unstyling a page.
/// </summary>
public sealed partial class MudBlazorClassTests
{
    [Fact]
    public async Task StyleSheetsAndMarkup_MudBlazorClassesNamed_ExistInTheServedMudBlazorStyleSheet()
    {
        await using var host = await SutWebHost.StartAsync();
        var html = await host.Http.GetStringAsync("");
        var sheets = StyleSheet().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();
        var mudBlazorSheet = Assert.Single(sheets, s => s.Contains("_content/MudBlazor/", StringComparison.Ordinal));
        var mudBlazorCss = await host.Http.GetStringAsync(mudBlazorSheet.TrimStart('/'));
        var defined = MudClass().Matches(mudBlazorCss).Select(m => m.Value.TrimStart('.')).ToHashSet(StringComparer.Ordinal);

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in sheets.Where(s => s != mudBlazorSheet))
        {
            foreach (Match used in MudClass().Matches(await host.Http.GetStringAsync(sheet.TrimStart('/'))))
            {
                named.TryAdd(used.Value.TrimStart('.'), sheet);
            }
        }
        var components = Path.Combine(RepositoryRoot.Find()!, "SutWeb", "Components");
        foreach (var file in Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories))
        {
            foreach (Match used in MarkupMudClass().Matches(File.ReadAllText(file)))
            {
                named.TryAdd(used.Groups["name"].Value, Path.GetRelativePath(components, file));
            }
        }

        Assert.NotEmpty(named);
        Assert.Empty(named.Where(n => !defined.Contains(n.Key)).Select(n => $"{n.Key} (in {n.Value})"));
    }

    [GeneratedRegex(@"href=""(?<url>[^""]+\.css)""")]
    private static partial Regex StyleSheet();

    /// <summary>A class selector such as <c>.mud-chip</c>; custom properties (<c>--mud-palette-…</c>) are not classes.</summary>
    [GeneratedRegex(@"\.mud-[a-z0-9-]+(?![a-z0-9-])")]
    private static partial Regex MudClass();

    /// <summary>A MudBlazor class written into a <c>class</c>/<c>Class</c> attribute of markup.</summary>
    [GeneratedRegex(@"(?i:class)=""[^""]*?\b(?<name>mud-[a-z0-9-]+)")]
    private static partial Regex MarkupMudClass();
}
