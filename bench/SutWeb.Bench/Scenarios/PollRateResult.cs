namespace SutWeb.Bench.Scenarios;

/// <summary>One case of <see cref="RequestsPerHour"/>: status requests over a simulated stretch, and the pace of its polls.</summary>
/// <param name="LatePolls">Polls that had not finished 10 s (real time) after they were due; 0 in a sound run.</param>
public sealed record PollRateResult(bool Adaptive, bool Busy, long StatusRequests, double SimulatedSeconds, int PollsAtActivePace, int Polls, int LatePolls)
{
    public double PerHour => StatusRequests * 3600 / SimulatedSeconds;
}
