using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 12's bench rows (several sources, adaptive polling): status requests per hour idle and busy, fixed and
/// adaptive (<see cref="RequestsPerHour"/>); change to hub client while runs are under way at the default 2 s / 15 s
/// (<see cref="LatencyScenario"/>); time to see a run start on an idle board (<see cref="IdleRunStart"/>); the cost of
/// ten sources of 1,000 agents (<see cref="ManySources"/>). The run-start trials spend most of their time waiting for
/// quiet boards, so they run beside the first and last rows; the latency row runs alone, as its times are the finest.
/// </summary>
public static class SourcesScenario
{
    public const string Name = "sources";
    private const int RunStartSources = 10;
    private const int RunStartRounds = 2;
    private const int ManySourcesCount = 10;
    private const int AgentsPerSource = 1_000;
    private static readonly int[] ManySourcesHubClients = [10, 100];
    private static readonly TimeSpan ManySourcesWindow = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan HubMarginTarget = TimeSpan.FromMilliseconds(150);

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        var runStart = IdleRunStart.MeasureAsync(RunStartSources, RunStartRounds);
        var rates = new List<PollRateResult>();
        foreach (var (adaptive, busy) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            rates.Add(await RequestsPerHour.MeasureAsync(adaptive, busy));
        }
        var inProcess = ManySources.MeasureInProcess(ManySourcesCount, AgentsPerSource, rounds: 50);
        Console.WriteLine($"{ManySourcesCount} sources × {AgentsPerSource} agents in process, per poll of one source: map {inProcess.MapMs:0.00} ms, {Format.KiB(inProcess.MapAllocatedBytes)}; "
            + $"diff and merge {inProcess.PublishMs:0.00} ms, {Format.KiB(inProcess.PublishAllocatedBytes)}");
        var many = await ManySources.MeasureAsync(ManySourcesCount, AgentsPerSource, ManySourcesHubClients, ManySourcesWindow);
        var trials = await runStart;
        var latency = await LatencyScenario.MeasureAsync(RequestsPerHour.Active, options.Changes, browser: null, runUnderWay: true);

        var fixedIdle = rates.Single(r => !r.Adaptive && !r.Busy);
        var adaptiveIdle = rates.Single(r => r.Adaptive && !r.Busy);
        var fixedBusy = rates.Single(r => !r.Adaptive && r.Busy);
        var adaptiveBusy = rates.Single(r => r.Adaptive && r.Busy);
        var ratio = adaptiveIdle.PerHour / fixedIdle.PerHour;
        report.Target(new TargetResult(
            "12.1 status requests per hour, one source, 100 agents",
            "idle with adaptive polling ≤ 1/5 of fixed 2 s polling",
            $"idle: {fixedIdle.PerHour:0} fixed, {adaptiveIdle.PerHour:0} adaptive ({ratio:P1}); busy: {fixedBusy.PerHour:0} fixed, {adaptiveBusy.PerHour:0} adaptive",
            ratio <= 0.2));

        var latencyGoal = latency.Interval.TotalMilliseconds + HubMarginTarget.TotalMilliseconds;
        report.Target(new TargetResult(
            "12.2 change → hub client while a run is under way, adaptive 2 s / 15 s",
            $"p95 ≤ {latencyGoal:0} ms",
            $"p50 {Format.Ms(latency.Hub.P50)}, p95 {Format.Ms(latency.Hub.P95)}, max {Format.Ms(latency.Hub.Max)} ({latency.Hub.Count} changes; interval in force {latency.PaceMs:0} ms)",
            latency.Hub.Count >= latency.Changes && latency.PaceMs == latency.Interval.TotalMilliseconds && latency.Hub.P95 <= latencyGoal));

        var toHub = Distribution.Of(trials.Select(t => t.ToHubClientMs));
        var runStartGoal = IdleRunStart.Idle.TotalMilliseconds + HubMarginTarget.TotalMilliseconds;
        report.Target(new TargetResult(
            "12.3 run start on an idle board → hub client",
            $"max ≤ IdlePollInterval ({IdleRunStart.Idle.TotalSeconds:0} s) + {HubMarginTarget.TotalMilliseconds:0} ms",
            $"min {Format.Ms(toHub.Min)}, median {Format.Ms(toHub.P50)}, max {Format.Ms(toHub.Max)} ({toHub.Count} runs started at random moments)",
            toHub.Count == RunStartSources * RunStartRounds && toHub.Max <= runStartGoal));

        var quiet = many[0];
        var expectedPolls = ManySourcesCount * quiet.Seconds / ManySources.PollInterval.TotalSeconds;
        var busiest = many[^1];
        report.Target(new TargetResult(
            $"12.4 {ManySourcesCount} sources × {AgentsPerSource:N0} agents on one board",
            $"every source polled every {ManySources.PollInterval.TotalSeconds:0} s; cost per poll measured",
            $"{Format.Number(quiet.CpuMsPerPoll, "0.0")} ms CPU and {Format.KiB(quiet.AllocatedBytesPerPoll)} allocated per poll of one source "
                + $"(of which map {Format.Number(inProcess.MapMs, "0.00")} ms, diff and merge into the board {Format.Number(inProcess.PublishMs, "0.00")} ms); "
                + $"with {busiest.HubClients} hub clients {Format.Number(busiest.CpuMsPerBoardUpdate, "0.0")} ms CPU per board update "
                + $"(no client: {Format.Number(quiet.CpuMsPerBoardUpdate, "0.0")} ms); host CPU {Format.Percent(quiet.CpuPercent)} → {Format.Percent(busiest.CpuPercent)} of one core",
            many.All(w => w.Polls >= expectedPolls * 0.9 && w.HubDropped == 0 && w.Gaps == 0)));

        report.Figures = new
        {
            requestsPerHour = new
            {
                agents = RequestsPerHour.Agents,
                method = "real host and simulator in the bench process on a fake clock, stepped 1 s at a time: 2 min to settle, then 1 simulated hour",
                cases = rates.Select(r => new
                {
                    polling = r.Adaptive ? $"adaptive {RequestsPerHour.Active.TotalSeconds:0} s / {RequestsPerHour.Idle.TotalSeconds:0} s" : $"fixed {RequestsPerHour.Active.TotalSeconds:0} s",
                    board = r.Busy ? "busy (simulator activity)" : "idle (no agent runs, nothing changes)",
                    statusRequestsPerHour = r.PerHour,
                    statusRequests = r.StatusRequests,
                    simulatedSeconds = r.SimulatedSeconds,
                    polls = r.Polls,
                    pollsAtActivePace = r.PollsAtActivePace,
                    latePolls = r.LatePolls,
                }).ToList(),
                idleAdaptiveOverFixed = ratio,
            },
            changeToHubClientWhileRunning = new
            {
                agents = 100,
                pollIntervalMs = latency.Interval.TotalMilliseconds,
                idlePollIntervalMs = RequestsPerHour.Idle.TotalMilliseconds,
                pollIntervalInForceMs = latency.PaceMs,
                changes = latency.Changes,
                changeToHubClientMs = latency.Hub,
                changeToHubClientGoalP95Ms = latencyGoal,
                changeToPollPublishedMs = latency.UntilPoll,
                publishToHubClientMs = latency.PublishToClient,
                pollHttpRequestMs = latency.PollHttp,
            },
            runStartOnIdleBoard = new
            {
                sources = RunStartSources,
                rounds = RunStartRounds,
                agentsPerSource = 10,
                pollIntervalMs = IdleRunStart.Active.TotalMilliseconds,
                idlePollIntervalMs = IdleRunStart.Idle.TotalMilliseconds,
                runStartToHubClientMs = toHub,
                runStartToPollPublishedMs = Distribution.Of(trials.Select(t => t.ToPollMs)),
                goalMaxMs = runStartGoal,
            },
            manySources = new
            {
                sources = ManySourcesCount,
                agentsPerSource = AgentsPerSource,
                changedPerPollPercent = 1,
                pollIntervalMs = ManySources.PollInterval.TotalMilliseconds,
                inProcessPerPoll = new
                {
                    mapCpuMs = inProcess.MapMs,
                    mapAllocatedBytes = inProcess.MapAllocatedBytes,
                    diffAndMergeCpuMs = inProcess.PublishMs,
                    diffAndMergeAllocatedBytes = inProcess.PublishAllocatedBytes,
                },
                windows = many.Select(w => new
                {
                    hubClients = w.HubClients,
                    windowSeconds = w.Seconds,
                    polls = w.Polls,
                    boardUpdates = w.BoardUpdates,
                    hubDiffsPerClient = w.HubDiffsPerClient,
                    hostCpuPercentOfOneCore = w.CpuPercent,
                    hostCpuMsPerPoll = w.CpuMsPerPoll,
                    hostAllocatedBytesPerPoll = w.AllocatedBytesPerPoll,
                    hostCpuMsPerBoardUpdate = w.CpuMsPerBoardUpdate,
                    hostAllocatedBytesPerBoardUpdate = w.AllocatedBytesPerBoardUpdate,
                    pollHttpRequestMs = w.PollHttpMs,
                    hubDropped = w.HubDropped,
                    versionGaps = w.Gaps,
                }).ToList(),
            },
        };
    }
}
