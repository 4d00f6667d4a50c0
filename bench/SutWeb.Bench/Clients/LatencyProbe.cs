using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SutWeb.Shared.Hub;
using SutWeb.Shared.Views;

namespace SutWeb.Bench.Clients;

/// <summary>A hub client that notes when each marked change (a model name <c>bench-mNNNNNN</c>) first reaches it.</summary>
public sealed class LatencyProbe : IAsyncDisposable
{
    public const string MarkerPrefix = "bench-m";

    private readonly HubConnection _connection;

    private LatencyProbe(Uri baseAddress)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, StatusHubContract.Path.TrimStart('/')), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .Build();
        _connection.On<StatusDiff>(StatusHubContract.Diff, diff =>
        {
            var received = DateTimeOffset.UtcNow;
            foreach (var agent in diff.Upserted)
            {
                if (agent.Execution?.ModelName is { } model && model.StartsWith(MarkerPrefix, StringComparison.Ordinal))
                {
                    Seen.TryAdd(model, (diff.ObservedAt, received));
                }
            }
        });
    }

    /// <summary>By marker: the poll time of the diff that carried it, and when this client received it.</summary>
    public ConcurrentDictionary<string, (DateTimeOffset ObservedAt, DateTimeOffset ReceivedAt)> Seen { get; } = new();

    public static string Marker(int change) => MarkerPrefix + change.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<LatencyProbe> ConnectAsync(Uri baseAddress)
    {
        var probe = new LatencyProbe(baseAddress);
        await probe._connection.StartAsync();
        return probe;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
