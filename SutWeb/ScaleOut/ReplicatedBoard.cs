using SutWeb.Shared.Views;

namespace SutWeb.ScaleOut;

/// <summary>
/// The leader's board as stored at <c>{KeyPrefix}:board</c>: what a follower takes after a gap, a new epoch or a
/// reconnection. <see cref="Epoch"/> is written first, so that a deposed leader's late write can be refused by reading
/// the head of the value alone (<see cref="BoardReplicator"/>).
/// </summary>
public sealed record ReplicatedBoard
{
    public long Epoch { get; init; }

    public long Version { get; init; }

    public required StatusSnapshot Snapshot { get; init; }

    /// <summary>Each source's health, from which a follower's board computes the same combined health as the leader's.</summary>
    public required IReadOnlyList<SourceHealth> Sources { get; init; }
}
