using Microsoft.AspNetCore.Components;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Feed;

/// <summary>
/// Base of every live component: starts from the board's snapshot and takes the board's batches of updates
/// (<see cref="BoardSubscription.ReadBatchesAsync"/>), re-rendering once per batch. No component calls the Eggplant
/// server. Disposing it ends, and waits for, its subscription loop.
/// </summary>
public abstract partial class BoardFeed : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _following = Task.CompletedTask;
    private bool _disposed;

    [Inject]
    protected AgentBoard Board { get; set; } = null!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = null!;

    /// <summary>The state this component shows; replaced (never mutated) on every change.</summary>
    protected StatusSnapshot Snapshot { get; private set; } = null!;

    protected override void OnInitialized()
    {
        var subscription = Board.Subscribe();
        Snapshot = subscription.Initial;
        OnSnapshotChanged(changedKeys: null);
        _following = FollowAsync(subscription);
    }

    /// <summary>
    /// Called (on the renderer's sync context) for every batch of updates, and once for the first snapshot.
    /// <paramref name="changedKeys"/> are the agents upserted or removed since the last call; null means "everything"
    /// (the first snapshot or a resynchronisation). An exception here is logged, and the next batch comes all the same.
    /// </summary>
    /// <returns>Whether what the component shows changed: false skips the render (the first one happens anyway).</returns>
    protected virtual bool OnSnapshotChanged(IReadOnlySet<string>? changedKeys) => true;

    private async Task FollowAsync(BoardSubscription subscription)
    {
        using (subscription)
        {
            try
            {
                await foreach (var batch in subscription.ReadBatchesAsync(_stop.Token))
                {
                    await InvokeAsync(() => Take(batch));
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Disposed.
            }
            catch (ObjectDisposedException)
            {
                // The circuit went away while an update was on its way.
            }
        }
    }

    private void Take(BoardBatch batch)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        Snapshot = batch.Snapshot;
        bool changed;
        try
        {
            changed = OnSnapshotChanged(batch.ChangedKeys);
        }
        catch (Exception e)
        {
            // Lost in the loop, it would stop the page updating without a word; the snapshot it shows is current.
            LogUpdateFailed(LoggerFactory.CreateLogger(GetType()), GetType().Name, batch.Snapshot.Version, e);
            changed = true;
        }
        if (changed)
        {
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await _stop.CancelAsync();
        await _following;
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Derived components release their own timers and subscriptions here, then call the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Component} failed to take board version {Version}; it keeps following the board")]
    private static partial void LogUpdateFailed(ILogger logger, string component, long version, Exception exception);
}
