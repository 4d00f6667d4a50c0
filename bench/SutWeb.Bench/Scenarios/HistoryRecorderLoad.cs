using System.Globalization;
using System.Text.Json.Nodes;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Parsing;
using SutWeb.Bench.Reporting;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 13's first bench row: one source of 10,000 agents polled every second, about 1 % of them at another point of
/// their runs on each poll (a run finishes or a new one starts: each a row and an event for history). The host runs in
/// a process of its own with <c>History:Provider</c> None, Sqlite or Postgres; over a window it reports the poller's
/// <c>sutweb.poll.duration</c>, the recorder's <c>sutweb.history.write.lag</c> and its own CPU time.
/// </summary>
public static class HistoryRecorderLoad
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const double ChangedPerPoll = 0.01;
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromMinutes(3);

    /// <param name="history">The host's history settings (<c>History:Provider</c> and what it needs).</param>
    public static async Task<HistoryRecorderWindow> MeasureAsync(string provider, IReadOnlyDictionary<string, string> history,
        int agents, TimeSpan warmup, TimeSpan window)
    {
        await using var servers = await SourceServers.StartAsync(1);
        var generator = new WirePayloadGenerator(7);
        var answer = generator.Agents(agents);
        servers.Servers[0].AnswerStatus(WirePayloadGenerator.Serialize(answer));
        var settings = servers.HostSettings(PollInterval, TimeSpan.FromSeconds(15));
        foreach (var (key, value) in history)
        {
            settings[key] = value;
        }
        await using var host = await ChildHost.StartAsync(settings);
        await host.WaitForBoardAsync(version: 1, agents: agents, TimeSpan.FromSeconds(120));

        using var stop = new CancellationTokenSource();
        var changer = ChangeAsync(servers.Servers[0], generator, answer, stop.Token);
        try
        {
            // Untimed: the host's start and the recorder's first write of the whole board (every agent connected, every
            // run), until it keeps up: 5 s in a row with every write's lag under two polls and at most two polls of
            // changes pending. The whole board is one write in the queue, so the queue's length alone does not say it.
            var catchUp = System.Diagnostics.Stopwatch.StartNew();
            var calm = 0;
            while (history["History:Provider"] != "None" && calm < 5 && catchUp.Elapsed < MaxCatchUp)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var now = await host.MetricsAsync(reset: true, samples: true);
                var lags = Series(now, MeterRecorder.HistoryWriteLag).ToList();
                var behind = now.HistoryPendingWrites > agents * ChangedPerPoll * 2 || lags.Count == 0 || lags.Max() > PollInterval.TotalMilliseconds * 2;
                calm = behind ? 0 : calm + 1;
            }
            var caughtUp = calm >= 5 ? catchUp.Elapsed.TotalSeconds - 5 : double.NaN;
            await Task.Delay(warmup);
            var start = await host.MetricsAsync(reset: true);
            var startPolls = servers.StatusRequests;
            await Task.Delay(window);
            var end = await host.MetricsAsync(samples: true);
            var measured = new HistoryRecorderWindow(provider, (end.AtUnixMs - start.AtUnixMs) / 1000, servers.StatusRequests - startPolls,
                Distribution.Of(Series(end, MeterRecorder.PollTotal)), Distribution.Of(Series(end, MeterRecorder.HistoryWriteLag)), end.CpuMs - start.CpuMs,
                caughtUp);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"history {provider}, {agents} agents: {measured.Polls} polls, poll p50 {measured.PollMs.P50:0.0} ms p95 {measured.PollMs.P95:0.0} ms; "
                + $"write lag p50 {measured.WriteLagMs.P50:0} ms p95 {measured.WriteLagMs.P95:0} ms ({measured.WriteLagMs.Count} writes); host CPU {measured.CpuPercent:0} %; keeping up {measured.CatchUpSeconds:0} s after the board was first on it (NaN: not within {MaxCatchUp.TotalMinutes:0} min)"));
            return measured;
        }
        finally
        {
            await stop.CancelAsync();
            await changer;
        }
    }

    private static IEnumerable<double> Series(HostMetrics metrics, string name) =>
        metrics.Samples.GetValueOrDefault(name)?.Select(s => s.Value) ?? [];

    private static async Task ChangeAsync(ScriptedEggplantServer server, WirePayloadGenerator generator, List<JsonObject> agents, CancellationToken cancellationToken)
    {
        try
        {
            // Half a poll out of phase with the poller, so that each poll sees one round of changes.
            await Task.Delay(PollInterval / 2, cancellationToken);
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                agents = generator.NextRuns(agents, ChangedPerPoll);
                server.AnswerStatus(WirePayloadGenerator.Serialize(agents));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
