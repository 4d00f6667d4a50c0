using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Views;

namespace SutWeb.Monitoring;

/// <summary>
/// A subscriber's view of the board: the snapshot it starts from, then every update after it, one by one
/// (<see cref="Updates"/>) or applied in batches (<see cref="ReadBatchesAsync"/>). The queue is bounded; a subscriber
/// too slow to keep up loses the oldest updates, sees a version gap, and starts again from <see cref="AgentBoard.Current"/>.
/// </summary>
public sealed class BoardSubscription : IDisposable
{
    private readonly AgentBoard _board;
    private readonly Channel<BoardUpdate> _channel;

    internal BoardSubscription(AgentBoard board, StatusSnapshot initial, Channel<BoardUpdate> channel)
    {
        _board = board;
        _channel = channel;
        Initial = initial;
    }

    public StatusSnapshot Initial { get; }

    public ChannelReader<BoardUpdate> Updates => _channel.Reader;

    /// <summary>
    /// The snapshot after each burst of updates, starting from <see cref="Initial"/>: a batch waits
    /// <see cref="AgentBoard.BatchWindow"/> on the board's clock after its first update, then takes every update queued
    /// by then. Read it or <see cref="Updates"/>, not both.
    /// </summary>
    public async IAsyncEnumerable<BoardBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var snapshot = Initial;
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            // Let the burst arrive, then take all of it.
            await Task.Delay(AgentBoard.BatchWindow, _board.TimeProvider, cancellationToken);
            HashSet<string>? changed = [];
            while (reader.TryRead(out var update))
            {
                (snapshot, changed) = Apply(snapshot, update, changed);
            }
            yield return new BoardBatch(snapshot, changed);
        }
    }

    private (StatusSnapshot Snapshot, HashSet<string>? Changed) Apply(StatusSnapshot snapshot, BoardUpdate update, HashSet<string>? changed)
    {
        if (update.Health is { } health)
        {
            snapshot = snapshot with { Health = health };
        }
        if (update.Diff is not { } diff || diff.ToVersion <= snapshot.Version)
        {
            return (snapshot, changed);
        }
        if (diff.FromVersion != snapshot.Version)
        {
            return (_board.Current, null);
        }
        changed?.UnionWith(diff.Upserted.Select(a => a.Key));
        changed?.UnionWith(diff.Removed);
        var next = update.Agents is { } agents
            ? snapshot with { Version = diff.ToVersion, ObservedAt = diff.ObservedAt, Agents = agents }
            : StatusDiffApplier.Apply(snapshot, diff);
        return (next, changed);
    }

    internal bool TryWrite(BoardUpdate update) => _channel.Writer.TryWrite(update);

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _board.Unsubscribe(this);
    }
}
