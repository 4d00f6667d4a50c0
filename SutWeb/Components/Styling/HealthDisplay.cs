using MudBlazor;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>The one mapping from upstream health to words, icon and colour; staleness is <see cref="UpstreamFreshness"/>'s rule.</summary>
public static class HealthDisplay
{
    public static HealthView Describe(UpstreamHealth health, DateTimeOffset now, ViewerTime time, UpstreamSource? upstream = null)
    {
        var age = health.LastSuccessAt is { } at ? now - at : (TimeSpan?)null;
        var stale = !UpstreamFreshness.IsFresh(health, now);
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
            UpstreamState.Unauthorized when health.Cause == UpstreamCause.Licence =>
                new("Unauthorized: no free Eggplant licence", Icons.Material.Filled.Lock, Color.Error),
            UpstreamState.Unauthorized => new("Unauthorized: check the Eggplant credentials", Icons.Material.Filled.Lock, Color.Error),
            _ => new(health.State.ToString(), Icons.Material.Filled.HelpOutline, Color.Default),
        };
        var failing = health.State is not (UpstreamState.Starting or UpstreamState.Healthy);
        var detail = failing && !string.IsNullOrWhiteSpace(health.LastError) ? health.LastError : null;
        return new HealthView(style, stale, failing ? Advice(health, upstream ?? UpstreamSource.Unnamed) : null, detail);
    }

    /// <summary>The last error as something a person can act on: what to check, naming the setting.</summary>
    public static string? Advice(UpstreamHealth health, UpstreamSource upstream)
    {
        if (Monitoring.PollerWatchdog.Reports(health))
        {
            return "SutWeb has stopped completing polls: see its log, and restart it if this lasts.";
        }
        var who = upstream.Subject;
        return health.Cause switch
        {
            UpstreamCause.Network when upstream.IsSimulator => "Cannot reach the embedded simulator: see SutWeb's log.",
            UpstreamCause.Network => $"Cannot reach {upstream.Name}: is it running, and is {upstream.Setting("BaseUrl")} right?",
            UpstreamCause.Timeout => $"{who} does not answer in time: is it overloaded, or is {upstream.Setting("RequestTimeout")} too short?",
            UpstreamCause.HttpError when upstream.IsSimulator =>
                "The embedded simulator answers with an error: is a fault set through its control API (/simulator/control/fault)?",
            UpstreamCause.HttpError => $"{who} answers with an error: check the server and its log.",
            UpstreamCause.WrongAddress when upstream.UsesClientCredentials =>
                $"The sign-in URL is not an Eggplant token endpoint: check {upstream.Setting("TokenUrl")}.",
            UpstreamCause.WrongAddress =>
                $"The sign-in URL is not an Eggplant sign-in: check {upstream.Setting("BaseUrl")} (it should be the server's root, e.g. https://dai.example.com/).",
            UpstreamCause.Unreadable => $"{who} sends answers SutWeb cannot read: is {upstream.Setting("BaseUrl")} an Eggplant server, not a proxy or login page?",
            UpstreamCause.TooLarge => $"The answer of {upstream.Name} is larger than {upstream.Setting("MaxResponseBytes")} allows: raise that setting.",
            UpstreamCause.Credentials when upstream.UsesClientCredentials =>
                $"{who} refused the client credentials: check {upstream.Setting("ClientId")} and {upstream.Setting("ClientSecret")}.",
            UpstreamCause.Credentials => $"{who} refused the credentials: check {upstream.Setting("Username")} and {upstream.Setting("Password")}.",
            UpstreamCause.Licence => $"{who} has no free concurrent user licence: free one, or wait until one is free.",
            UpstreamCause.TokenRefused when upstream.IsSimulator =>
                "The embedded simulator refuses SutWeb's token: is a fault set through its control API (/simulator/control/fault)?",
            UpstreamCause.TokenRefused => $"{who} refuses SutWeb's token for the agent status API: give the account access to it.",
            _ => null,
        };
    }

    /// <summary>What an empty board says before the first good poll.</summary>
    public static string WaitingFor(UpstreamSource upstream) => $"Waiting for the first answer from {upstream.Name}…";

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
