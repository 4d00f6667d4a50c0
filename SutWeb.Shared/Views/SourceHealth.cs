using System.Text.Json.Serialization;

namespace SutWeb.Shared.Views;

/// <summary>One source's health within <see cref="UpstreamHealth.Sources"/> (docs/API.md section 3).</summary>
public sealed record SourceHealth
{
    public required string Source { get; init; }
    public required string SourceName { get; init; }
    public UpstreamState State { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }

    /// <summary>Why this source's last poll failed, while it fails; as <see cref="UpstreamHealth.Cause"/>.</summary>
    public UpstreamCause? Cause { get; init; }

    /// <summary>The interval this source is polled at now, in seconds; null before its poller has started.</summary>
    [JsonPropertyName("pollInterval")]
    public double? PollIntervalSeconds { get; init; }

    /// <summary>This source's health as the one-source <see cref="UpstreamHealth"/> that freshness is judged by.</summary>
    public UpstreamHealth AsUpstream() => new()
    {
        State = State,
        LastSuccessAt = LastSuccessAt,
        LastError = LastError,
        ConsecutiveFailures = ConsecutiveFailures,
        Cause = Cause,
        PollIntervalSeconds = PollIntervalSeconds,
    };

    public static SourceHealth From(string source, string sourceName, UpstreamHealth health) => new()
    {
        Source = source,
        SourceName = sourceName,
        State = health.State,
        LastSuccessAt = health.LastSuccessAt,
        LastError = health.LastError,
        ConsecutiveFailures = health.ConsecutiveFailures,
        Cause = health.Cause,
        PollIntervalSeconds = health.PollIntervalSeconds,
    };
}
