using SutWeb.History;

namespace SutWeb.Tests.History;

public sealed class PendingWritesTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_SameRunTwiceWhileWaiting_OneWriteWithTheNewerState()
    {
        var pending = new PendingWrites(10);

        pending.Add(HistoryStoreTests.Run("e1", "lab-1", At, RunOutcomes.Running));
        pending.Add(HistoryStoreTests.Run("e1", "lab-1", At, RunOutcomes.Passed));

        Assert.Equal(RunOutcomes.Passed, Assert.IsType<RunWrite>(Assert.Single(pending.Take(10))).Outcome);
    }

    [Fact]
    public void Add_PastTheBound_DroppedAndCountedIntoTheSourcesGap()
    {
        var pending = new PendingWrites(2);
        var dropped = new List<HistoryWrite>();
        pending.Dropped += dropped.Add;

        pending.Add(Event(At));
        pending.Add(Event(At.AddSeconds(1)));
        var kept = pending.Add(Event(At.AddSeconds(2)));
        pending.Add(HistoryStoreTests.Run("e9", "lab-1", At.AddSeconds(3), RunOutcomes.Running));

        Assert.False(kept);
        Assert.Equal(2, dropped.Count);
        var gap = Assert.Single(pending.TakeGaps());
        Assert.Equal(("default", At.AddSeconds(2), At.AddSeconds(3), 1, 1), (gap.Source, gap.From, gap.To, gap.DroppedRuns, gap.DroppedEvents));
        Assert.Empty(pending.TakeGaps());
    }

    [Fact]
    public void Take_BatchNotCompleted_SameBatchAgainAndStillCounted()
    {
        var pending = new PendingWrites(2);
        pending.Add(Event(At));
        pending.Add(Event(At.AddSeconds(1)));

        var first = pending.Take(1);
        var again = pending.Take(1);

        Assert.Same(first, again);
        Assert.Equal(2, pending.Count);
        pending.Completed();
        Assert.Equal(1, pending.Count);
    }

    [Fact]
    public async Task WaitAsync_FailedBatchAndNothingNew_ReturnsAtOnceSoTheBatchIsTriedAgain()
    {
        var pending = new PendingWrites(2);
        pending.Add(Event(At));
        await pending.WaitAsync(CancellationToken.None);
        pending.Take(10);

        // The batch failed twice: no Completed(). A quiet board adds nothing, yet the writer must not wait for it.
        var first = pending.WaitAsync(CancellationToken.None);
        var second = pending.WaitAsync(CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
    }

    [Fact]
    public void Add_ReconcileWhenFull_KeptAndReplacesTheOlderOfItsSource()
    {
        var pending = new PendingWrites(1);
        pending.Add(Event(At));

        pending.Add(new ReconcileWrite("default", At, [], new HashSet<string>()));
        pending.Add(new ReconcileWrite("default", At.AddSeconds(5), [], new HashSet<string>()));

        var batch = pending.Take(10);
        Assert.Equal(2, batch.Count);
        Assert.Equal(At.AddSeconds(5), Assert.IsType<ReconcileWrite>(batch[1]).At);
    }

    private static EventWrite Event(DateTimeOffset at) => new("default", at, "lab-1", 1, AgentEventKinds.Connected, "Idle", null);
}
