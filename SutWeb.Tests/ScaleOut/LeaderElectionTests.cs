using System.Text.Json;
using SutWeb.Tests.History;
using SutWeb.ScaleOut;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>Two replicas on one Redis and one upstream: one leads and polls, the other follows; failover and Redis loss.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaderElectionTests(RedisFixture redis)
{
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Replicas_TwoOnOneRedis_ExactlyOneLeadsAndOnlyItPolls()
    {
        redis.Require();
        await using var upstream = await ScaleOutHosts.StartUpstreamAsync();
        var prefix = redis.NewPrefix("onepoller");
        await using var a = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream);
        await using var b = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream);

        var leader = await ScaleOutHosts.LeaderAsync(a, b);
        var follower = leader == a ? b : a;
        await Eventually.UntilAsync(() => leader.Polls() >= 2, "the leader polls");
        var polls = leader.Polls();
        var (requests, own) = ((await upstream.GetStatsAsync()).StatusRequests, upstream.Polls());
        await Eventually.UntilAsync(() => leader.Polls() >= polls + 8, "the leader polls eight more times");
        var leaderPolls = leader.Polls() - polls;
        // The upstream host polls its own simulator too: its own polls are not the replicas'.
        var upstreamRequests = (await upstream.GetStatsAsync()).StatusRequests - requests - (upstream.Polls() - own);

        Assert.Equal(0, follower.Polls());
        // One request per poll of the leader's (one may be in flight at either end), not one per replica.
        Assert.InRange(upstreamRequests, leaderPolls - 1, leaderPolls + 2);
        Assert.Equal(ReplicaRole.Leader, leader.Role());
        Assert.Equal(ReplicaRole.Follower, follower.Role());
    }

    [SkippableFact]
    public async Task Leader_Stopped_TheOtherReplicaLeadsWithANewEpochAndPolls()
    {
        redis.Require();
        await using var upstream = await ScaleOutHosts.StartUpstreamAsync();
        var prefix = redis.NewPrefix("handover");
        var a = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream);
        var b = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream);
        SutWebHost? stopped = null;
        try
        {
            var leader = await ScaleOutHosts.LeaderAsync(a, b);
            var follower = leader == a ? b : a;
            var first = await leader.Leadership().WaitToLeadAsync(CancellationToken.None);

            await leader.DisposeAsync();
            stopped = leader;

            await Eventually.UntilAsync(() => follower.Role() == ReplicaRole.Leader, "the other replica leads", Failover);
            var second = await follower.Leadership().WaitToLeadAsync(CancellationToken.None).AsTask().WaitAsync(Failover);
            await Eventually.UntilAsync(() => follower.Polls() >= 3, "the new leader polls");
            Assert.True(second.Epoch > first.Epoch, $"epoch {second.Epoch} follows {first.Epoch}");
            Assert.Contains(follower.Logs.Lines, line => line.Contains($"This replica leads (epoch {second.Epoch})", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var replica in new[] { a, b }.Where(r => r != stopped))
            {
                await replica.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Redis_KilledThenBack_LeaderStopsPollingAndOneLeadsAgain()
    {
        redis.Require();
        await using var upstream = await ScaleOutHosts.StartUpstreamAsync();
        var prefix = redis.NewPrefix("redisloss");
        await using var a = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream);
        await using var b = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream);
        var leader = await ScaleOutHosts.LeaderAsync(a, b);
        var term = await leader.Leadership().WaitToLeadAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => leader.Polls() >= 2, "the leader polls");

        try
        {
            await redis.KillAsync();

            await Eventually.UntilAsync(() => term.Ended.IsCancellationRequested, "the leader's term ends without Redis", Failover);
            // The term's pollers (and recorder, and sender) have stopped, so nothing polls while no replica leads.
            await term.AllStoppedAsync().WaitAsync(Failover);
            Assert.Equal(ReplicaRole.Follower, a.Role());
            Assert.Equal(ReplicaRole.Follower, b.Role());
            var pollsA = a.Polls();
            var pollsB = b.Polls();
            var (requests, own) = ((await upstream.GetStatsAsync()).StatusRequests, upstream.Polls());
            Assert.Contains(leader.Logs.Lines, line => line.Contains($"no longer leads (epoch {term.Epoch}", StringComparison.Ordinal));

            await redis.StartAsync();

            var next = await ScaleOutHosts.LeaderAsync(a, b);
            var nextTerm = await next.Leadership().WaitToLeadAsync(CancellationToken.None).AsTask().WaitAsync(Failover);
            var polledBefore = next == a ? pollsA : pollsB;
            await Eventually.UntilAsync(() => next.Polls() >= polledBefore + 3, "the new leader polls", Failover);
            var newPolls = a.Polls() - pollsA + (b.Polls() - pollsB);
            var newRequests = (await upstream.GetStatsAsync()).StatusRequests - requests - (upstream.Polls() - own);
            // Only the new term's polls reached the upstream after the old term's pollers stopped.
            Assert.InRange(newRequests, newPolls - 1, newPolls + 2);
            // Redis came back empty (no persistence), yet the epoch goes on growing.
            Assert.True(nextTerm.Epoch > term.Epoch, $"epoch {nextTerm.Epoch} follows {term.Epoch}");
        }
        finally
        {
            if (!redis.Server.Running)
            {
                await redis.StartAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Readyz_ScaleOut_NamesEachReplicasRole()
    {
        redis.Require();
        await using var upstream = await ScaleOutHosts.StartUpstreamAsync();
        var prefix = redis.NewPrefix("readyzrole");
        await using var a = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream);
        await using var b = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream);
        var leader = await ScaleOutHosts.LeaderAsync(a, b);
        var follower = leader == a ? b : a;

        Assert.Equal("leader", await RoleAsync(leader));
        Assert.Equal("follower", await RoleAsync(follower));
        Assert.Equal("single", await RoleAsync(upstream));
    }

    private static async Task<string?> RoleAsync(SutWebHost host)
    {
        using var response = await host.Http.GetAsync("readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").GetProperty("eggplant-upstream").GetProperty("data").GetProperty("role").GetString();
    }
}
