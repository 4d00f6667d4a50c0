using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>The board at one moment with each source's health, as a follower needs both to rebuild it (scale-out).</summary>
public sealed record BoardReplicaState(StatusSnapshot Snapshot, IReadOnlyList<SourceHealth> Sources);
