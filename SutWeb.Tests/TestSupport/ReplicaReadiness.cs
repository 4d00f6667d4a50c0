using System.Text.Json;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// What one replica's <c>/readyz</c> said: its HTTP status (0 when nothing answered, as for a killed replica), its
/// role (<c>leader</c>, <c>follower</c> or <c>single</c>, docs/API.md), its board's version and the time of the last
/// good poll its board shows (the leader's, on a follower).
/// </summary>
public sealed record ReplicaReadiness(int StatusCode, string? Role, long? Version, DateTimeOffset? LastSuccessAt = null)
{
    public static readonly ReplicaReadiness Unreachable = new(0, null, null);

    /// <summary>200: a load balancer sends browsers to it.</summary>
    public bool Ready => StatusCode == 200;

    public bool IsLeader => Role == "leader";

    public bool IsFollower => Role == "follower";

    /// <summary>
    /// The role and version from any check's data (or the body's top level): the contract names the role in
    /// <c>/readyz</c>'s data without fixing which check carries it.
    /// </summary>
    public static ReplicaReadiness Parse(int statusCode, string body)
    {
        string? role = null;
        long? version = null;
        DateTimeOffset? lastSuccessAt = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("role", out var top)
                && top.ValueKind == JsonValueKind.String)
            {
                role = top.GetString()!.ToLowerInvariant();
            }
            if (json.RootElement.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Object)
            {
                foreach (var check in checks.EnumerateObject())
                {
                    if (!check.Value.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }
                    if (role is null && data.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String)
                    {
                        role = r.GetString()!.ToLowerInvariant();
                    }
                    if (version is null && data.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number)
                    {
                        version = v.GetInt64();
                    }
                    if (lastSuccessAt is null && data.TryGetProperty("lastSuccessAt", out var at) && at.ValueKind == JsonValueKind.String
                        && at.TryGetDateTimeOffset(out var parsed))
                    {
                        lastSuccessAt = parsed;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not the details writer's JSON (e.g. a 401 text): the status code alone.
        }
        return new(statusCode, role, version, lastSuccessAt);
    }
}
