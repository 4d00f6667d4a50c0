using System.Diagnostics;
using System.Globalization;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Reporting;
using SutWeb.Bench.Scenarios;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench;

/// <summary>
/// Measures SutWeb against the performance targets and writes the figures to docs/bench/performance.json, which
/// docs/PERFORMANCE.md quotes. <c>dotnet run -c Release --project bench/SutWeb.Bench -- all</c>; <c>host</c> is the
/// child process it measures.
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
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args, FiguresFile.DefaultPath("performance"));
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
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"SutWeb bench: {string.Join(' ', options.Scenarios)} on {MachineInfo.Nproc()} cores, load {MachineInfo.LoadAverage()}");
        if (!options.BrowserAvailable)
        {
            Console.WriteLine($"No browser at {options.Chromium}: browser measurements are skipped (apt-get install -y chromium).");
        }
        var browser = options.BrowserAvailable ? MachineInfo.Chromium(options.Chromium) : "none";
        var failed = false;
        foreach (var scenario in options.Scenarios)
        {
            var started = DateTimeOffset.UtcNow;
            var load = MachineInfo.LoadAverage();
            var report = new BenchReport();
            string? failure = null;
            Console.WriteLine($"== {scenario} ({clock.Elapsed.TotalSeconds:0} s so far)");
            try
            {
                await RunAsync(scenario, options, report);
            }
            catch (Exception e)
            {
                failed = true;
                failure = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
                Console.Error.WriteLine($"{scenario} failed: {e}");
            }
            var figures = new
            {
                run = MachineInfo.Describe(started, load, browser),
                failure,
                targets = report.Targets.Select(t => new { t.Target, t.Goal, t.Measured, t.Met }),
                figures = report.Figures,
            };
            Console.WriteLine(FiguresFile.ToJson(figures));
            if (options.Output is { } output)
            {
                FiguresFile.Write(output, scenario, figures);
            }
            Console.WriteLine($"== {scenario} took {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s");
        }
        if (options.Output is { } written)
        {
            Console.WriteLine($"Figures written to {written}");
        }
        Console.WriteLine($"Done in {clock.Elapsed.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min.");
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
            case SourcesScenario.Name:
                await SourcesScenario.RunAsync(options, report);
                break;
            case HistoryScenario.Name:
                await HistoryScenario.RunAsync(options, report);
                break;
            case AgentPageScenario.Name:
                await AgentPageScenario.RunAsync(options, report);
                break;
            case NotificationsScenario.Name:
                await NotificationsScenario.RunAsync(options, report);
                break;
            case ScaleOutScenario.Name:
                await ScaleOutScenario.RunAsync(options, report);
                break;
            case FailoverScenario.Name:
                await FailoverScenario.RunAsync(options, report);
                break;
            default:
                throw new ArgumentException($"Unknown scenario {scenario}.");
        }
    }
}
