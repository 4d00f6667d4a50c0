namespace SutWeb.Bench.Hosting;

/// <summary>One measurement of an instrument: when, and its value (durations in milliseconds).</summary>
public sealed record MetricSample(double AtUnixMs, double Value);
