using Microsoft.Extensions.Time.Testing;
using SutWeb.Components.Feed;

namespace SutWeb.Tests.Components;

/// <summary>The per-circuit clock ticks on whole seconds, only while someone listens.</summary>
public sealed class SecondTickerTests
{
    [Fact]
    public void Subscribe_TicksOnEveryWholeSecondUntilDisposed()
    {
        var clock = new FakeTimeProvider(DashboardTestContext.Start.AddMilliseconds(400));
        using var ticker = new SecondTicker(clock);
        var ticks = 0;

        var subscription = ticker.Subscribe(Run, () => ticks++);
        clock.Advance(TimeSpan.FromMilliseconds(599));
        Assert.Equal(0, ticks);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, ticks);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, ticks);

        subscription.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(2, ticks);
        Assert.Equal(0, ticker.ListenerCount);
    }

    [Fact]
    public void Subscribe_ListenerFailsBecauseTheCircuitIsGone_OthersStillTick()
    {
        var clock = new FakeTimeProvider(DashboardTestContext.Start);
        using var ticker = new SecondTicker(clock);
        var ticks = 0;
        using var gone = ticker.Subscribe(Run, () => throw new ObjectDisposedException("component"));
        using var alive = ticker.Subscribe(Run, () => ticks++);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, ticks);
    }

    [Fact]
    public void Subscribe_ManyListeners_RunInOneCallIntoTheCircuit()
    {
        var clock = new FakeTimeProvider(DashboardTestContext.Start);
        using var ticker = new SecondTicker(clock);
        var calls = 0;
        var ticks = 0;
        Task Counting(Action work)
        {
            calls++;
            work();
            return Task.CompletedTask;
        }
        var subscriptions = Enumerable.Range(0, 10).Select(_ => ticker.Subscribe(Counting, () => ticks++)).ToList();

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(10, ticks);
        Assert.Equal(1, calls);
        subscriptions.ForEach(s => s.Dispose());
    }

    /// <summary>Stands in for a component's <c>InvokeAsync</c>: runs the work at once.</summary>
    private static Task Run(Action work)
    {
        work();
        return Task.CompletedTask;
    }
}
