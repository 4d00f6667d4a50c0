using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>Batches of board updates, gathered on the board's clock: what every live component renders from.</summary>
public sealed class BoardSubscriptionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadBatches_BurstWithinTheWindowOnTheBoardsClock_ComesAsOneBatch()
    {
        var clock = new TimerWatchingClock(Start);
        var board = new AgentBoard(clock);
        board.PublishAgents([Agent("a", AgentState.Idle)], Start);
        using var subscription = board.Subscribe();
        await using var batches = subscription.ReadBatchesAsync().GetAsyncEnumerator();

        board.PublishAgents([Agent("a", AgentState.Running)], Start);
        var next = batches.MoveNextAsync().AsTask();
        // The batch window is running on the board's clock: what arrives before the clock moves joins the batch.
        await Eventually.UntilAsync(() => clock.Timers > 0, "the batch waits on the board's clock");
        board.PublishAgents([Agent("a", AgentState.Running), Agent("b", AgentState.Idle)], Start);
        board.PublishHealth(new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = Start, PollIntervalSeconds = 2 });
        Assert.False(next.IsCompleted);
        clock.Advance(AgentBoard.BatchWindow);

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(30)));
        var batch = batches.Current;
        Assert.Equal(board.Current.Version, batch.Snapshot.Version);
        Assert.Equal(["a", "b"], batch.Snapshot.Agents.Select(a => a.Key));
        Assert.Equal(UpstreamState.Healthy, batch.Snapshot.Health.State);
        Assert.Equal(new HashSet<string> { "a", "b" }, batch.ChangedKeys);
    }

    [Fact]
    public async Task ReadBatches_SubscriberThatMissedUpdates_StartsAgainFromTheBoard()
    {
        var clock = new TimerWatchingClock(Start);
        var board = new AgentBoard(clock);
        using var subscription = board.Subscribe();
        await using var batches = subscription.ReadBatchesAsync().GetAsyncEnumerator();

        // More diffs than the queue holds: the oldest are dropped and the batch sees a version gap.
        for (var i = 0; i < AgentBoard.SubscriberQueueCapacity + 10; i++)
        {
            board.PublishAgents([Agent("a", i % 2 == 0 ? AgentState.Running : AgentState.Idle)], Start);
        }
        var next = batches.MoveNextAsync().AsTask();
        await Eventually.UntilAsync(() => clock.Timers > 0, "the batch waits on the board's clock");
        clock.Advance(AgentBoard.BatchWindow);

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Same(board.Current.Agents, batches.Current.Snapshot.Agents);
        Assert.Null(batches.Current.ChangedKeys);
    }

    private static AgentView Agent(string key, AgentState state) => new() { Key = key, AgentName = key, State = state };
}
