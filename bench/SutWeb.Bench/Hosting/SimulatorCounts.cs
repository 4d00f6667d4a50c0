namespace SutWeb.Bench.Hosting;

/// <summary>The simulator's request counters (<c>GET /simulator/control/stats</c>, CONTRACTS section 2).</summary>
public sealed record SimulatorCounts(long AuthRequests, long StatusRequests, long AbortRequests);
