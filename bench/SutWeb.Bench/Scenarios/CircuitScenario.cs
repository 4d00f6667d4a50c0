using SutWeb.Tests.TestSupport;
using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using SutWeb.Bench.Browser;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Target 6: Blazor circuits with 1,000 agents. Server memory per open dashboard page (K headless Chromium pages, managed
/// heap and working set of the host after a full collection, before and after), and the server's render time for a diff
/// of one agent, read from ASP.NET Core's own <c>aspnetcore.components.render_diff.duration</c> instrument in the host:
/// first with one page open (the cost of one circuit's render), then with all K open.
/// </summary>
public static class CircuitScenario
{
    public const string Name = "circuits";
    private const int Agents = 1_000;
    private const int ChangesWithOnePage = 15;
    private const int ChangesWithAllPages = 12;
    private const double MemoryTargetMiB = 2;
    private const double RenderTargetMs = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        if (!options.BrowserAvailable || options.Pages < 1)
        {
            report.Figures = $"not measured: no browser at {options.Chromium}, or --pages 0";
            report.Target(new TargetResult("6a. server memory per dashboard page, 1,000 agents", $"≤ {MemoryTargetMiB} MiB", "not measured", null));
            report.Target(new TargetResult("6b. server render time, diff of 1 agent among 1,000", $"≤ {RenderTargetMs} ms", "not measured", null));
            return;
        }
        await using var host = await ChildHost.StartAsync(ChildHost.Settings(Agents, PollInterval));
        await host.WaitForBoardAsync(version: 1, agents: Agents, TimeSpan.FromSeconds(60));
        await host.SetActivityAsync(false);
        await host.PutAgentAsync(BenchAgents.Name(0), BenchAgents.Failed(0, "bench-start"));
        await host.WaitForNextPollAsync(TimeSpan.FromSeconds(30));
        await using var browser = await DashboardBrowser.LaunchAsync(options.Chromium);
        var bytes = new FrameCounter();
        var marker = 0;

        var before = await host.MetricsAsync(gc: true);
        var clock = Stopwatch.StartNew();
        var first = await browser.OpenDashboardAsync(host.BaseAddress, 1600, 1200, page => page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            bytes.Add(frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? "")));
        await host.WaitForCircuitsAsync(1, TimeSpan.FromSeconds(60));
        await ShowsAgentsAsync(first);
        await RendersSettleAsync(host, before.RenderBatches, 1);
        var firstOpened = clock.Elapsed;
        // The first page since start also fills the process's one-off caches (component metadata, MudBlazor's statics,
        // data of JIT-compiled code), which no further page pays again: the cost of a page is measured after it.
        var afterFirst = await host.MetricsAsync(gc: true);
        if (options.GcDump is { } firstDumpPath)
        {
            // Two dumps, so that their difference is what the further pages hold.
            await WriteHeapDumpAsync(host, Path.ChangeExtension(firstDumpPath, ".first-page.gcdump"));
        }
        var loadBytes = bytes.Take();
        await DomMarkerObserver.InstallAsync(first);
        var onePage = await ChangeAsync(host, first, bytes, pages: 1, ChangesWithOnePage, () => ++marker);

        var pages = new List<IPage> { first };
        var rendered = (await host.MetricsAsync()).RenderBatches;
        clock.Restart();
        for (var i = 1; i < options.Pages; i++)
        {
            pages.Add(await browser.OpenDashboardAsync(host.BaseAddress));
        }
        await host.WaitForCircuitsAsync(options.Pages, TimeSpan.FromSeconds(120));
        foreach (var page in pages)
        {
            await ShowsAgentsAsync(page);
        }
        await RendersSettleAsync(host, rendered, options.Pages - 1);
        var othersOpened = clock.Elapsed;
        var after = await host.MetricsAsync(gc: true);
        Console.WriteLine($"{options.Pages} pages with {Agents} agents; heap {Format.MiB(before.GcHeapBytes)} -> {Format.MiB(after.GcHeapBytes)}");
        if (options.GcDump is { } dumpPath)
        {
            await WriteHeapDumpAsync(host, dumpPath);
        }
        bytes.Take();
        var allPages = await ChangeAsync(host, first, bytes, options.Pages, ChangesWithAllPages, () => ++marker);

        // With one page only, that page (with the one-off caches) is all there is to measure.
        var further = Math.Max(1, options.Pages - 1);
        var (heapBase, workingSetBase) = options.Pages < 2 ? (before.GcHeapBytes, before.WorkingSetBytes) : (afterFirst.GcHeapBytes, afterFirst.WorkingSetBytes);
        var heapPerPage = (after.GcHeapBytes - heapBase) / (double)further;
        var workingSetPerPage = (after.WorkingSetBytes - workingSetBase) / (double)further;
        object Renders(RenderSeries series) => new
        {
            pagesOpen = series.Pages,
            changes = series.Changes,
            diffBatchesPerPageAndChange = series.DiffBatchesPerPageAndChange,
            diffBatchMs = series.DiffBatches,
            otherBatchesPerPageAndSecond = series.OtherBatchesPerPageAndSecond,
            otherBatchMs = series.OtherBatches,
            otherRenderMsPerPageAndSecond = series.OtherMsPerPageAndSecond,
            changeToDomOfTheFirstPageMs = series.Dom,
            circuitBytesPerChangeFirstPage = series.BytesPerChange,
        };
        report.Figures = new
        {
            pagesOpen = options.Pages,
            agents = after.Agents,
            pollIntervalMs = PollInterval.TotalMilliseconds,
            chromium = browser.Version,
            openSeconds = new { firstPage = firstOpened.TotalSeconds, otherPages = othersOpened.TotalSeconds },
            managedHeapBytes = new { before = before.GcHeapBytes, firstPageOpen = afterFirst.GcHeapBytes, allOpen = after.GcHeapBytes },
            firstPageWithOneOffCachesBytes = afterFirst.GcHeapBytes - before.GcHeapBytes,
            managedHeapPerPageBytes = heapPerPage,
            managedHeapPerPageFirstIncludedBytes = (after.GcHeapBytes - before.GcHeapBytes) / (double)options.Pages,
            workingSetBytes = new { before = before.WorkingSetBytes, firstPageOpen = afterFirst.WorkingSetBytes, allOpen = after.WorkingSetBytes },
            workingSetPerPageBytes = workingSetPerPage,
            firstPageLoadCircuitBytes = loadBytes,
            renders = new[] { Renders(onePage), Renders(allPages) },
        };

        report.Target(new TargetResult(
            "6a. server memory per dashboard page, 1,000 agents",
            $"≤ {MemoryTargetMiB} MiB per circuit",
            $"{Format.MiB(heapPerPage)} managed heap, {Format.MiB(workingSetPerPage)} working set per page (each of {further} pages after the first)",
            heapPerPage <= MemoryTargetMiB * 1024 * 1024));
        report.Target(new TargetResult(
            "6b. server render time, diff of 1 agent among 1,000",
            $"≤ {RenderTargetMs} ms (median render of a diff, one page open)",
            onePage.DiffBatches.Count == 0 ? "no render batch of a diff recorded"
                : $"one page open: p50 {Format.Ms(onePage.DiffBatches.P50)}, p95 {Format.Ms(onePage.DiffBatches.P95)} per diff render; "
                  + $"{options.Pages} pages open: p50 {Format.Ms(allPages.DiffBatches.P50)}, p95 {Format.Ms(allPages.DiffBatches.P95)}",
            onePage.DiffBatches.Count == 0 ? null : onePage.DiffBatches.P50 <= RenderTargetMs));
    }

    /// <summary>What a page's memory is made of: <c>dotnet-gcdump report FILE</c> lists the types by size.</summary>
    internal static async Task WriteHeapDumpAsync(ChildHost host, string path)
    {
        // A global tool lands in ~/.dotnet/tools, which is often not on PATH.
        var tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        var tool = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append(tools)
            .Select(folder => Path.Combine(folder, "dotnet-gcdump")).FirstOrDefault(File.Exists) ?? "dotnet-gcdump";
        var start = new ProcessStartInfo(tool, ["collect", "-p", host.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", path]);
        try
        {
            using var dump = Process.Start(start)!;
            await dump.WaitForExitAsync();
            Console.WriteLine(dump.ExitCode == 0 ? $"heap dump: {path}" : $"dotnet-gcdump failed with exit code {dump.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"no heap dump: dotnet-gcdump did not start ({e.Message}); dotnet tool install -g dotnet-gcdump");
        }
    }

    /// <summary>Waits (bounded) until the host has rendered at least <paramref name="atLeast"/> more batches, then none for a while.</summary>
    internal static async Task RendersSettleAsync(ChildHost host, long from, int atLeast)
    {
        var clock = Stopwatch.StartNew();
        var last = -1L;
        var quietSince = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var batches = (await host.MetricsAsync()).RenderBatches;
            if (batches != last)
            {
                last = batches;
                quietSince.Restart();
            }
            else if (batches >= from + atLeast && quietSince.Elapsed > TimeSpan.FromMilliseconds(700))
            {
                return;
            }
            await Task.Delay(100);
        }
    }

    private static Task ShowsAgentsAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.body.innerText.includes('bench-')", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

    private static async Task<RenderSeries> ChangeAsync(ChildHost host, IPage page, FrameCounter bytes, int pages, int changes, Func<int> nextMarker)
    {
        await host.MetricsAsync(reset: true);
        bytes.Take();
        var random = new Random(5);
        var sent = new Dictionary<string, DateTimeOffset>();
        var clock = Stopwatch.StartNew();
        var made = 0;
        var domShows = true;
        // Bounded: at most 60 s of changes, however slow the pages render.
        for (; made < changes && clock.Elapsed < TimeSpan.FromSeconds(60); made++)
        {
            var marker = LatencyProbe.Marker(nextMarker());
            var start = await host.MetricsAsync();
            sent[marker] = DateTimeOffset.UtcNow;
            await host.PutAgentAsync(BenchAgents.Name(0), BenchAgents.Failed(0, marker));
            // The poll publishes it, then every page renders it at least once.
            await Eventually.TryUntilAsync(async () => (await host.MetricsAsync()).BoardVersion > start.BoardVersion, TimeSpan.FromSeconds(10), 20);
            await Eventually.TryUntilAsync(async () => (await host.MetricsAsync()).RenderBatches >= start.RenderBatches + pages, TimeSpan.FromSeconds(10), 20);
            if (domShows)
            {
                domShows = await Eventually.TryUntilAsync(async () => (await DomMarkerObserver.SeenAsync(page)).ContainsKey(marker), TimeSpan.FromSeconds(5), 50);
            }
            await Task.Delay(PollInterval * (0.6 + random.NextDouble()));
        }
        var measured = await host.MetricsAsync(samples: true);
        var seconds = clock.Elapsed.TotalSeconds;
        var changeBytes = bytes.Take();
        var dom = await DomMarkerObserver.SeenAsync(page);
        var batches = measured.Samples.GetValueOrDefault(MeterRecorder.RenderBatchSeries) ?? [];
        var diffBatches = batches.Where(b => b.Size >= 2).ToList();
        var otherBatches = batches.Where(b => b.Size < 2).ToList();
        var series = new RenderSeries(
            pages,
            made,
            seconds,
            Distribution.Of(diffBatches.Select(b => b.Value)),
            Distribution.Of(otherBatches.Select(b => b.Value)),
            otherBatches.Sum(b => b.Value),
            Distribution.Of(sent.Where(s => dom.ContainsKey(s.Key)).Select(s => dom[s.Key] - (s.Value - DateTimeOffset.UnixEpoch).TotalMilliseconds)),
            changeBytes / Math.Max(1, made));
        Console.WriteLine($"{pages} pages, {made} changes: {series.DiffBatches.Count} diff batches p50 {series.DiffBatches.P50:0.0} ms p95 {series.DiffBatches.P95:0.0} ms; {series.OtherBatches.Count} other batches");
        return series;
    }
}
