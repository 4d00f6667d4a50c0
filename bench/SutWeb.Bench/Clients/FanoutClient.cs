using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SutWeb.Shared.Hub;
using SutWeb.Shared.Views;

namespace SutWeb.Bench.Clients;

/// <summary>
/// One hub client of <c>/hubs/status</c> over WebSockets that follows the contract (snapshot, then diffs; a version gap
/// means a new snapshot) and keeps every diff it received with the time it arrived. Without resynchronising, it takes
/// no snapshot: it starts from the first diff and only counts gaps, as a cheap subscriber for measuring the host.
/// </summary>
public sealed class FanoutClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Delivery> _deliveries = [];
    private readonly HubConnection _connection;
    private readonly bool _resync;
    private long _version = -1;
    private int _gaps;

    private FanoutClient(Uri baseAddress, bool resync)
    {
        _resync = resync;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, StatusHubContract.Path.TrimStart('/')), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .Build();
        _connection.On<DiffHeader>(StatusHubContract.Diff, OnDiff);
    }

    public int Gaps => Volatile.Read(ref _gaps);

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public static async Task<FanoutClient> ConnectAsync(Uri baseAddress, CancellationToken cancellationToken, bool resync = true)
    {
        var client = new FanoutClient(baseAddress, resync);
        await client._connection.StartAsync(cancellationToken);
        if (resync)
        {
            await client.ResyncAsync(cancellationToken);
        }
        return client;
    }

    public IReadOnlyList<Delivery> Deliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void OnDiff(DiffHeader diff)
    {
        var received = DateTimeOffset.UtcNow;
        bool gap;
        lock (_gate)
        {
            _deliveries.Add(new Delivery(diff.FromVersion, diff.ToVersion, diff.ObservedAt, received));
            if (_version < 0 && !_resync)
            {
                _version = diff.ToVersion;
                return;
            }
            if (_version < 0 || diff.ToVersion <= _version)
            {
                return;
            }
            gap = diff.FromVersion != _version;
            if (!gap || !_resync)
            {
                _version = diff.ToVersion;
            }
        }
        if (gap && !_resync)
        {
            Interlocked.Increment(ref _gaps);
        }
        else if (gap)
        {
            Interlocked.Increment(ref _gaps);
            _ = ResyncAsync(CancellationToken.None);
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _connection.InvokeAsync<SnapshotHeader>(StatusHubContract.GetSnapshot, cancellationToken);
        lock (_gate)
        {
            _version = Math.Max(_version, snapshot.Version);
        }
    }

    /// <summary>The version of a <see cref="StatusSnapshot"/>; its agents are skipped unread.</summary>
    private sealed class SnapshotHeader
    {
        public long Version { get; set; }
    }
}
