namespace SutWeb.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project bench/SutWeb.Reliability -- faults [--out file]</c>: the fault matrix.
/// <c>dotnet run -c Release --project bench/SutWeb.Reliability -- soak [--minutes 30] [--clients 100] [--pages 3] [--out file]</c>.
/// <c>dotnet run -c Release --project bench/SutWeb.Reliability -- outage [--minutes 5] [--out file]</c>: the wall after a long outage.
/// </summary>
public static class ReliabilityBench
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "faults";
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        var report = mode switch
        {
            "faults" => await FaultMatrix.RunAsync(),
            "outage" => await OutageRun.RunAsync(TimeSpan.FromMinutes(Option(args, "--minutes", 5))),
            "soak" => await SoakRun.RunAsync(TimeSpan.FromMinutes(Option(args, "--minutes", 30)), Option(args, "--clients", 100), Option(args, "--pages", 3)),
            _ => null,
        };
        if (report is null)
        {
            Console.Error.WriteLine($"Unknown mode '{mode}': use faults, soak or outage.");
            return 2;
        }
        Console.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report);
        }
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
