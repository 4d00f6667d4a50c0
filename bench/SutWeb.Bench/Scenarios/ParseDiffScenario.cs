using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using SutWeb.Bench.Parsing;
using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>Target 4: parse + map + diff per poll, 100 / 1,000 / 10,000 agents, with BenchmarkDotNet (short job, in process).</summary>
public static class ParseDiffScenario
{
    public const string Name = "parse";
    private const double TargetMs = 20;

    public static void Run(BenchReport report)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "sutweb-bench", "BenchmarkDotNet.Artifacts");
        Directory.CreateDirectory(artifacts);
        var logPath = Path.Combine(artifacts, "poll-benchmarks.log");
        using var log = new StreamLogger(logPath);
        // Short: 1 launch, 3 warm-ups, 5 measured iterations of about 200 ms each. In process: no separate build.
        var job = Job.ShortRun
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithIterationTime(TimeInterval.FromMilliseconds(200))
            .WithId("short");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(log)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts);
        Console.WriteLine($"BenchmarkDotNet: PollBenchmarks, log in {logPath}");
        var summary = BenchmarkRunner.Run<PollBenchmarks>(config);

        var sizes = new Dictionary<int, int>();
        foreach (var agents in new[] { 100, 1_000, 10_000 })
        {
            var b = new PollBenchmarks { Agents = agents };
            b.Setup();
            sizes[agents] = b.AnswerBytes;
        }

        var table = new MarkdownTable("agents", "answer size", "method", "median", "mean", "error (99.9 %)", "allocated per op", "median per agent");
        double? wholePoll10k = null;
        var perAgent = new List<(int Agents, double Ns)>();
        foreach (var r in summary.Reports.OrderBy(r => Agents(r)).ThenBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name))
        {
            var agents = Agents(r);
            var method = r.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            if (r.ResultStatistics is not { } stats)
            {
                table.Row(agents, "", method, "failed", "", "", "", "");
                continue;
            }
            var allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase);
            table.Row(
                agents.ToString("N0", CultureInfo.InvariantCulture),
                Kib(sizes.GetValueOrDefault(agents)),
                method,
                Time(stats.Median),
                Time(stats.Mean),
                "± " + Time(stats.ConfidenceInterval.Margin),
                allocated is { } bytes ? Kib(bytes) : "?",
                (stats.Median / agents).ToString("0", CultureInfo.InvariantCulture) + " ns");
            if (method == nameof(PollBenchmarks.WholePoll))
            {
                perAgent.Add((agents, stats.Median / agents));
                if (agents == 10_000)
                {
                    wholePoll10k = stats.Median / 1e6;
                }
            }
        }

        var growth = perAgent.Count == 3
            ? $"Median time per agent of the whole poll: {string.Join(", ", perAgent.Select(p => $"{p.Agents:N0} agents {p.Ns:0} ns"))} — "
              + (perAgent.Max(p => p.Ns) / perAgent.Min(p => p.Ns) < 2
                  ? "within a factor of 2, so the growth is about linear."
                  : "more than a factor of 2 apart: beyond linear, or disturbed by other work on the machine (see the error column).")
            : "";
        report.Section(Name, $"""
            ### Parse and diff per poll (BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version}, short job, in process, MemoryDiagnoser)

            `Parse` = `StatusPayloadParser.Parse`; `ParseWithoutTimestamps` = the same answer with `starttime` and `endtime`
            removed (what the timestamps cost); `MapAndDiff` = `AgentViewMapper.ToViews` + `StatusDiffer.Diff` against the
            previous poll's views; `WholePoll` = the poller's CPU work per poll: `IncrementalAgentViewMapper.Map` (agents whose
            JSON is byte for byte the last answer's keep their views; only the changed ones are read and mapped) and the diff,
            with about 1 % of the agents changed between polls; `WholePollFromScratch` = parse, map and diff every agent. Target: ≤ {TargetMs} ms per poll at 10,000 agents, judged on the median (the machine is shared, and a
            mean of 5 iterations is pulled by whatever else runs at that moment).

            {table}
            {growth}
            """);
        report.Target(new TargetResult(
            "4. parse + map + diff, 10,000 agents",
            $"≤ {TargetMs} ms per poll",
            wholePoll10k is { } ms ? $"{ms.ToString("0.0", CultureInfo.InvariantCulture)} ms per poll (median)" : "failed",
            wholePoll10k is { } m ? m <= TargetMs : null));
    }

    private static int Agents(BenchmarkDotNet.Reports.BenchmarkReport r) => (int)r.BenchmarkCase.Parameters["Agents"];

    private static string Time(double ns) => ns switch
    {
        >= 1e6 => (ns / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (ns / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " µs",
        _ => ns.ToString("0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string Kib(long bytes) => bytes >= 1024 * 1024 ? Format.MiB(bytes) : Format.KiB(bytes);
}
