using System.Text.Json.Serialization;

namespace SutWeb.Shared.Views;

/// <summary>Upstream health as state, with the time of the last good poll so every view can say how fresh it is.</summary>
public sealed record UpstreamHealth
{
    public UpstreamState State { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }

    /// <summary>Why the last poll failed, while it is failing; null when healthy or starting. Added after the first release.</summary>
    public UpstreamCause? Cause { get; init; }

    /// <summary>
    /// The interval the poller polls at now, in seconds; null before it has started. Polling may change pace, so freshness
    /// is judged against this (<see cref="UpstreamFreshness"/>) rather than against a setting. Added after the first release;
    /// named <c>pollInterval</c> on the wire, as in each source's health (docs/API.md section 3).
    /// </summary>
    [JsonPropertyName("pollInterval")]
    public double? PollIntervalSeconds { get; init; }

    /// <summary>
    /// One entry per source, added with sources; null (and left out of the JSON) while no poller reports per source.
    /// Compared by content, so that an unchanged health is not pushed again.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SourceHealth>? Sources { get; init; }

    public static UpstreamHealth Starting { get; } = new() { State = UpstreamState.Starting };

    public bool Equals(UpstreamHealth? other) =>
        other is not null
        && State == other.State
        && LastSuccessAt == other.LastSuccessAt
        && LastError == other.LastError
        && ConsecutiveFailures == other.ConsecutiveFailures
        && Cause == other.Cause
        && PollIntervalSeconds == other.PollIntervalSeconds
        && (ReferenceEquals(Sources, other.Sources) || (Sources is not null && other.Sources is not null && Sources.SequenceEqual(other.Sources)));

    public override int GetHashCode() => HashCode.Combine(State, LastSuccessAt, LastError, ConsecutiveFailures, Cause, PollIntervalSeconds, Sources?.Count);
}
