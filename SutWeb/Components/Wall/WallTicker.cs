namespace SutWeb.Components.Wall;

/// <summary>
/// One timer per wall for everything that changes with time alone: the clock, the data's age, elapsed times and
/// paging. Ticks fall on whole seconds of <see cref="TimeProvider"/>, so a fake clock drives them in tests.
/// Subscribers re-render only themselves; the tiles are not re-rendered by a tick.
/// </summary>
public sealed class WallTicker : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly ITimer _timer;

    public WallTicker(TimeProvider time)
    {
        _time = time;
        var sinceSecond = TimeSpan.FromTicks(time.GetUtcNow().Ticks % Period.Ticks);
        _timer = time.CreateTimer(_ => Tick?.Invoke(), null, Period - sinceSecond, Period);
    }

    /// <summary>Raised on a timer thread; handlers re-render through <c>InvokeAsync</c>.</summary>
    public event Action? Tick;

    public DateTimeOffset Now => _time.GetUtcNow();

    public void Dispose()
    {
        Tick = null;
        _timer.Dispose();
    }
}
