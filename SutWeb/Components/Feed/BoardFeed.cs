using Microsoft.AspNetCore.Components;
using SutWeb.Monitoring;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Feed;

/// <summary>
/// Base of every live component: starts from the board's snapshot, applies its updates, and re-renders once per
/// burst (updates arriving within <see cref="BatchWindow"/> become one render). A gap in versions, which a slow
/// circuit may see when the board drops its oldest queued updates, means starting again from the board's snapshot.
/// No component calls the Eggplant server.
/// </summary>
public abstract class BoardFeed : ComponentBase, IDisposable
{
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();

    [Inject]
    protected AgentBoard Board { get; set; } = null!;

    /// <summary>The state this component shows; replaced (never mutated) on every change.</summary>
    protected StatusSnapshot Snapshot { get; private set; } = null!;

    protected override void OnInitialized()
    {
        var subscription = Board.Subscribe();
        Snapshot = subscription.Initial;
        OnSnapshotChanged(changedKeys: null);
        _ = FollowAsync(subscription);
    }

    /// <summary>
    /// Called (on the renderer's sync context) for every burst of updates, and once for the first snapshot.
    /// <paramref name="changedKeys"/> are the agents upserted or removed since the last call; null means "everything"
    /// (the first snapshot or a resynchronisation).
    /// </summary>
    /// <returns>Whether what the component shows changed: false skips the render (the first one happens anyway).</returns>
    protected virtual bool OnSnapshotChanged(IReadOnlySet<string>? changedKeys) => true;

    private async Task FollowAsync(BoardSubscription subscription)
    {
        using (subscription)
        {
            try
            {
                var reader = subscription.Updates;
                while (await reader.WaitToReadAsync(_stop.Token))
                {
                    // Let a burst arrive, then take all of it for one render.
                    await Task.Delay(BatchWindow, _stop.Token);
                    var snapshot = Snapshot;
                    HashSet<string>? changed = [];
                    while (reader.TryRead(out var update))
                    {
                        (snapshot, changed) = Apply(snapshot, update, changed);
                    }
                    await InvokeAsync(() =>
                    {
                        Snapshot = snapshot;
                        if (OnSnapshotChanged(changed))
                        {
                            StateHasChanged();
                        }
                    });
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (ObjectDisposedException)
            {
                // The circuit went away while an update was on its way.
            }
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
            return (Board.Current, null);
        }
        changed?.UnionWith(diff.Upserted.Select(a => a.Key));
        changed?.UnionWith(diff.Removed);
        var next = update.Agents is { } agents
            ? snapshot with { Version = diff.ToVersion, ObservedAt = diff.ObservedAt, Agents = agents }
            : StatusDiffApplier.Apply(snapshot, diff);
        return (next, changed);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Derived components release their own timers and subscriptions here, then call the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
