using System.Text.Json;
using Microsoft.Playwright;

namespace SutWeb.Bench.Browser;

/// <summary>
/// A MutationObserver in the page that notes, with the page's <c>Date.now()</c> (the machine's real-time clock, as the
/// driver's), when each marker text <c>bench-mNNNNNN</c> first appears in the DOM. It reads only what Blazor changed,
/// so it works whatever the row markup is.
/// </summary>
public static class DomMarkerObserver
{
    private const string Install = """
        () => {
          if (window.__benchSeen) return true;
          const seen = window.__benchSeen = {};
          const re = /bench-m\d{6}/g;
          const scan = (text, t) => {
            if (!text) return;
            const found = text.match(re);
            if (found) for (const m of found) if (!(m in seen)) seen[m] = t;
          };
          new MutationObserver(records => {
            const t = Date.now();
            for (const r of records) {
              if (r.type === 'characterData') scan(r.target.data, t);
              else for (const n of r.addedNodes) scan(n.textContent, t);
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
          return true;
        }
        """;

    public static Task InstallAsync(IPage page) => page.EvaluateAsync<bool>(Install);

    /// <summary>Markers seen so far, with the Unix milliseconds at which they appeared.</summary>
    public static async Task<Dictionary<string, double>> SeenAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__benchSeen || {})");
        return JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
    }
}
