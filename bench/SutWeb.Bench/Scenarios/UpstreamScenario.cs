using System.Diagnostics;
using System.Net;
using SutWeb.Bench.Browser;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Target 1. One host (simulator with random activity, poll interval 1 s). Upstream status requests per minute with no
/// viewer, then 1, 50 and 500 hub clients, then N Chromium pages; then the usual alternative in the same run: N scripted
/// viewers each polling the server themselves.
/// </summary>
public static class UpstreamScenario
{
    public const string Name = "upstream";
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        await using var host = await ChildHost.StartAsync(ChildHost.Settings(options.Agents, PollInterval));
        await host.WaitForBoardAsync(version: 2, agents: 1, TimeSpan.FromSeconds(60));
        var idle = await host.MetricsAsync(gc: true);

        var hubRows = new List<(string Viewers, int Count, MeasuredWindow Window, HostMetrics Memory)>();
        var clients = new List<FanoutClient>();
        try
        {
            var none = await MeasuredWindow.MeasureAsync(host, options.Window);
            hubRows.Add(("no viewer", 0, none, idle));
            foreach (var n in options.HubClients.Order())
            {
                var connectClock = Stopwatch.StartNew();
                await FanoutScenario.ConnectAsync(host.BaseAddress, clients, n);
                Console.WriteLine($"{n} hub clients connected in {connectClock.Elapsed.TotalSeconds:0.0} s");
                var memory = await host.MetricsAsync(gc: true);
                var window = await MeasuredWindow.MeasureAsync(host, options.Window);
                hubRows.Add(($"{n} hub client{(n == 1 ? "" : "s")}", n, window, memory));
                Console.WriteLine($"{n} hub clients: {window.RequestsPerMinute:0.0} status requests/min, CPU {window.CpuPercent:0} %");
            }
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }

        object browserPages;
        if (options.Browsers > 0 && options.BrowserAvailable)
        {
            var (row, pages) = await BrowsersAsync(host, options);
            hubRows.Add(row);
            browserPages = pages;
        }
        else
        {
            browserPages = options.BrowserAvailable ? "skipped (--browsers 0)" : $"skipped, no browser at {options.Chromium}";
        }

        var pollRows = new List<(int Count, MeasuredWindow Window, PollCounters Counters)>();
        foreach (var n in options.HubClients.Order())
        {
            pollRows.Add(await PollingViewersAsync(host, n, options.Window));
        }

        Report(options, report, hubRows, pollRows, idle, browserPages);
    }

    private static async Task<((string, int, MeasuredWindow, HostMetrics), object)> BrowsersAsync(ChildHost host, BenchOptions options)
    {
        await using var browser = await DashboardBrowser.LaunchAsync(options.Chromium);
        var before = await host.MetricsAsync(gc: true);
        var clock = Stopwatch.StartNew();
        // Four at a time: the pages load in parallel as real viewers' would, without starving the host of CPU.
        using (var gate = new SemaphoreSlim(4))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Browsers).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    await browser.OpenDashboardAsync(host.BaseAddress);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await host.WaitForCircuitsAsync(options.Browsers, TimeSpan.FromSeconds(60));
        Console.WriteLine($"{options.Browsers} dashboard pages open in {clock.Elapsed.TotalSeconds:0.0} s");
        var memory = await host.MetricsAsync(gc: true);
        var window = await MeasuredWindow.MeasureAsync(host, options.Window);
        Console.WriteLine($"{options.Browsers} pages: {window.RequestsPerMinute:0.0} status requests/min, CPU {window.CpuPercent:0} %");
        await browser.CloseAllPagesAsync();
        var perPage = (memory.GcHeapBytes - before.GcHeapBytes) / (double)options.Browsers;
        var pages = new { pages = options.Browsers, chromium = browser.Version, agents = options.Agents, managedHeapPerPageBytes = perPage };
        return (($"{options.Browsers} browser pages", options.Browsers, window, memory), pages);
    }

    private static async Task<(int, MeasuredWindow, PollCounters)> PollingViewersAsync(ChildHost host, int viewers, TimeSpan window)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var tokens = new string[viewers];
        for (var i = 0; i < viewers; i++)
        {
            tokens[i] = await PollingViewer.SignInAsync(http, $"viewer-{i}", "simulator");
        }
        var counters = new PollCounters();
        using var stop = new CancellationTokenSource();
        var random = new Random(7);
        var pollers = tokens.Select(token => PollingViewer.RunAsync(http, token, PollInterval, PollInterval * random.NextDouble(), counters, stop.Token)).ToArray();
        try
        {
            // Every viewer has started polling before the window opens.
            await Task.Delay(PollInterval * 1.5);
            var measured = await MeasuredWindow.MeasureAsync(host, window);
            Console.WriteLine($"{viewers} polling viewers: {measured.RequestsPerMinute:0.0} status requests/min ({measured.PollerRequests} of them SutWeb's), CPU {measured.CpuPercent:0} %");
            return (viewers, measured, counters);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(pollers);
        }
    }

    private static void Report(
        BenchOptions options,
        BenchReport report,
        List<(string Viewers, int Count, MeasuredWindow Window, HostMetrics Memory)> hubRows,
        List<(int Count, MeasuredWindow Window, PollCounters Counters)> pollRows,
        HostMetrics idle,
        object browserPages)
    {
        var wanted = 60 / PollInterval.TotalSeconds;
        var viewers = hubRows.Select(r => new
        {
            viewers = r.Viewers,
            statusRequestsInWindow = r.Window.StatusRequests,
            windowSeconds = r.Window.Seconds,
            statusRequestsPerMinute = r.Window.RequestsPerMinute,
            hostCpuPercentOfOneCore = r.Window.CpuPercent,
            workingSetBytes = r.Memory.WorkingSetBytes,
            managedHeapBytes = r.Memory.GcHeapBytes,
        });
        var alternative = pollRows.Select(p =>
        {
            var sutweb = hubRows.FirstOrDefault(r => r.Count == p.Count && r.Viewers.Contains("hub", StringComparison.Ordinal));
            // The alternative has no SutWeb poller: take its own requests out of the count.
            return new
            {
                viewers = p.Count,
                sutwebRequestsPerMinute = sutweb.Window?.RequestsPerMinute ?? double.NaN,
                viewersPollingWantedPerMinute = p.Count * wanted,
                viewersPollingAchievedPerMinute = p.Window.OthersPerMinute,
                hostCpuPercentWithSutWeb = sutweb.Window?.CpuPercent ?? double.NaN,
                hostCpuPercentWhenViewersPoll = p.Window.CpuPercent,
                failedPolls = p.Counters.FailedCount,
            };
        });
        report.Figures = new
        {
            agents = options.Agents,
            pollIntervalMs = PollInterval.TotalMilliseconds,
            idleHost = new { workingSetBytes = idle.WorkingSetBytes, managedHeapBytes = idle.GcHeapBytes },
            viewers,
            browserPages,
            alternative,
        };

        var hubRates = hubRows.Select(r => r.Window.RequestsPerMinute).ToList();
        // Within 2 %: the rate is timed from the requests themselves, so only a real extra or missing poll moves it more.
        var flat = hubRates.All(r => Math.Abs(r - wanted) <= wanted * 0.02);
        var largest = pollRows.LastOrDefault();
        report.Target(new TargetResult(
            "1. upstream load independent of viewers",
            $"{wanted:0} status requests / min with 0, {string.Join(", ", options.HubClients)} hub clients{(hubRows.Count > options.HubClients.Length + 1 ? $" and {options.Browsers} browser pages" : "")}",
            string.Join(", ", hubRows.Select(r => $"{r.Viewers}: {r.Window.RequestsPerMinute:0.0}"))
                + (largest.Window is null ? "" : $"; viewers polling themselves: {largest.Count} of them make × {largest.Window.OthersPerMinute / wanted:0} the requests"),
            flat));
    }
}
