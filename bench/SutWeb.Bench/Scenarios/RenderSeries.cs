using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>What the host rendered while the driver changed one agent a number of times, one poll apart.</summary>
public sealed record RenderSeries(int Pages, int Changes, Distribution Duration, Distribution Size, double TotalMs, Distribution Dom, long BytesPerChange)
{
    public double BatchesPerPageAndChange => Duration.Count / (double)Math.Max(1, Pages * Changes);
}
