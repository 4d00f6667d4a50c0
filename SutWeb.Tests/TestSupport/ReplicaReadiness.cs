namespace SutWeb.Tests.TestSupport;

/// <summary>
/// What one replica's <c>/readyz</c> said: its HTTP status (0 when nothing answered, as for a killed replica), its
/// role (<c>leader</c>, <c>follower</c> or <c>single</c>, docs/API.md) and its board's version.
/// </summary>
public sealed record ReplicaReadiness(int StatusCode, string? Role, long? Version)
{
    public static readonly ReplicaReadiness Unreachable = new(0, null, null);

    /// <summary>200: a load balancer sends browsers to it.</summary>
    public bool Ready => StatusCode == 200;

    public bool IsLeader => Role == "leader";

    public bool IsFollower => Role == "follower";
}
