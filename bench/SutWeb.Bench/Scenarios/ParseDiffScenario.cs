using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Columns;
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

        var rows = new List<object>();
        double? wholePoll10k = null;
        foreach (var r in summary.Reports.OrderBy(r => Agents(r)).ThenBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name))
        {
            var agents = Agents(r);
            var method = r.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            if (r.ResultStatistics is not { } stats)
            {
                rows.Add(new { agents, method, failed = true });
                continue;
            }
            rows.Add(new
            {
                agents,
                answerBytes = sizes.GetValueOrDefault(agents),
                method,
                medianNs = stats.Median,
                meanNs = stats.Mean,
                errorNs = stats.ConfidenceInterval.Margin,
                allocatedBytesPerOp = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase),
                medianPerAgentNs = stats.Median / agents,
            });
            if (method == nameof(PollBenchmarks.WholePoll) && agents == 10_000)
            {
                wholePoll10k = stats.Median / 1e6;
            }
        }
        report.Figures = new
        {
            benchmarkDotNet = typeof(BenchmarkRunner).Assembly.GetName().Version?.ToString(),
            job = "short: in process, 1 launch, 3 warm-ups, 5 iterations of 200 ms, MemoryDiagnoser",
            rows,
        };
        report.Target(new TargetResult(
            "4. parse + map + diff, 10,000 agents",
            $"≤ {TargetMs} ms per poll",
            wholePoll10k is { } ms ? $"{ms.ToString("0.0", CultureInfo.InvariantCulture)} ms per poll (median)" : "failed",
            wholePoll10k is { } m ? m <= TargetMs : null));
    }

    private static int Agents(BenchmarkDotNet.Reports.BenchmarkReport r) => (int)r.BenchmarkCase.Parameters["Agents"];
}
