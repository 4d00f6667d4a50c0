using SutWeb.Tests.TestSupport;
using System.Diagnostics;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>Target 5: what every one of N hub clients received of the diffs published during one window.</summary>
public sealed record FanoutResult(
    int Clients,
    MeasuredWindow Window,
    long Diffs,
    long Missing,
    int Gaps,
    long Dropped,
    Distribution Latency,
    Distribution FirstClient,
    Distribution LastClient,
    Distribution InHost,
    HostMetrics Idle,
    HostMetrics Connected)
{
    public static async Task<FanoutResult> AnalyseAsync(ChildHost host, IReadOnlyList<FanoutClient> clients, MeasuredWindow window, HostMetrics idle, HostMetrics connected)
    {
        var first = window.Start.BoardVersion;
        var last = window.End.BoardVersion;
        // Let the last diffs of the window arrive everywhere (bounded wait).
        await Eventually.TryUntilAsync(() => clients.All(c => c.Version >= last), TimeSpan.FromSeconds(15), 50);
        long missing = 0;
        var all = new List<Delivery>();
        foreach (var client in clients)
        {
            var inWindow = client.Deliveries().Where(d => d.ToVersion > first && d.ToVersion <= last).ToList();
            missing += (last - first) - inWindow.Select(d => d.ToVersion).Distinct().Count();
            all.AddRange(inWindow);
        }
        var byDiff = all.GroupBy(d => d.ToVersion).ToList();
        var inHost = window.End.Samples.GetValueOrDefault(MeterRecorder.BoardSubscriber) ?? [];
        var after = await host.MetricsAsync();
        return new FanoutResult(
            clients.Count, window, last - first, missing, clients.Sum(c => c.Gaps), after.HubDropped,
            Distribution.Of(all.Select(d => d.LatencyMs)),
            Distribution.Of(byDiff.Select(g => g.Min(d => d.LatencyMs))),
            Distribution.Of(byDiff.Select(g => g.Max(d => d.LatencyMs))),
            Distribution.Of(inHost.Select(s => s.Value)),
            idle, connected);
    }

    public string Markdown(double targetMs, TimeSpan pollInterval, int agents)
    {
        string Row(Distribution d) => $"{Format.Ms(d.P50)} / {Format.Ms(d.P95)} / {Format.Ms(d.P99)} / {Format.Ms(d.Max)}";
        var table = new MarkdownTable("figure", "value")
            .Row("hub clients (WebSockets, JSON protocol, one process)", Clients)
            .Row("diffs published in the window", Diffs)
            .Row("deliveries measured", Latency.Count)
            .Row("diffs missed by some client (of clients × diffs)", $"{Missing} of {Clients * Diffs}")
            .Row("version gaps seen by clients (since they connected)", Gaps)
            .Row("messages dropped by the hub's per-client queues", Dropped)
            .Row("**publish → client, every delivery**: p50 / p95 / p99 / max", Row(Latency))
            .Row("publish → first client of each diff: p50 / p95 / p99 / max", Row(FirstClient))
            .Row("publish → last client of each diff: p50 / p95 / p99 / max", Row(LastClient))
            .Row("publish → a board subscriber inside the host: p50 / p95 / p99 / max", Row(InHost))
            .Row("host CPU in the window (process CPU time / wall)", Format.Percent(Window.CpuPercent) + " of one core")
            .Row("host working set: idle → clients connected", $"{Format.MiB(Idle.WorkingSetBytes)} → {Format.MiB(Connected.WorkingSetBytes)}")
            .Row("managed heap after a full collection: idle → connected", $"{Format.MiB(Idle.GcHeapBytes)} → {Format.MiB(Connected.GcHeapBytes)}")
            .Row("managed heap per hub client", Format.KiB((Connected.GcHeapBytes - Idle.GcHeapBytes) / (double)Clients))
            .Row("gen 0 / 1 / 2 collections in the host in the window",
                $"{Window.End.Gen0Collections - Window.Start.Gen0Collections} / {Window.End.Gen1Collections - Window.Start.Gen1Collections} / {Window.End.Gen2Collections - Window.Start.Gen2Collections}");
        return $"""
            ### Fan-out to {Clients} hub clients (target 5)

            Host with {agents} agents, poll interval {pollInterval.TotalMilliseconds:0} ms and the simulator's activity ticking every
            {pollInterval.TotalMilliseconds:0} ms, so that a window of {Window.Seconds:0} s holds about a hundred diffs (a p99 over
            a dozen diffs would be decided by a single one). Delivery time is the client's receipt (`DateTimeOffset.UtcNow` in
            its `Diff` handler) minus the diff's `observedAt`, which the poller stamps just before it publishes the poll to the
            board; both clocks are this machine's. The clients run in the driver process, on the same 2 cores as the host, so
            their own JSON parsing is part of the figure. "A board subscriber inside the host" is a reader the bench host adds
            to the board, as the hub broadcaster and every circuit are: when it too is late, the host process as a whole was
            held up (by other work on the machine), not the fan-out. Target: every diff to every client, no gap, p99 ≤ {targetMs:0} ms.

            {table}
            """;
    }
}
