using Microsoft.AspNetCore.SignalR;
using SutWeb.Monitoring;
using SutWeb.Shared.Hub;

namespace SutWeb.Hubs;

/// <summary>
/// The public push API at <c>/hubs/status</c> (docs/API.md section 3). Clients call <see cref="GetSnapshot"/>,
/// then apply every <c>Diff</c>; a client that sees a version gap, or reconnects, asks for a snapshot again.
/// Limits (connections, snapshot calls) are in <see cref="StatusHubLimitsFilter"/>.
/// </summary>
public sealed class StatusHub(AgentBoard board, SnapshotJsonCache snapshots) : Hub<IStatusClient>
{
    /// <summary>
    /// The board as a <c>StatusSnapshot</c>, its agents serialised once per version. JSON is the only protocol the
    /// host offers; were MessagePack added, this would have to return the <c>StatusSnapshot</c> to its clients.
    /// </summary>
    public SerializedSnapshot GetSnapshot() => snapshots.Get(board.Current);
}
