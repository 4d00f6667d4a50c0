using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SutWeb.History;

/// <summary>
/// <c>/readyz</c>'s <c>history</c> entry: Degraded (which keeps <c>/readyz</c> at 200: the board is live) while the
/// database cannot be written, with the pending writes and the ones dropped since start.
/// </summary>
public sealed class HistoryReadinessCheck(HistoryStatus status, PendingWrites pending, HistoryDatabase database) : IHealthCheck
{
    public const string Name = "history";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["provider"] = database.Provider.ToString(),
            ["state"] = status.State.ToString(),
            ["pendingWrites"] = pending.Count,
            ["maxPendingWrites"] = pending.Capacity,
            ["droppedWrites"] = status.Dropped,
        };
        if (status.LastWriteAt is { } at)
        {
            data["lastWriteAt"] = at.ToString("O");
        }
        var result = status.State switch
        {
            HistoryState.Degraded => HealthCheckResult.Degraded(status.LastError, data: data),
            HistoryState.Starting => HealthCheckResult.Healthy("History is opening its database.", data),
            _ => HealthCheckResult.Healthy("History is being recorded.", data),
        };
        return Task.FromResult(result);
    }
}
