using MudBlazor;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>The one mapping from upstream health to words, icon and colour, and the rule for stale data.</summary>
public static class HealthDisplay
{
    /// <summary>Data older than this many poll intervals is stale even when the last poll succeeded.</summary>
    public const int StaleAfterIntervals = 3;

    public static HealthView Describe(UpstreamHealth health, DateTimeOffset now, TimeSpan pollInterval, ViewerTime time)
    {
        var age = health.LastSuccessAt is { } at ? now - at : (TimeSpan?)null;
        var stale = health.State != UpstreamState.Healthy || age is null || age > pollInterval * StaleAfterIntervals;
        var lastGood = health.LastSuccessAt is { } success ? time.Format(success, "HH:mm:ss") : null;
        StatusStyle style = health.State switch
        {
            UpstreamState.Starting => new("Connecting to the Eggplant server…", Icons.Material.Filled.HourglassTop, Color.Info),
            UpstreamState.Healthy when stale => new($"Stale · last good data {lastGood}", Icons.Material.Filled.HistoryToggleOff, Color.Warning),
            UpstreamState.Healthy => new($"Live · updated {Ago(age!.Value)} ago", Icons.Material.Filled.Sensors, Color.Success),
            UpstreamState.Degraded => new(lastGood is null ? "Retrying · no data yet" : $"Retrying · last good data {lastGood}",
                Icons.Material.Filled.SyncProblem, Color.Warning),
            UpstreamState.Unreachable when Monitoring.PollerWatchdog.Reports(health) => new(
                lastGood is null ? "Updates stalled · no data yet" : $"Updates stalled · last good data {lastGood}",
                Icons.Material.Filled.HourglassDisabled, Color.Error),
            UpstreamState.Unreachable => new(health.LastSuccessAt is { } since
                    ? $"Eggplant server unreachable since {time.Format(since, "HH:mm")}"
                    : "Eggplant server unreachable",
                Icons.Material.Filled.CloudOff, Color.Error),
            UpstreamState.Unauthorized => new("Unauthorized: check the Eggplant credentials", Icons.Material.Filled.Lock, Color.Error),
            _ => new(health.State.ToString(), Icons.Material.Filled.HelpOutline, Color.Default),
        };
        return new HealthView(style, stale);
    }

    /// <summary>"4 s", "3 min", "2 h": short enough for a chip, exact enough to judge freshness.</summary>
    public static string Ago(TimeSpan age) => age switch
    {
        { TotalSeconds: < 1 } => "0 s",
        { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds} s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} d",
    };
}
