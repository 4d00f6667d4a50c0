namespace SutWeb.Bench.Reporting;

/// <summary>What one measurement found: its figures, and the targets it judged.</summary>
public sealed class BenchReport
{
    private readonly Lock _gate = new();

    public List<TargetResult> Targets { get; } = [];

    /// <summary>Named numbers, each with its unit in its name (e.g. <c>p95Ms</c>, <c>heapPerPageMiB</c>).</summary>
    public object? Figures { get; set; }

    public void Target(TargetResult result)
    {
        lock (_gate)
        {
            Targets.Add(result);
        }
        Console.WriteLine($"target {result.Target}: {result.Measured} (goal {result.Goal}) -> {result.Verdict}");
    }
}
