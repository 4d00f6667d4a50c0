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

    /// <summary>Delivery times in milliseconds (p50, p95, p99, max), memory in bytes.</summary>
    public object Figures(TimeSpan pollInterval, int agents) => new
    {
        agents,
        pollIntervalMs = pollInterval.TotalMilliseconds,
        hubClients = Clients,
        windowSeconds = Window.Seconds,
        diffsPublished = Diffs,
        deliveries = Latency.Count,
        diffsMissed = Missing,
        versionGaps = Gaps,
        droppedByHubQueues = Dropped,
        publishToClientMs = Latency,
        publishToFirstClientMs = FirstClient,
        publishToLastClientMs = LastClient,
        publishToSubscriberInHostMs = InHost,
        hostCpuPercentOfOneCore = Window.CpuPercent,
        workingSetBytes = new { idle = Idle.WorkingSetBytes, connected = Connected.WorkingSetBytes },
        managedHeapBytes = new { idle = Idle.GcHeapBytes, connected = Connected.GcHeapBytes },
        managedHeapPerClientBytes = (Connected.GcHeapBytes - Idle.GcHeapBytes) / (double)Clients,
        collectionsInWindow = new
        {
            gen0 = Window.End.Gen0Collections - Window.Start.Gen0Collections,
            gen1 = Window.End.Gen1Collections - Window.Start.Gen1Collections,
            gen2 = Window.End.Gen2Collections - Window.Start.Gen2Collections,
        },
    };
}
