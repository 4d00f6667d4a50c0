namespace SutWeb.Components.Feed;

/// <summary>
/// One clock per circuit that ticks on every whole second of <see cref="TimeProvider"/>, so every "N s ago" and
/// elapsed time on a page moves together. It runs only while someone listens; each listener re-renders only itself,
/// and all of a second's listeners run in one call into the circuit, so the second renders as one batch. It is the
/// one way anything on a page moves with time: a component subscribes while what it shows moves (a stopwatch stops
/// when its run ends) and disposes the subscription with itself.
/// </summary>
public sealed class SecondTicker(TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<Subscription> _listeners = [];
    private ITimer? _timer;

    /// <summary>Calls <paramref name="onTick"/> every second until the returned handle is disposed.</summary>
    /// <param name="invokeAsync">The component's <c>InvokeAsync</c>: the circuit's dispatcher, shared by its components.</param>
    public IDisposable Subscribe(Func<Action, Task> invokeAsync, Action onTick)
    {
        var subscription = new Subscription(this, invokeAsync, onTick);
        lock (_gate)
        {
            _listeners.Add(subscription);
            if (_timer is null)
            {
                // Start at the next whole second so the displayed seconds change in step with the clock.
                var untilNextSecond = Second - TimeSpan.FromMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds() % 1000);
                _timer = time.CreateTimer(static state => ((SecondTicker)state!).Tick(), this, untilNextSecond, Second);
            }
        }
        return subscription;
    }

    /// <summary>
    /// The usual listener: every second, <paramref name="update"/> brings the component up to date and says whether
    /// what it shows changed; only then does <paramref name="render"/> (the component's <c>StateHasChanged</c>) run.
    /// </summary>
    public IDisposable Subscribe(Func<Action, Task> invokeAsync, Func<bool> update, Action render) => Subscribe(invokeAsync, () =>
    {
        if (update())
        {
            render();
        }
    });

    public int ListenerCount
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Count;
            }
        }
    }

    private void Tick()
    {
        Subscription[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }
        if (listeners.Length > 0)
        {
            _ = NotifyAllAsync(listeners);
        }
    }

    private static async Task NotifyAllAsync(Subscription[] listeners)
    {
        try
        {
            await listeners[0].InvokeAsync(() =>
            {
                foreach (var listener in listeners)
                {
                    try
                    {
                        listener.OnTick();
                    }
                    catch (ObjectDisposedException)
                    {
                        // That component went away between the tick and its render.
                    }
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the tick and the render.
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _listeners.Remove(subscription);
            if (_listeners.Count == 0)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _listeners.Clear();
            _timer?.Dispose();
            _timer = null;
        }
    }

    private sealed class Subscription(SecondTicker ticker, Func<Action, Task> invokeAsync, Action onTick) : IDisposable
    {
        public Func<Action, Task> InvokeAsync { get; } = invokeAsync;

        public Action OnTick { get; } = onTick;

        public void Dispose() => ticker.Unsubscribe(this);
    }
}
