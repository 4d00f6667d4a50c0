using System.Diagnostics;
using Microsoft.Playwright;
using SutWeb.Bench.Browser;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Reporting;
using SutWeb.Components.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 13's last bench row: server memory per open agent page (<c>/agents/{source}/{agentName}</c>). A host recording
/// to SQLite holds a month of busy history for ten agents (<see cref="AgentPageHistory"/>: about 2,800 runs each in the
/// charts' 30 days); headless Chromium opens agent pages, each its own context and so its own circuit, spread over the ten
/// agents, each waited for until its runs table and its three charts are drawn. Measured as in 'circuits': managed heap
/// and working set after a full collection, the first page apart (it fills the process's one-off caches), then the
/// growth per further page at each count of <see cref="BenchOptions.AgentPages"/>.
/// </summary>
public static class AgentPageScenario
{
    public const string Name = "agentpages";
    /// <summary>A desk page's goal (target 6a), the figure this one is compared with.</summary>
    private const double DeskPageMiB = 2;
    private const string Target = "13.5 server memory per open agent page, about 2,800 runs in its 30 days";
    private static readonly string[] Charts = ["duration-chart", "outcomes-chart", "connected-chart"];

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        var counts = options.AgentPages.Where(n => n > 1).Order().ToArray();
        if (!options.BrowserAvailable || counts.Length == 0)
        {
            report.Figures = $"not measured: no browser at {options.Chromium}, or no --agent-pages count above 1";
            report.Target(new TargetResult(Target, $"measured (a desk page's goal is {DeskPageMiB} MiB)", "not measured", null));
            return;
        }
        var folder = Directory.CreateTempSubdirectory("sutweb-bench-agentpages-").FullName;
        try
        {
            var loading = Stopwatch.StartNew();
            var runsPerAgent = await AgentPageHistory.WriteAsync(folder, DateTimeOffset.UtcNow);
            Console.WriteLine($"agent pages: {AgentPageHistory.Agents} agents × {runsPerAgent:N0} runs written in {loading.Elapsed.TotalSeconds:0} s");

            var settings = ChildHost.Settings(10, TimeSpan.FromSeconds(1));
            settings["History:Provider"] = "Sqlite";
            settings["History:DataDirectory"] = folder;
            await using var host = await ChildHost.StartAsync(settings);
            await host.WaitForBoardAsync(version: 1, agents: 10, TimeSpan.FromSeconds(60));
            // Nothing moves on the board while pages open: their memory is what is measured, not the desk's renders.
            await host.SetActivityAsync(false);
            await host.WaitForNextPollAsync(TimeSpan.FromSeconds(30));
            await HistoryAnswersAsync(host);
            await using var browser = await DashboardBrowser.LaunchAsync(options.Chromium);

            var before = await host.MetricsAsync(gc: true);
            var clock = Stopwatch.StartNew();
            var first = await OpenAgentPageAsync(browser, host, 0);
            await CircuitScenario.RendersSettleAsync(host, before.RenderBatches, 1);
            var firstOpened = clock.Elapsed.TotalSeconds;
            var afterFirst = await host.MetricsAsync(gc: true);
            if (options.GcDump is { } firstDumpPath)
            {
                // Two dumps, so that their difference is what the further pages hold.
                await CircuitScenario.WriteHeapDumpAsync(host, Path.ChangeExtension(firstDumpPath, ".first-page.gcdump"));
            }
            var outcomesSummary = await first.InnerTextAsync("[data-testid=outcomes-chart-summary]");
            Console.WriteLine($"agent pages: first page {Format.MiB(afterFirst.GcHeapBytes - before.GcHeapBytes)} with one-off caches; {outcomesSummary}");

            var steps = new List<AgentPagesOpen>();
            var open = 1;
            foreach (var count in counts)
            {
                var rendered = (await host.MetricsAsync()).RenderBatches;
                clock.Restart();
                for (; open < count; open++)
                {
                    await OpenAgentPageAsync(browser, host, open);
                }
                await host.WaitForCircuitsAsync(count, TimeSpan.FromSeconds(120));
                await CircuitScenario.RendersSettleAsync(host, rendered, 1);
                var seconds = clock.Elapsed.TotalSeconds;
                var metrics = await host.MetricsAsync(gc: true);
                if (options.GcDump is { } dumpPath)
                {
                    await CircuitScenario.WriteHeapDumpAsync(host, Path.ChangeExtension(dumpPath, $".{count}-pages.gcdump"));
                }
                steps.Add(new AgentPagesOpen(count, metrics.GcHeapBytes, metrics.WorkingSetBytes, seconds));
                Console.WriteLine($"agent pages: {count} open; heap {Format.MiB(metrics.GcHeapBytes)}, working set {Format.MiB(metrics.WorkingSetBytes)}, "
                    + $"{Format.MiB(PerPage(metrics.GcHeapBytes, afterFirst.GcHeapBytes, count))} heap per page");
            }

            report.Figures = new
            {
                agents = AgentPageHistory.Agents,
                runsPerAgentIn31Days = runsPerAgent,
                runsReadPerPageCap = AgentActivity.MaxRuns,
                firstPageOutcomesSummary = outcomesSummary,
                chromium = browser.Version,
                managedHeapBytes = new { before = before.GcHeapBytes, firstPageOpen = afterFirst.GcHeapBytes },
                workingSetBytes = new { before = before.WorkingSetBytes, firstPageOpen = afterFirst.WorkingSetBytes },
                firstPageWithOneOffCachesBytes = afterFirst.GcHeapBytes - before.GcHeapBytes,
                firstPageOpenSeconds = firstOpened,
                open = steps.Select(s => new
                {
                    pagesOpen = s.Pages,
                    managedHeapBytes = s.GcHeapBytes,
                    workingSetBytes = s.WorkingSetBytes,
                    managedHeapPerPageBytes = PerPage(s.GcHeapBytes, afterFirst.GcHeapBytes, s.Pages),
                    workingSetPerPageBytes = PerPage(s.WorkingSetBytes, afterFirst.WorkingSetBytes, s.Pages),
                    openSeconds = s.OpenSeconds,
                }),
            };
            report.Target(new TargetResult(
                Target,
                $"measured (the issue sets no goal; a desk page's is {DeskPageMiB} MiB, target 6a)",
                string.Join("; ", steps.Select(s => $"{s.Pages} pages: {Format.MiB(PerPage(s.GcHeapBytes, afterFirst.GcHeapBytes, s.Pages))} managed heap, "
                    + $"{Format.MiB(PerPage(s.WorkingSetBytes, afterFirst.WorkingSetBytes, s.Pages))} working set per page")) + " (each page after the first)",
                null));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double PerPage(long bytes, long firstPageOpen, int pages) => (bytes - firstPageOpen) / (double)(pages - 1);

    /// <summary>Waits until the history API answers (not 503 while the database opens), so that the first page reads at once.</summary>
    private static async Task HistoryAnswersAsync(ChildHost host)
    {
        var query = $"api/history/runs?source={AgentPageHistory.Source}&agent={AgentPageHistory.AgentName(0)}&limit=1";
        if (!await Eventually.TryUntilAsync(async () => (await host.Http.GetAsync(query)).IsSuccessStatusCode, TimeSpan.FromSeconds(60), 100))
        {
            throw new TimeoutException("The host's history did not answer in 60 s.");
        }
    }

    /// <summary>Opens the page of agent <c>n % Agents</c> and waits until its runs table and its three charts are drawn.</summary>
    private static async Task<IPage> OpenAgentPageAsync(DashboardBrowser browser, ChildHost host, int n)
    {
        var agent = AgentPageHistory.AgentName(n % AgentPageHistory.Agents);
        var page = await browser.OpenAsync(new Uri(host.BaseAddress, HistoryLinks.Agent(AgentPageHistory.Source, agent)));
        var drawn = string.Join(" && ", Charts.Select(id => $"document.querySelector('[data-testid={id}] .history-chart__drawing svg')"));
        await page.WaitForFunctionAsync(
            $"() => document.querySelector('[data-testid=charts-error], [data-testid=history-error]') || (document.querySelectorAll('[data-testid=run]').length > 0 && {drawn})",
            null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        if (await page.QuerySelectorAsync("[data-testid=charts-error], [data-testid=history-error]") is not null)
        {
            throw new InvalidOperationException($"The page of {agent} says its history could not be read.");
        }
        return page;
    }
}
