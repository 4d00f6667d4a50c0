namespace SutWeb.Bench.Reporting;

/// <summary>What one run of the program found: markdown sections by name, and the targets they judged.</summary>
public sealed class BenchReport
{
    private readonly Lock _gate = new();

    public Dictionary<string, string> Sections { get; } = [];

    public List<TargetResult> Targets { get; } = [];

    public void Section(string name, string markdown)
    {
        lock (_gate)
        {
            Sections[name] = markdown.TrimEnd() + "\n";
        }
        Console.WriteLine();
        Console.WriteLine(markdown.TrimEnd());
        Console.WriteLine();
    }

    /// <summary>Puts a line before a section, such as when it was measured and how busy the machine was.</summary>
    public void Stamp(string name, string line)
    {
        lock (_gate)
        {
            if (Sections.TryGetValue(name, out var text))
            {
                Sections[name] = line.TrimEnd() + "\n\n" + text;
            }
        }
    }

    public void Target(TargetResult result)
    {
        lock (_gate)
        {
            Targets.Add(result);
        }
        Console.WriteLine($"target {result.Target}: {result.Measured} (goal {result.Goal}) -> {result.Verdict}");
    }
}
