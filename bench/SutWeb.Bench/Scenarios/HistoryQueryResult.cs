using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>One provider's figures with many runs stored (<see cref="HistoryQueryLoad"/>).</summary>
public sealed record HistoryQueryResult(
    string Provider,
    int Runs,
    double LoadSeconds,
    long DatabaseBytes,
    Distribution AgentPageMs,
    Distribution ModelOutcomePageMs)
{
    public double BytesPerMillionRuns => DatabaseBytes / (double)Runs * 1_000_000;
}
