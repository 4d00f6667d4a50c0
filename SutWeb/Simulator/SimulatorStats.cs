namespace SutWeb.Simulator;

/// <summary>Answer of <c>GET /simulator/control/stats</c>: requests to each Eggplant endpoint since start or reset.</summary>
public sealed record SimulatorStats(long AuthRequests, long StatusRequests, long AbortRequests);
