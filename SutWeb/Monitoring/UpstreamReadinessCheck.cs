using Microsoft.Extensions.Diagnostics.HealthChecks;
using SutWeb.Eggplant.Sources;
using SutWeb.ScaleOut;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// Ready while the board's data is fresh (<see cref="UpstreamFreshness"/>: the last poll succeeded within three poll
/// intervals of the interval in force), judged source by source; a source whose poller the watchdog finds stalled is
/// never fresh. With one source: Healthy while it is fresh, else Unhealthy, as before sources existed. With several:
/// Healthy while all are fresh, Degraded (still HTTP 200) while at least one is, Unhealthy when none is, so that one
/// lab down never makes a load balancer drop the replica that still shows the others. <c>data.sources</c> lists each;
/// <c>data.role</c> names this replica's <see cref="ReplicaRole"/>.
/// </summary>
public sealed class UpstreamReadinessCheck(AgentBoard board, PollerStatuses pollers, ILeadership leadership, TimeProvider timeProvider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = board.Current;
        var health = snapshot.Health;
        var now = timeProvider.GetUtcNow();
        var sources = pollers.Sources.Select(source => Judge(source, now)).ToList();
        var data = new Dictionary<string, object>
        {
            ["state"] = health.State.ToString(),
            ["consecutiveFailures"] = health.ConsecutiveFailures,
            ["agents"] = snapshot.Agents.Count,
            ["version"] = snapshot.Version,
            ["pollerStalled"] = sources.Any(s => s.Stall is not null),
            // "leader", "follower" or "single" (docs/API.md): which replica a load balancer's probe reached.
            ["role"] = leadership.Role.ToString().ToLowerInvariant(),
        };
        if (health.LastSuccessAt is { } lastSuccess)
        {
            data["lastSuccessAt"] = lastSuccess.ToString("O");
        }
        if (health.PollIntervalSeconds is { } interval)
        {
            data["pollInterval"] = interval;
        }
        if (sources.Count > 1)
        {
            data["sources"] = sources.Select(s => s.Details()).ToList();
        }
        return Task.FromResult(Verdict(sources, data));
    }

    private static HealthCheckResult Verdict(List<SourceReadiness> sources, Dictionary<string, object> data)
    {
        if (sources is [var only])
        {
            return only.Fresh
                ? HealthCheckResult.Healthy($"The last poll of {only.Source.UpstreamName} succeeded recently.", data)
                : HealthCheckResult.Unhealthy(only.Problem, data: data);
        }
        var stale = sources.Where(s => !s.Fresh).ToList();
        if (stale.Count == 0)
        {
            return HealthCheckResult.Healthy("The last poll of every source succeeded recently.", data);
        }
        var description = string.Join(" ", stale.Select(s => $"{s.Source.DisplayName}: {s.Problem}"));
        return stale.Count < sources.Count
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Unhealthy(description, data: data);
    }

    private SourceReadiness Judge(EggplantSource source, DateTimeOffset now)
    {
        var health = board.SourceHealth(source.Id);
        var stall = pollers[source].Stall;
        return new SourceReadiness(source, health, stall, stall is null && UpstreamFreshness.IsFresh(health, now));
    }
}
