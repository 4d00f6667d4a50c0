using System.Diagnostics;
using System.Globalization;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Target 5: 500 hub clients in this process; every client must receive every diff (versions checked), and soon after
/// the poll's publish. Poll and simulator activity every 250 ms, so that the window holds about a hundred diffs.
/// </summary>
public static class FanoutScenario
{
    public const string Name = "fanout";
    private const double P99TargetMs = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        var clientCount = options.HubClients.Max();
        var settings = ChildHost.Settings(options.Agents, PollInterval);
        settings["Simulator:ActivityInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture);
        await using var host = await ChildHost.StartAsync(settings);
        await host.WaitForBoardAsync(version: 2, agents: 1, TimeSpan.FromSeconds(60));
        var idle = await host.MetricsAsync(gc: true);
        var clients = new List<FanoutClient>();
        try
        {
            var clock = Stopwatch.StartNew();
            await ConnectAsync(host.BaseAddress, clients, clientCount);
            Console.WriteLine($"{clientCount} hub clients connected in {clock.Elapsed.TotalSeconds:0.0} s");
            var connected = await host.MetricsAsync(gc: true);
            var window = await MeasuredWindow.MeasureAsync(host, Window);
            var fanout = await FanoutResult.AnalyseAsync(host, clients, window, idle, connected);
            Console.WriteLine($"fan-out: {fanout.Diffs} diffs, {fanout.Missing} missed, p50 {fanout.Latency.P50:0} p99 {fanout.Latency.P99:0} ms");
            report.Target(new TargetResult(
                $"5. fan-out to {fanout.Clients} hub clients",
                $"every diff to every client, no gap; p99 ≤ {P99TargetMs:0} ms after the publish",
                $"{fanout.Missing} of {fanout.Clients * fanout.Diffs} missed, {fanout.Gaps} gaps; p50 {Format.Ms(fanout.Latency.P50)}, p99 {Format.Ms(fanout.Latency.P99)}; "
                    + $"host CPU {Format.Percent(fanout.Window.CpuPercent)} of one core, working set {Format.MiB(connected.WorkingSetBytes)}",
                fanout.Diffs > 0 && fanout.Missing == 0 && fanout.Gaps == 0 && fanout.Latency.P99 <= P99TargetMs));
            report.Figures = fanout.Figures(PollInterval, options.Agents);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <param name="resync">False: clients that take no snapshot (see <see cref="FanoutClient"/>).</param>
    public static async Task ConnectAsync(Uri baseAddress, List<FanoutClient> clients, int total, bool resync = true)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var gate = new SemaphoreSlim(20);
        var connecting = Enumerable.Range(0, Math.Max(0, total - clients.Count)).Select(async _ =>
        {
            await gate.WaitAsync(timeout.Token);
            try
            {
                return await FanoutClient.ConnectAsync(baseAddress, timeout.Token, resync);
            }
            finally
            {
                gate.Release();
            }
        });
        clients.AddRange(await Task.WhenAll(connecting));
    }
}
