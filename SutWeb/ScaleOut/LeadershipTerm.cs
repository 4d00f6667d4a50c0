namespace SutWeb.ScaleOut;

/// <summary>
/// One spell of leading. <paramref name="Epoch"/> grows with every term across all replicas (0 for a single
/// replica), so followers can tell a new leader's updates from a deposed one's; <paramref name="Ended"/> is cancelled
/// the moment this replica may no longer be the leader (lock lost, Redis gone, shutting down).
/// </summary>
public sealed record LeadershipTerm(long Epoch, CancellationToken Ended);
