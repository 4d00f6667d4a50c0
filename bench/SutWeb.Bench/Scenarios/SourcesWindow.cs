using SutWeb.Bench.Reporting;

namespace SutWeb.Bench.Scenarios;

/// <summary>One window of <see cref="ManySources"/>: what the host spent on the polls the servers counted and the board updates it made.</summary>
/// <param name="HubDropped">Messages the hub's queues dropped for slow clients in the window.</param>
/// <param name="Gaps">Version gaps the clients saw in the window (each a dropped diff).</param>
public sealed record SourcesWindow(int HubClients, double Seconds, long Polls, long BoardUpdates, double HostCpuMs, long HostAllocatedBytes,
    double HubDiffsPerClient, Distribution PollHttpMs, long HubDropped, int Gaps)
{
    public double CpuMsPerPoll => HostCpuMs / Math.Max(1, Polls);
    public double AllocatedBytesPerPoll => (double)HostAllocatedBytes / Math.Max(1, Polls);
    public double CpuMsPerBoardUpdate => HostCpuMs / Math.Max(1, BoardUpdates);
    public double AllocatedBytesPerBoardUpdate => (double)HostAllocatedBytes / Math.Max(1, BoardUpdates);
    public double CpuPercent => HostCpuMs / (Seconds * 1000) * 100;
}
