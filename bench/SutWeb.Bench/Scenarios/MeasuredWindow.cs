using SutWeb.Simulator;
using SutWeb.Bench.Hosting;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// A stretch of time over which the host's upstream requests, CPU and memory are measured. Status requests are counted
/// by the simulator's counter (<c>GET /simulator/control/stats</c>); their rate comes from the times the host served
/// them (its <c>http.server.request.duration</c> samples): requests after the first over the time from the first to the
/// last, so that the edges of the window do not round a count of 10 into 9 or 11.
/// </summary>
public sealed record MeasuredWindow(HostMetrics Start, HostMetrics End, SimulatorStats StartCounts, SimulatorStats EndCounts, double RequestsPerMinute)
{
    public double Seconds => (End.AtUnixMs - Start.AtUnixMs) / 1000;

    /// <summary>Status requests in the window by the simulator's counter.</summary>
    public long StatusRequests => EndCounts.StatusRequests - StartCounts.StatusRequests;

    /// <summary>Polls made by SutWeb's own poller in the window.</summary>
    public long PollerRequests => End.CompletedPolls - Start.CompletedPolls;

    /// <summary>Status requests per minute that were not SutWeb's own polls (the viewers polling themselves).</summary>
    public double OthersPerMinute => RequestsPerMinute * (StatusRequests - PollerRequests) / Math.Max(1, StatusRequests);

    /// <summary>Host CPU time over wall time, in percent of one core.</summary>
    public double CpuPercent => (End.CpuMs - Start.CpuMs) / (End.AtUnixMs - Start.AtUnixMs) * 100;

    public static async Task<MeasuredWindow> MeasureAsync(ChildHost host, TimeSpan length)
    {
        var start = await host.MetricsAsync(reset: true);
        var startCounts = await host.StatsAsync();
        await Task.Delay(length);
        var endCounts = await host.StatsAsync();
        var end = await host.MetricsAsync(samples: true);
        var served = (end.Samples.GetValueOrDefault(MeterRecorder.SimulatorStatus) ?? []).Select(s => s.AtUnixMs).Order().ToList();
        var perMinute = served.Count >= 3 && served[^1] > served[0]
            ? (served.Count - 1) / (served[^1] - served[0]) * 60_000
            : (endCounts.StatusRequests - startCounts.StatusRequests) / (end.AtUnixMs - start.AtUnixMs) * 60_000;
        return new MeasuredWindow(start, end, startCounts, endCounts, perMinute);
    }
}
