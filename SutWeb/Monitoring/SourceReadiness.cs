using SutWeb.Eggplant.Sources;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>One source as <see cref="UpstreamReadinessCheck"/> judges it: its health, its poller's stall, whether it is fresh.</summary>
internal sealed record SourceReadiness(EggplantSource Source, UpstreamHealth Health, string? Stall, bool Fresh)
{
    /// <summary>
    /// Why the source is not fresh: the watchdog's stall, else its last error, else how old a Healthy board's last good
    /// poll is (a follower whose leader or Redis went away), else its state.
    /// </summary>
    public string Problem => Stall ?? Health.LastError ?? (Health is { State: UpstreamState.Healthy, LastSuccessAt: { } at }
        ? $"The last good poll was at {at:O}, more than {UpstreamFreshness.StaleAfterIntervals} poll intervals ago."
        : $"Upstream is {Health.State}.");

    /// <summary>The source's entry in <c>/readyz</c>'s <c>data.sources</c>: state, freshness and the interval in force.</summary>
    public Dictionary<string, object?> Details() => new()
    {
        ["source"] = Source.Id,
        ["sourceName"] = Source.DisplayName,
        ["state"] = (Stall is null ? Health.State : UpstreamState.Unreachable).ToString(),
        ["fresh"] = Fresh,
        ["pollerStalled"] = Stall is not null,
        ["lastSuccessAt"] = Health.LastSuccessAt?.ToString("O"),
        ["pollInterval"] = Health.PollIntervalSeconds,
        ["consecutiveFailures"] = Health.ConsecutiveFailures,
        ["lastError"] = Stall ?? Health.LastError,
    };
}
