using Microsoft.Extensions.Time.Testing;

namespace SutWeb.Tests.Monitoring;

/// <summary>A fake clock that says when someone starts waiting on it, so a test knows a wait is under way before it moves time.</summary>
public sealed class TimerWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    /// <summary>Timers created so far (a <c>Task.Delay</c> on this clock creates one).</summary>
    public int Timers => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }
}
