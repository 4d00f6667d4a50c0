using SutWeb.Components.Agents;
using SutWeb.Components.History;
using SutWeb.Components.Styling;
using SutWeb.History;
using SutWeb.History.Expectations;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>The numbers and words history puts on the board: medians, minutes left or over, streaks, links.</summary>
public sealed class ExpectationTextTests
{
    [Theory]
    [InlineData(new double[] { 300, 60, 180 }, 180)]
    [InlineData(new double[] { 60, 120, 180, 240 }, 150)]
    [InlineData(new double[] { 42 }, 42)]
    public void Median_KnownDurations_MiddleOrMeanOfTheMiddleTwo(double[] seconds, double median) =>
        Assert.Equal(TimeSpan.FromSeconds(median), RunExpectation.Median(seconds));

    [Fact]
    public void Median_NoDurations_IsNull() => Assert.Null(RunExpectation.Median([]));

    [Theory]
    [InlineData(180, "about 12 min left")]
    [InlineData(690, "about 4 min left")] // 3:30 left rounds up
    [InlineData(840, "about 1 min left")]
    [InlineData(870, "under 1 min left")]
    [InlineData(900, "under 1 min left")]
    [InlineData(905, "1 min over usual")]
    [InlineData(1200, "5 min over usual")]
    [InlineData(1259, "5 min over usual")] // 5:59 over rounds down
    [InlineData(900 + 4800, "1 h 20 min over usual")]
    public void ExpectationText_FifteenMinutesUsual_LeftOrOver(int elapsedSeconds, string text)
    {
        var usual = new RunExpectation(TimeSpan.FromMinutes(15), 20);

        Assert.Equal(text, ExpectationText.Of(usual.Progress(TimeSpan.FromSeconds(elapsedSeconds))));
    }

    [Fact]
    public void Progress_ThreeOfFifteenMinutes_FifthOfTheWayNotOver()
    {
        var progress = new RunExpectation(TimeSpan.FromMinutes(15), 20).Progress(TimeSpan.FromMinutes(3));

        Assert.Equal(0.2, progress.Fraction, 6);
        Assert.Equal(TimeSpan.FromMinutes(12), progress.Remaining);
        Assert.False(progress.Overrun);
        Assert.Equal("about 2 h left", ExpectationText.Of(new RunExpectation(TimeSpan.FromHours(3), 5).Progress(TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Progress_PastTheUsual_FullAndOverrun()
    {
        var progress = new RunExpectation(TimeSpan.FromMinutes(15), 20).Progress(TimeSpan.FromMinutes(40));

        Assert.Equal(1, progress.Fraction);
        Assert.True(progress.Overrun);
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    public void Ordinal_Numbers_EnglishSuffixes(int n, string text) => Assert.Equal(text, StreakText.Ordinal(n));

    [Theory]
    [InlineData(RunOutcomes.Failed, 3, "3rd failure in a row")]
    [InlineData(RunOutcomes.Incomplete, 2, "2nd incomplete run in a row")]
    [InlineData(RunOutcomes.Passed, 5, "5th pass in a row")]
    [InlineData(RunOutcomes.Failed, 1, null)]
    public void Streak_OutcomesInARow_Words(string outcome, int count, string? text) =>
        Assert.Equal(text, StreakText.Streak(new RunStreak(outcome, count)));

    [Fact]
    public void Line_FailingSinceAPassTwoDaysAgo_StreakAndLastPass()
    {
        var now = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        var record = new AgentTrackRecord([], new RunStreak(RunOutcomes.Failed, 3), now.AddDays(-2).AddHours(-3));

        Assert.Equal("3rd failure in a row · last passed 2 days ago", StreakText.Line(record, now));
        Assert.Equal("last passed 5 h ago", StreakText.Line(record with { Streak = new RunStreak(RunOutcomes.Failed, 1), LastPassedAt = now.AddHours(-5) }, now));
        Assert.Equal("no pass on record", StreakText.Line(record with { Streak = new RunStreak(RunOutcomes.Failed, 1), LastPassedAt = null }, now));
        Assert.Null(StreakText.Line(record with { Streak = new RunStreak(RunOutcomes.Passed, 1) }, now));
        Assert.Equal("1 day ago", StreakText.Ago(TimeSpan.FromHours(30)));
    }

    [Fact]
    public void With_RunSeenToFinish_AddedOnceAndTheStreakMoves()
    {
        var start = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        var record = new AgentTrackRecord([new PastRun("f1", RunOutcomes.Failed, start, start.AddMinutes(2))], new RunStreak(RunOutcomes.Failed, 1), null);

        var lost = record.With(new PastRun("f2", RunOutcomes.Lost, start.AddHours(1), null));
        var failed = lost.With(new PastRun("f2", RunOutcomes.Failed, start.AddHours(1), start.AddHours(1.1)));
        var passed = failed.With(new PastRun("p1", RunOutcomes.Passed, start.AddHours(2), start.AddHours(2.5)));

        Assert.Equal(new RunStreak(RunOutcomes.Failed, 1), lost.Streak); // Lost neither breaks nor extends it.
        Assert.Equal(["f2", "f1"], failed.Last.Select(r => r.ExecutionId));
        Assert.Equal(new RunStreak(RunOutcomes.Failed, 2), failed.Streak);
        Assert.Same(failed, failed.With(new PastRun("f2", RunOutcomes.Failed, start.AddHours(1), start.AddHours(1.1))));
        Assert.Equal(new RunStreak(RunOutcomes.Passed, 1), passed.Streak);
        Assert.Equal(start.AddHours(2.5), passed.LastPassedAt);
    }

    [Fact]
    public void RunLink_NameWithSpaceAndSlash_EscapedPathAndFragment()
    {
        Assert.Equal("agents/lab-b/win%2010%2Fx#run-e%231", HistoryLinks.Run("lab-b", "win 10/x", "e#1"));
    }
}
