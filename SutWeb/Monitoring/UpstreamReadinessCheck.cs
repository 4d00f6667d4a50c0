using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// Ready while the board's data is fresh (<see cref="UpstreamFreshness"/>: the last poll succeeded within three poll
/// intervals of the interval in force). Never ready while the watchdog finds the poller stalled (<c>pollerStalled</c>).
/// </summary>
public sealed class UpstreamReadinessCheck(AgentBoard board, PollerStatus poller, IOptions<EggplantOptions> options, TimeProvider timeProvider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = board.Current;
        var health = snapshot.Health;
        var data = new Dictionary<string, object>
        {
            ["state"] = health.State.ToString(),
            ["consecutiveFailures"] = health.ConsecutiveFailures,
            ["agents"] = snapshot.Agents.Count,
            ["version"] = snapshot.Version,
            ["pollerStalled"] = poller.Stalled,
        };
        if (health.LastSuccessAt is { } lastSuccess)
        {
            data["lastSuccessAt"] = lastSuccess.ToString("O");
        }
        var result = poller.Stall is { } stall
            ? HealthCheckResult.Unhealthy(stall, data: data)
            : UpstreamFreshness.IsFresh(health, timeProvider.GetUtcNow())
                ? HealthCheckResult.Healthy($"The last poll of {options.Value.UpstreamName} succeeded recently.", data)
                : HealthCheckResult.Unhealthy(health.LastError ?? $"Upstream is {health.State}.", data: data);
        return Task.FromResult(result);
    }
}
