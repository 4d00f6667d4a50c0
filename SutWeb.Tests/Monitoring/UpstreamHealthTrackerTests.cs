using SutWeb.Eggplant;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Monitoring;

/// <summary>Health carries the interval the poller polls at, and failures are judged against it.</summary>
public sealed class UpstreamHealthTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tracker_IntervalChanged_HealthCarriesTheIntervalInForce()
    {
        var pace = new PollPace(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        var tracker = new UpstreamHealthTracker(pace);
        Assert.Equal(2, tracker.OnSuccess(Start).PollIntervalSeconds);

        pace.OnSuccess(Start.AddSeconds(2), anyRunning: false, changed: false);

        Assert.Equal(15, tracker.OnSuccess(Start.AddSeconds(2)).PollIntervalSeconds);
        Assert.Equal(15, tracker.OnFailure(Start.AddSeconds(17), UpstreamFailureKind.HttpError, "HTTP 500").PollIntervalSeconds);
    }

    [Fact]
    public void Tracker_FailingAtASlowerPace_BecomesUnreachableAfterThreeOfItsIntervals()
    {
        var pace = new PollPace(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        pace.OnSuccess(Start, anyRunning: false, changed: false);
        var tracker = new UpstreamHealthTracker(pace);
        tracker.OnSuccess(Start);

        Assert.Equal(UpstreamState.Degraded, tracker.OnFailure(Start.AddSeconds(15), UpstreamFailureKind.HttpError, "HTTP 500").State);
        // Three intervals of 2 s would have made it Unreachable here; three of 15 s have not passed.
        Assert.Equal(UpstreamState.Degraded, tracker.OnFailure(Start.AddSeconds(30), UpstreamFailureKind.HttpError, "HTTP 500").State);
        Assert.Equal(UpstreamState.Unreachable, tracker.OnFailure(Start.AddSeconds(60), UpstreamFailureKind.HttpError, "HTTP 500").State);
    }

    [Fact]
    public void Tracker_BackingOff_ReportsTheBackoffButStaysUnreachableAndASuccessReportsThePaceAgain()
    {
        var pace = new PollPace(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), new Random(7));
        var tracker = new UpstreamHealthTracker(pace);
        tracker.OnSuccess(Start);
        for (var second = 2; second <= 8; second += 2)
        {
            pace.OnFailure();
            tracker.OnFailure(Start.AddSeconds(second), UpstreamFailureKind.HttpError, "HTTP 500");
        }

        var backoff = pace.OnFailure();
        var failing = tracker.OnFailure(Start.AddSeconds(8) + backoff, UpstreamFailureKind.HttpError, "HTTP 500");

        Assert.True(pace.BackingOff);
        Assert.Equal(backoff.TotalSeconds, failing.PollIntervalSeconds);
        Assert.True(backoff > TimeSpan.FromSeconds(2));
        // Three of its waits have not passed since the failures began; the data is no fresher for that.
        Assert.Equal(UpstreamState.Unreachable, failing.State);
        pace.OnSuccess(Start.AddSeconds(102), anyRunning: true, changed: false);
        Assert.Equal(2, tracker.OnSuccess(Start.AddSeconds(102)).PollIntervalSeconds);
    }
}
