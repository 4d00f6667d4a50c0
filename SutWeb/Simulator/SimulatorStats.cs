namespace SutWeb.Simulator;

/// <summary>Answer of <c>GET /simulator/control/stats</c>: requests to each Eggplant endpoint since start or reset.</summary>
internal sealed record SimulatorStats(long AuthRequests, long StatusRequests, long AbortRequests);
