using Microsoft.AspNetCore.Components;

namespace SutWeb.Components.Wall;

/// <summary>
/// A wall component that changes with time alone: it follows the page's <see cref="WallTicker"/> and re-renders
/// itself, only itself, when <see cref="OnTick"/> says that what it shows has changed.
/// </summary>
public abstract class TickingComponent : ComponentBase, IDisposable
{
    [CascadingParameter]
    public WallTicker Ticker { get; set; } = null!;

    protected DateTimeOffset Now => Ticker.Now;

    protected override void OnInitialized() => Ticker.Tick += HandleTick;

    /// <summary>Runs on the renderer's sync context once a second; true re-renders this component.</summary>
    protected abstract bool OnTick();

    private void HandleTick() => _ = TickAsync();

    private async Task TickAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                if (OnTick())
                {
                    StateHasChanged();
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the tick and the render.
        }
    }

    public void Dispose()
    {
        Ticker.Tick -= HandleTick;
        OnDisposed();
        GC.SuppressFinalize(this);
    }

    protected virtual void OnDisposed()
    {
    }
}
