using Microsoft.AspNetCore.Components;
using SutWeb.Components.Feed;

namespace SutWeb.Components.Wall;

/// <summary>
/// A wall component that changes with time alone: it follows the circuit's <see cref="SecondTicker"/> (shared with
/// every other ticking part of the page, so a second renders as one batch) and re-renders itself, only itself, when
/// <see cref="OnTick"/> says that what it shows has changed.
/// </summary>
public abstract class TickingComponent : ComponentBase, IDisposable
{
    private IDisposable? _ticking;

    [Inject]
    private SecondTicker Ticker { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected override void OnInitialized() => _ticking = Ticker.Subscribe(InvokeAsync, () =>
    {
        if (OnTick())
        {
            StateHasChanged();
        }
    });

    /// <summary>Runs on the renderer's sync context once a second; true re-renders this component.</summary>
    protected abstract bool OnTick();

    public void Dispose()
    {
        _ticking?.Dispose();
        OnDisposed();
        GC.SuppressFinalize(this);
    }

    protected virtual void OnDisposed()
    {
    }
}
