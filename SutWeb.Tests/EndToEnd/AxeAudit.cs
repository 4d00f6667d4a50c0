using System.Text.Json;
using Microsoft.Playwright;

namespace SutWeb.Tests.EndToEnd;

/// <summary>Runs axe-core's WCAG 2.2 A and AA rules on what a page shows now.</summary>
public static class AxeAudit
{
    /// <summary>Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA (axe tags each rule with the versions it covers).</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        // The page's CSP forbids inline script; the test's browser context bypasses it (BrowserSession's bypassCsp).
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Path = AxeScript.Require() });
        }
        // A row that just changed flashes for a moment; judge the colours it settles on (endless progress bars aside).
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)");
        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' >> ') : String(t)), failureSummary: n.failureSummary })),
                })));
            }
            """, WcagTags);
        return JsonSerializer.Deserialize<AxeViolation[]>(json, JsonSerializerOptions.Web) ?? [];
    }

    /// <summary>Fails, naming every violation and where it is, unless axe finds none.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var violations = await RunAsync(page);
        Assert.True(violations.Count == 0,
            $"axe-core found {violations.Count} WCAG 2.2 A/AA violation(s) on {what}:\n" + string.Join("\n", violations));
    }
}
