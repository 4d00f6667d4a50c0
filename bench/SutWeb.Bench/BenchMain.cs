using System.Diagnostics;
using System.Globalization;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Reporting;
using SutWeb.Bench.Scenarios;

namespace SutWeb.Bench;

/// <summary>
/// Measures SutWeb against the performance targets and writes the figures into docs/PERFORMANCE.md.
/// <c>dotnet run -c Release --project bench/SutWeb.Bench -- all</c>; <c>host</c> is the child process it measures.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "host")
        {
            return await HostMode.RunAsync(args[1..]);
        }
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }
        var repo = PerformanceDoc.FindRepositoryRoot(Environment.CurrentDirectory) ?? PerformanceDoc.FindRepositoryRoot(AppContext.BaseDirectory);
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args, repo is null ? null : Path.Combine(repo, "docs", "PERFORMANCE.md"));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }
#if DEBUG
        Console.Error.WriteLine("Build with -c Release: figures from a Debug build mean nothing.");
        return 2;
#else
        // Hundreds of hub clients and pollers in this process: do not wait for the thread pool to grow.
        ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 16), 64);
        var started = DateTimeOffset.UtcNow;
        var load = MachineInfo.LoadAverage();
        var clock = Stopwatch.StartNew();
        var report = new BenchReport();
        Console.WriteLine($"SutWeb bench: {string.Join(' ', options.Scenarios)} on {MachineInfo.Nproc()} cores, load {load}");
        if (!options.BrowserAvailable)
        {
            Console.WriteLine($"No browser at {options.Chromium}: browser measurements are skipped (apt-get install -y chromium).");
        }
        var failed = false;
        foreach (var scenario in options.Scenarios)
        {
            var scenarioClock = Stopwatch.StartNew();
            var scenarioStarted = DateTimeOffset.UtcNow;
            var scenarioLoad = MachineInfo.LoadAverage();
            Console.WriteLine($"== {scenario} ({clock.Elapsed.TotalSeconds:0} s so far)");
            try
            {
                await RunAsync(scenario, options, report);
            }
            catch (Exception e)
            {
                failed = true;
                Console.Error.WriteLine($"{scenario} failed: {e}");
                report.Section(scenario, $"**{scenario} failed on this run:** `{e.GetType().Name}: {e.Message.Split('\n')[0]}`");
            }
            Console.WriteLine($"== {scenario} took {scenarioClock.Elapsed.TotalSeconds:0} s");
            report.Stamp(scenario, $"_Measured {scenarioStarted.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} in "
                + $"{scenarioClock.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s; load average (1, 5, 15 min) {scenarioLoad} at the start, "
                + $"{MachineInfo.LoadAverage()} at the end._");
        }
        var duration = clock.Elapsed;
        var everything = options.Scenarios.Count == BenchOptions.AllScenarios.Length;
        report.Section("machine", MachineInfo.Markdown(repo ?? ".", options.BrowserAvailable ? MachineInfo.Chromium(options.Chromium) : "none", started, load, everything ? duration : null));
        if (everything)
        {
            report.Section("summary", Summary(report));
        }
        if (options.WriteDoc && options.Output is { } output)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            PerformanceDoc.Update(output, report.Sections);
            Console.WriteLine($"Figures written to {output}");
        }
        Console.WriteLine($"Done in {duration.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min.");
        return failed ? 1 : 0;
#endif
    }

    private static async Task RunAsync(string scenario, BenchOptions options, BenchReport report)
    {
        switch (scenario)
        {
            case ParseDiffScenario.Name:
                ParseDiffScenario.Run(report);
                break;
            case PayloadScenario.Name:
                await PayloadScenario.RunAsync(report);
                break;
            case UpstreamScenario.Name:
                await UpstreamScenario.RunAsync(options, report);
                break;
            case FanoutScenario.Name:
                await FanoutScenario.RunAsync(options, report);
                break;
            case LatencyScenario.Name:
                await LatencyScenario.RunAsync(options, report);
                break;
            case CircuitScenario.Name:
                await CircuitScenario.RunAsync(options, report);
                break;
            default:
                throw new ArgumentException($"Unknown scenario {scenario}.");
        }
    }

    private static string Summary(BenchReport report)
    {
        var table = MarkdownTable.Text("target", "goal", "measured", "verdict");
        foreach (var target in report.Targets.OrderBy(t => t.Target, StringComparer.Ordinal))
        {
            table.Row(target.Target, target.Goal, target.Measured, target.Verdict);
        }
        return table.ToString();
    }
}
