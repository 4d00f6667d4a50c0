using SutWeb.Eggplant;

namespace SutWeb.Monitoring;

/// <summary>One poll as telemetry records it: how long it took, why it failed (null when it did not), and the agents
/// its diff upserted or removed (null when it changed nothing).</summary>
public sealed record PollOutcome(TimeSpan Duration, UpstreamFailureKind? Failure, int? DiffAgents);
