namespace SutWeb.Bench.Scenarios;

/// <summary>The host's memory with <paramref name="Pages"/> agent pages open (<see cref="AgentPageScenario"/>), after a full collection.</summary>
public sealed record AgentPagesOpen(int Pages, long GcHeapBytes, long WorkingSetBytes, double OpenSeconds);
