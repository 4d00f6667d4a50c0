using Microsoft.AspNetCore.SignalR;
using SutWeb.Monitoring;
using SutWeb.Shared.Hub;
using SutWeb.Shared.Views;

namespace SutWeb.Hubs;

/// <summary>
/// The public push API at <c>/hubs/status</c> (CONTRACTS section 3). Clients call <see cref="GetSnapshot"/>,
/// then apply every <c>Diff</c>; a client that sees a version gap, or reconnects, asks for a snapshot again.
/// </summary>
public sealed class StatusHub(AgentBoard board) : Hub<IStatusClient>
{
    public StatusSnapshot GetSnapshot() => board.Current;
}
