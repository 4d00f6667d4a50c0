using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Hub;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// A real SignalR client of <c>/hubs/status</c> that follows the contract as any program would: snapshot, then
/// diffs; a version gap means a new snapshot. It also keeps the raw JSON of every message it received.
/// </summary>
public sealed class HubProbe : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<StatusDiff> _diffs = new();
    private readonly ConcurrentQueue<UpstreamHealth> _healths = new();
    private readonly ConcurrentQueue<string> _messages = new();

    private readonly bool _keepHistory;
    private readonly int _dropEvery;
    private readonly Task? _stallUntil;
    private int _received;
    private int _reconnects;

    private HubProbe(Uri baseAddress, int dropEvery, Task? stallUntil, bool reconnect, bool keepHistory)
    {
        _keepHistory = keepHistory;
        _dropEvery = dropEvery;
        _stallUntil = stallUntil;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, StatusHubContract.Path.TrimStart('/')));
        Connection = (reconnect ? builder.WithAutomaticReconnect() : builder).Build();
        // After a reconnect the client may have missed anything: the contract says take a snapshot.
        Connection.Reconnected += async _ =>
        {
            Interlocked.Increment(ref _reconnects);
            await ResyncAsync();
        };
        Connection.On<JsonElement>(StatusHubContract.Diff, async element =>
        {
            // A stalled client: its handler does not return, so it reads nothing more from the connection.
            if (_stallUntil is not null)
            {
                await _stallUntil;
            }
            // A lossy client: every Nth message is lost on the way.
            if (_dropEvery > 0 && Interlocked.Increment(ref _received) % _dropEvery == 0)
            {
                return;
            }
            OnDiff(element);
        });
        Connection.On<JsonElement>(StatusHubContract.Health, element =>
        {
            if (_keepHistory)
            {
                _messages.Enqueue(element.GetRawText());
                _healths.Enqueue(element.Deserialize<UpstreamHealth>(JsonSerializerOptions.Web)!);
            }
        });
    }

    public HubConnection Connection { get; }

    public StatusSnapshot? State { get; private set; }

    public int Resyncs { get; private set; }

    public int Reconnects => Volatile.Read(ref _reconnects);

    public IReadOnlyList<StatusDiff> Diffs => [.. _diffs];

    public IReadOnlyList<UpstreamHealth> Healths => [.. _healths];

    public IReadOnlyList<string> RawMessages => [.. _messages];

    /// <param name="dropEvery">Lose every Nth diff (0: none), as a lossy client would.</param>
    /// <param name="stallUntil">Block in the first diff handler until this completes, as a stalled client would.</param>
    /// <param name="reconnect">Reconnect by itself after a dropped connection (and resynchronise), as a long-lived client would.</param>
    /// <param name="keepHistory">Keep every message received (for tests); a long run keeps only the current state.</param>
    public static async Task<HubProbe> ConnectAsync(Uri baseAddress, int dropEvery = 0, Task? stallUntil = null, bool reconnect = false,
        bool keepHistory = true)
    {
        var probe = new HubProbe(baseAddress, dropEvery, stallUntil, reconnect, keepHistory);
        await probe.Connection.StartAsync();
        await probe.ResyncAsync();
        return probe;
    }

    public async Task<StatusSnapshot> GetSnapshotAsync()
    {
        var element = await Connection.InvokeAsync<JsonElement>(StatusHubContract.GetSnapshot);
        if (_keepHistory)
        {
            _messages.Enqueue(element.GetRawText());
        }
        return element.Deserialize<StatusSnapshot>(JsonSerializerOptions.Web)!;
    }

    public async Task ResyncAsync()
    {
        var snapshot = await GetSnapshotAsync();
        lock (_gate)
        {
            if (State is null || snapshot.Version >= State.Version)
            {
                State = snapshot;
            }
            Resyncs++;
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void OnDiff(JsonElement element)
    {
        var diff = element.Deserialize<StatusDiff>(JsonSerializerOptions.Web)!;
        if (_keepHistory)
        {
            _messages.Enqueue(element.GetRawText());
            _diffs.Enqueue(diff);
        }
        bool gap;
        lock (_gate)
        {
            if (State is null || diff.ToVersion <= State.Version)
            {
                return; // already in the snapshot
            }
            gap = diff.FromVersion != State.Version;
            if (!gap)
            {
                State = StatusDiffApplier.Apply(State, diff);
            }
        }
        if (gap)
        {
            _ = ResyncAsync();
        }
    }
}
