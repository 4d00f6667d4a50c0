using System.Globalization;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>
/// One source in the header chip's list: its name, state (icon, colour and a word), when it last answered ("12 s ago",
/// with the viewer's local time for a title) and the interval it is polled at now ("every 15 s").
/// </summary>
public sealed record SourceHealthLine(string Id, string Name, UpstreamState State, StatusStyle Style, string Word, string LastGood, string? LastGoodAt, string Interval)
{
    public static SourceHealthLine From(SourceHealthView source, DateTimeOffset now, ViewerTime time)
    {
        var health = source.Health;
        var word = health.State switch
        {
            UpstreamState.Healthy when source.View.IsStale => "Stale",
            UpstreamState.Healthy => "Live",
            UpstreamState.Degraded => "Retrying",
            UpstreamState.Unreachable when Monitoring.PollerWatchdog.Reports(health) => "Updates stalled",
            var state => state.ToString(),
        };
        return new SourceHealthLine(
            source.Id ?? "",
            source.Name ?? "",
            health.State,
            source.View.Style,
            word,
            health.LastSuccessAt is { } at ? $"{HealthDisplay.Ago(now - at)} ago" : "never",
            health.LastSuccessAt is { } success ? time.Format(success, "yyyy-MM-dd HH:mm:ss") : null,
            health.PollIntervalSeconds is { } seconds ? $"every {FormatInterval(seconds)}" : "not polled yet");
    }

    /// <summary>"2 s", "0.5 s", "1.5 min": an interval in force, which back-off and jitter make uneven.</summary>
    public static string FormatInterval(double seconds) => seconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(seconds, 1)} s")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(seconds / 60, 1)} min");

    /// <summary>What a screen reader hears for the line.</summary>
    public string Label => $"{Name}: {Word}, last good poll {LastGood}, {Interval}";
}
