using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SutWeb.Shared.Hub;
using SutWeb.Shared.Views;

namespace SutWeb.Bench.Clients;

/// <summary>A hub client that notes, for each agent, when a diff last brought it a new state, and the poll time of that diff.</summary>
public sealed class RunStartProbe : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private RunStartProbe(Uri baseAddress)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, StatusHubContract.Path.TrimStart('/')), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .Build();
        _connection.On<StatusDiff>(StatusHubContract.Diff, diff =>
        {
            var received = DateTimeOffset.UtcNow;
            foreach (var agent in diff.Upserted)
            {
                States.AddOrUpdate(agent.Key, _ => (agent.State, diff.ObservedAt, received),
                    (_, seen) => seen.State == agent.State ? seen : (agent.State, diff.ObservedAt, received));
            }
        });
    }

    /// <summary>By key: the agent's state, the poll time of the diff that brought it, and when this client received that diff.</summary>
    public ConcurrentDictionary<string, (AgentState State, DateTimeOffset ObservedAt, DateTimeOffset ReceivedAt)> States { get; } = new();

    public static async Task<RunStartProbe> ConnectAsync(Uri baseAddress)
    {
        var probe = new RunStartProbe(baseAddress);
        await probe._connection.StartAsync();
        return probe;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
