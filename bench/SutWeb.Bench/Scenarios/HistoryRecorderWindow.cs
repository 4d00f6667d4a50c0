using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>One provider's window of the recorder load (<see cref="HistoryRecorderLoad"/>): polls, their times, the write lag.</summary>
public sealed record HistoryRecorderWindow(
    string Provider,
    double Seconds,
    long Polls,
    Distribution PollMs,
    Distribution WriteLagMs,
    double CpuMs,
    /// <summary>From the board's first poll to the recorder keeping up with the changes; NaN when it never did.</summary>
    double CatchUpSeconds)
{
    public double CpuMsPerPoll => Polls == 0 ? double.NaN : CpuMs / Polls;

    public double CpuPercent => CpuMs / (Seconds * 1000) * 100;
}
