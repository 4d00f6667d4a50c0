using SutWeb.Monitoring;
using SutWeb.Shared.Diffing;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Monitoring;

/// <summary>What a scale-out follower's board does with the leader's diffs and snapshots.</summary>
public sealed class AgentBoardReplicaTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ApplyReplicated_NextDiff_GivesSubscribersWhatALocalPollGives()
    {
        var leader = new AgentBoard();
        var follower = new AgentBoard();
        using var local = leader.Subscribe();
        using var replica = follower.Subscribe();
        var first = leader.PublishAgents([Agent("a", AgentState.Idle)], At)!;
        var second = leader.PublishAgents([Agent("a", AgentState.Running), Agent("b", AgentState.Idle)], At.AddSeconds(1))!;

        Assert.True(follower.ApplyReplicated(first));
        Assert.True(follower.ApplyReplicated(second));

        Assert.Equal(leader.Current.Version, follower.Current.Version);
        Assert.Equal(leader.Current.Agents, follower.Current.Agents);
        Assert.True(local.Updates.TryRead(out var one));
        Assert.True(replica.Updates.TryRead(out var other));
        Assert.Equal(one.Diff, other.Diff);
        Assert.Equal(one.Agents, other.Agents);
    }

    [Fact]
    public void ApplyReplicated_DiffAfterAGap_IsRefused()
    {
        var leader = new AgentBoard();
        var follower = new AgentBoard();
        leader.PublishAgents([Agent("a", AgentState.Idle)], At);
        var second = leader.PublishAgents([Agent("a", AgentState.Running)], At)!;

        Assert.False(follower.ApplyReplicated(second));
        Assert.Equal(0, follower.Current.Version);
    }

    [Fact]
    public async Task ReplaceFrom_VersionJump_SubscriberBehindSeesAGapAndResynchronises()
    {
        var board = new AgentBoard();
        board.PublishAgents([Agent("a", AgentState.Idle)], At);
        using var updates = board.Subscribe();
        using var batches = board.Subscribe();
        await using var batch = batches.ReadBatchesAsync().GetAsyncEnumerator();
        var snapshot = new StatusSnapshot { Version = 7, ObservedAt = At, Health = UpstreamHealth.Starting, Agents = [Agent("b", AgentState.Running)] };

        Assert.True(board.ReplaceFrom(snapshot, []));

        // The diff leads from version 6: a subscriber at 1 has missed something and takes the board.
        Assert.True(updates.Updates.TryRead(out var update));
        Assert.Equal((6, 7), (update.Diff!.FromVersion, update.Diff.ToVersion));
        Assert.True(await batch.MoveNextAsync());
        Assert.Equal(7, batch.Current.Snapshot.Version);
        Assert.Equal(snapshot.Agents, batch.Current.Snapshot.Agents);
    }

    [Fact]
    public void ReplaceFrom_OneVersionAhead_DiffAppliesToTheOldAgents()
    {
        var board = new AgentBoard();
        board.PublishAgents([Agent("a", AgentState.Idle), Agent("c", AgentState.Idle)], At);
        using var subscription = board.Subscribe();
        var snapshot = new StatusSnapshot { Version = 2, ObservedAt = At, Health = UpstreamHealth.Starting, Agents = [Agent("a", AgentState.Running)] };

        board.ReplaceFrom(snapshot, []);

        Assert.True(subscription.Updates.TryRead(out var update));
        Assert.Equal(snapshot.Agents, StatusDiffApplier.Apply(subscription.Initial, update.Diff!).Agents);
    }

    [Fact]
    public void ReplaceFrom_OlderSnapshot_LeavesTheBoardAsItIs()
    {
        var board = new AgentBoard();
        board.PublishAgents([Agent("a", AgentState.Idle)], At);
        board.PublishAgents([Agent("a", AgentState.Running)], At);
        var older = new StatusSnapshot { Version = 1, ObservedAt = At, Health = UpstreamHealth.Starting, Agents = [] };

        Assert.False(board.ReplaceFrom(older, []));
        Assert.Equal(2, board.Current.Version);
        Assert.Single(board.Current.Agents);
    }

    [Fact]
    public void PublishHealths_LeadersSources_GiveTheLeadersCombinedHealth()
    {
        var leader = new AgentBoard();
        var healthy = new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = At, PollIntervalSeconds = 5 };
        var failing = new UpstreamHealth { State = UpstreamState.Unreachable, LastSuccessAt = At.AddMinutes(-1), LastError = "down", PollIntervalSeconds = 30 };
        leader.PublishHealth("default", "Default", healthy);
        leader.PublishHealth("lab-b", "Lab B", failing);
        var follower = new AgentBoard();

        follower.PublishHealths(leader.ReplicaState().Sources, UpstreamHealth.Starting);

        Assert.Equal(leader.Current.Health, follower.Current.Health);
        Assert.Equal(failing.State, follower.SourceHealth("lab-b").State);
    }

    [Fact]
    public void PublishHealths_OneDefaultSource_GivesItsHealthAsBefore()
    {
        var leader = new AgentBoard();
        leader.PublishHealth("default", "Default", new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = At, PollIntervalSeconds = 5 });
        var follower = new AgentBoard();

        follower.PublishHealths(leader.ReplicaState().Sources, UpstreamHealth.Starting);

        Assert.Equal(leader.Current.Health, follower.Current.Health);
        Assert.Null(follower.Current.Health.Sources);
    }

    private static AgentView Agent(string name, AgentState state) => new() { Key = name, AgentName = name, State = state };
}
