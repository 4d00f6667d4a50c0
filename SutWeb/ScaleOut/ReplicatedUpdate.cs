using SutWeb.Shared.Views;

namespace SutWeb.ScaleOut;

/// <summary>
/// One board update as the leader publishes it on <c>{KeyPrefix}:board-updates</c>: a diff or new health, with each
/// source's health and the leader's version after it; or, with <see cref="Resync"/>, a word that followers should take
/// the stored board (<see cref="ReplicatedBoard"/>) because the leader's own stream had a gap or a new term began.
/// </summary>
public sealed record ReplicatedUpdate
{
    public long Epoch { get; init; }

    /// <summary>The leader's version once this update is applied: a follower behind it after applying has missed some.</summary>
    public long Version { get; init; }

    public StatusDiff? Diff { get; init; }

    public UpstreamHealth? Health { get; init; }

    public IReadOnlyList<SourceHealth> Sources { get; init; } = [];

    /// <summary>The time of the leader's last poll at <see cref="Version"/>, on the last update of a burst.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    public bool Resync { get; init; }
}
