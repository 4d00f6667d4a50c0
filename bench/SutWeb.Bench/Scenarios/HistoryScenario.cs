using System.Globalization;
using SutWeb.Bench.Reporting;
using SutWeb.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 13's bench rows, on SQLite and on PostgreSQL (a throwaway cluster, as the tests start; skipped and said so
/// without one): the recorder at 10,000 agents with 1 % changing per 1 s poll (<see cref="HistoryRecorderLoad"/>: write
/// lag, and the poll's time against a host with no history), and pages over 1,000,000 stored runs
/// (<see cref="HistoryQueryLoad"/>: p95 per page, database size per million runs).
/// </summary>
public static class HistoryScenario
{
    public const string Name = "history";
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(10);
    private const double PollNoise = 1.2;

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        await using var postgres = new ThrowawayPostgres();
        await postgres.InitializeAsync();
        if (postgres.Unavailable is { } why)
        {
            Console.WriteLine($"PostgreSQL rows skipped: {why}");
        }
        var folder = Directory.CreateTempSubdirectory("sutweb-bench-history-").FullName;
        try
        {
            var window = TimeSpan.FromSeconds(Math.Max(options.Window.TotalSeconds, 30));
            var recorder = new List<HistoryRecorderWindow>
            {
                await HistoryRecorderLoad.MeasureAsync("None", new Dictionary<string, string> { ["History:Provider"] = "None" }, options.HistoryAgents, Warmup, window),
                await HistoryRecorderLoad.MeasureAsync("Sqlite", new Dictionary<string, string>
                {
                    ["History:Provider"] = "Sqlite",
                    ["History:DataDirectory"] = Path.Combine(folder, "recorder"),
                }, options.HistoryAgents, Warmup, window),
            };
            if (postgres.Unavailable is null)
            {
                recorder.Add(await HistoryRecorderLoad.MeasureAsync("Postgres", new Dictionary<string, string>
                {
                    ["History:Provider"] = "Postgres",
                    ["ConnectionStrings:History"] = await postgres.CreateDatabaseAsync("recorder"),
                }, options.HistoryAgents, Warmup, window));
            }

            var queries = new List<HistoryQueryResult>
            {
                await HistoryQueryLoad.MeasureAsync("Sqlite", new Dictionary<string, string?>
                {
                    ["History:Provider"] = "Sqlite",
                    ["History:DataDirectory"] = Path.Combine(folder, "queries"),
                },
                    options.HistoryRuns, options.HistoryQueries),
            };
            if (postgres.Unavailable is null)
            {
                queries.Add(await HistoryQueryLoad.MeasureAsync("Postgres",
                    new Dictionary<string, string?>
                    {
                        ["History:Provider"] = "Postgres",
                        ["ConnectionStrings:History"] = await postgres.CreateDatabaseAsync("queries"),
                    },
                    options.HistoryRuns, options.HistoryQueries));
            }
            Judge(report, recorder, queries, options, postgres.Unavailable);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Judge(BenchReport report, List<HistoryRecorderWindow> recorder, List<HistoryQueryResult> queries, BenchOptions options, string? postgresMissing)
    {
        var interval = HistoryRecorderLoad.PollInterval.TotalMilliseconds;
        var none = recorder[0];
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            var measured = recorder.SingleOrDefault(w => w.Provider == provider);
            var query = queries.SingleOrDefault(q => q.Provider == provider);
            if (measured is null || query is null)
            {
                report.Target(new TargetResult($"13 history on {provider}", "measured", $"not measured: {postgresMissing}", null));
                continue;
            }
            report.Target(new TargetResult(
                $"13.1 recorder write lag, {options.HistoryAgents:N0} agents, 1 % changing per 1 s poll, {provider}",
                $"p95 ≤ one poll interval ({interval:0} ms)",
                $"p50 {Format.Ms(measured.WriteLagMs.P50)}, p95 {Format.Ms(measured.WriteLagMs.P95)}, max {Format.Ms(measured.WriteLagMs.Max)} ({measured.WriteLagMs.Count:N0} writes in {measured.Seconds:0} s)",
                measured.WriteLagMs.Count > 0 && measured.WriteLagMs.P95 <= interval));
            report.Target(new TargetResult(
                $"13.2 poller's time per poll with history, {provider}",
                $"unchanged within noise (median ≤ {PollNoise:0.0} × without history + 1 ms)",
                $"median {Format.Ms(measured.PollMs.P50)}, p95 {Format.Ms(measured.PollMs.P95)} with; {Format.Ms(none.PollMs.P50)}, {Format.Ms(none.PollMs.P95)} without; "
                    + $"host CPU {Format.Percent(measured.CpuPercent)} with, {Format.Percent(none.CpuPercent)} without",
                measured.PollMs.Count > 0 && measured.PollMs.P50 <= none.PollMs.P50 * PollNoise + 1));
            report.Target(new TargetResult(
                $"13.3 pages with {query.Runs:N0} runs stored, {provider}",
                "p95 ≤ 50 ms each",
                $"one agent's newest runs: p50 {Format.Ms(query.AgentPageMs.P50)}, p95 {Format.Ms(query.AgentPageMs.P95)}; one model's failed runs: p50 {Format.Ms(query.ModelOutcomePageMs.P50)}, p95 {Format.Ms(query.ModelOutcomePageMs.P95)}",
                query.AgentPageMs.P95 <= 50 && query.ModelOutcomePageMs.P95 <= 50));
            report.Target(new TargetResult(
                $"13.4 database size per million runs, {provider}",
                "measured",
                $"{Format.MiB(query.BytesPerMillionRuns)} ({Format.MiB(query.DatabaseBytes)} for {query.Runs:N0} runs; loaded in {query.LoadSeconds:0} s)",
                true));
        }
        report.Figures = new
        {
            recorder = new
            {
                agents = options.HistoryAgents,
                changedPerPoll = 0.01,
                pollIntervalMs = interval,
                windows = recorder.Select(w => new
                {
                    provider = w.Provider,
                    seconds = w.Seconds,
                    polls = w.Polls,
                    pollMs = w.PollMs,
                    writeLagMs = w.WriteLagMs,
                    hostCpuMsPerPoll = w.CpuMsPerPoll,
                    hostCpuPercent = w.CpuPercent,
                    keepingUpAfterSeconds = w.CatchUpSeconds,
                }),
            },
            queries = queries.Select(q => new
            {
                provider = q.Provider,
                runs = q.Runs,
                agents = HistoryQueryLoad.Agents,
                loadSeconds = q.LoadSeconds,
                databaseBytes = q.DatabaseBytes,
                bytesPerMillionRuns = q.BytesPerMillionRuns,
                pageLimit = RunQuery.DefaultLimit,
                agentPageMs = q.AgentPageMs,
                modelOutcomePageMs = q.ModelOutcomePageMs,
            }),
            postgres = postgresMissing ?? string.Create(CultureInfo.InvariantCulture, $"throwaway cluster, fsync and synchronous_commit off"),
        };
    }
}
