using SutWeb.Monitoring;

namespace SutWeb.Tests.Monitoring;

/// <summary>The pace of polls, without a host: the board's activity sets it, failures back it off, a success ends that.</summary>
public sealed class PollPaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Active = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);

    [Fact]
    public void Pace_NothingRunsOrChangesForAMinute_SlowsToTheIdleInterval()
    {
        var pace = new PollPace(Active, Idle);
        Assert.Equal(Active, pace.OnSuccess(Start, anyRunning: false, changed: true));

        Assert.Equal(Active, pace.OnSuccess(Start.AddSeconds(58), anyRunning: false, changed: false));
        Assert.Equal(Idle, pace.OnSuccess(Start.AddSeconds(60), anyRunning: false, changed: false));
        Assert.True(pace.Idle);
    }

    [Fact]
    public void Pace_AnAgentRuns_StaysAtPollIntervalHoweverLongNothingChanges()
    {
        var pace = new PollPace(Active, Idle);
        pace.OnSuccess(Start, anyRunning: true, changed: true);

        Assert.Equal(Active, pace.OnSuccess(Start.AddHours(3), anyRunning: true, changed: false));
        Assert.False(pace.Idle);
    }

    [Fact]
    public void Pace_IdleBoardChangesOrARunStarts_BackToPollIntervalAtOnce()
    {
        var pace = new PollPace(Active, Idle);
        pace.OnSuccess(Start, anyRunning: false, changed: true);
        Assert.Equal(Idle, pace.OnSuccess(Start.AddMinutes(5), anyRunning: false, changed: false));

        Assert.Equal(Active, pace.OnSuccess(Start.AddMinutes(5).AddSeconds(15), anyRunning: false, changed: true));
        Assert.Equal(Idle, pace.OnSuccess(Start.AddMinutes(7), anyRunning: false, changed: false));
        Assert.Equal(Active, pace.OnSuccess(Start.AddMinutes(7).AddSeconds(15), anyRunning: true, changed: false));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Backoff_FailingForHours_KeepsThePaceThreeTimesThenGrowsWithJitterUpToAMinuteAndSuccessEndsIt(int seed)
    {
        var pace = new PollPace(Active, Idle, new Random(seed));
        pace.OnSuccess(Start, anyRunning: true, changed: true);

        var waits = Enumerable.Range(0, 200).Select(_ => pace.OnFailure()).ToList();

        Assert.All(waits.Take(PollPace.FailuresAtPace), wait => Assert.Equal(Active, wait));
        Assert.All(waits, wait => Assert.InRange(wait, Active, PollPace.MaxBackoff));
        // Doubling: the fourth failure waits 2-4 s, the fifth 4-8 s ... and from the eighth on, 30-60 s.
        Assert.InRange(waits[3], Active, Active * 2);
        Assert.InRange(waits[4], Active * 2, Active * 4);
        Assert.All(waits.Skip(7), wait => Assert.InRange(wait, PollPace.MaxBackoff / 2, PollPace.MaxBackoff));
        // Jitter: dashboards that lost the same server do not come back to it in step.
        Assert.True(waits.Skip(7).Distinct().Count() > 100, "the waits at the ceiling are jittered");
        Assert.True(pace.BackingOff);

        Assert.Equal(Active, pace.OnSuccess(Start.AddHours(3), anyRunning: true, changed: false));
        Assert.False(pace.BackingOff);
        Assert.Equal(Active, pace.OnFailure());
    }

    [Fact]
    public void Backoff_SameFailuresOnTwoDashboards_WaitDifferently()
    {
        var one = new PollPace(Active, Idle, new Random(1));
        var two = new PollPace(Active, Idle, new Random(2));

        var waits = Enumerable.Range(0, 10).Select(_ => (one.OnFailure(), two.OnFailure())).Skip(PollPace.FailuresAtPace).ToList();

        Assert.Contains(waits, w => w.Item1 != w.Item2);
    }

    [Fact]
    public void Backoff_RefusedSignIn_KeepsThePaceForItsOwnBackoffAndTryAgainNow()
    {
        var pace = new PollPace(Active, Idle);

        var waits = Enumerable.Range(0, 20).Select(_ => pace.OnFailure(backOff: false)).ToList();

        Assert.All(waits, wait => Assert.Equal(Active, wait));
        Assert.False(pace.BackingOff);
    }

    [Fact]
    public void Backoff_IdleIntervalLongerThanTheCeiling_NeverPollsFasterThanWhenHealthy()
    {
        var pace = new PollPace(Active, TimeSpan.FromMinutes(5));
        pace.OnSuccess(Start, anyRunning: false, changed: false);

        var waits = Enumerable.Range(0, 10).Select(_ => pace.OnFailure()).ToList();

        Assert.All(waits, wait => Assert.Equal(TimeSpan.FromMinutes(5), wait));
    }
}
