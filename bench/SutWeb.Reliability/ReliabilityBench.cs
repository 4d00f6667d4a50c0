using SutWeb.Tests.TestSupport;

namespace SutWeb.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project bench/SutWeb.Reliability -- faults</c>: the fault matrix.
/// <c>… -- soak [--minutes 30] [--clients 100] [--pages 3]</c>: the soak run.
/// <c>… -- outage [--minutes 5]</c>: the wall after a long outage.
/// Each writes its figures into docs/bench/reliability.json (<c>--out FILE</c> elsewhere, <c>--no-json</c> print only),
/// which docs/RELIABILITY.md quotes.
/// </summary>
public static class ReliabilityBench
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "faults";
        var output = args.Contains("--no-json") ? null
            : args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() is { } path ? Path.GetFullPath(path) : FiguresFile.DefaultPath("reliability");
        var started = DateTimeOffset.UtcNow;
        var load = MachineInfo.LoadAverage();
        var figures = mode switch
        {
            "faults" => await FaultMatrix.RunAsync(),
            "outage" => await OutageRun.RunAsync(TimeSpan.FromMinutes(Option(args, "--minutes", 5))),
            "soak" => await SoakRun.RunAsync(TimeSpan.FromMinutes(Option(args, "--minutes", 30)), Option(args, "--clients", 100), Option(args, "--pages", 3)),
            _ => null,
        };
        if (figures is null)
        {
            Console.Error.WriteLine($"Unknown mode '{mode}': use faults, soak or outage.");
            return 2;
        }
        var browser = mode == "faults" ? "none" : MachineInfo.Chromium(HeadlessChromium.DefaultPath);
        var measurement = new { run = MachineInfo.Describe(started, load, browser), figures };
        Console.WriteLine(FiguresFile.ToJson(measurement));
        if (output is not null)
        {
            FiguresFile.Write(output, mode, measurement);
            Console.WriteLine($"Figures written to {output}");
        }
        return 0;
    }

    /// <summary>The Release build of SutWeb (<c>dotnet build -c Release SutWeb</c>) as its own process, started from its folder.</summary>
    public static Task<HostProcess> StartDashboardAsync(IReadOnlyDictionary<string, string> settings, int port = 0)
    {
        var root = RepositoryRoot.Find() ?? throw new DirectoryNotFoundException("SutWeb.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root, "SutWeb", "bin", "Release", "net10.0", "SutWeb.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the dashboard first: dotnet build -c Release SutWeb ({dll} is missing).");
        }
        return HostProcess.StartAsync(["dotnet", dll], settings, port, Path.Combine(root, "SutWeb"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
