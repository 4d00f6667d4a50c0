namespace SutWeb.Bench.Hosting;

/// <summary>One measurement of an instrument: when, and its value (durations in milliseconds).</summary>
public sealed record MetricSample(double AtUnixMs, double Value)
{
    /// <summary>For a render batch: the HTML elements it changed.</summary>
    public double? Size { get; init; }
}
