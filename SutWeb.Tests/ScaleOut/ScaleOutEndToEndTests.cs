using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// Three replica processes on one upstream, one Redis and one database (CONTRACTS section 8, docs/RELIABILITY.md
/// Scale-out): one leader polls for all, every replica's hub clients hold the same board, a killed leader is replaced
/// and Redis going away makes followers unready until it is back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutEndToEndTests(RedisFixture redis, PostgresCluster postgres)
{
    /// <summary>Failover is promised within 15 s (the bench measures it); this only bounds a hung test on a loaded machine.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Replicas_ThreeOnOneUpstream_AskItOncePerIntervalInTotal()
    {
        await using var scene = await ScaleOutScene.StartAsync(redis, postgres, "onepoller", 3, WireAgents.Agent("alpha", 5400, "Running"));
        var leader = await scene.Replicas.LeaderAsync();
        var followers = scene.Replicas.Running.Where(r => r != leader).ToList();

        var followerPolls = await Task.WhenAll(followers.Select(f => f.PollsAsync()));
        var leaderPolls = await leader.PollsAsync();
        var requests = (await scene.Upstream.GetStatsAsync()).StatusRequests;
        await Eventually.UntilAsync(async () => await leader.PollsAsync() >= leaderPolls + 8, "the leader has polled eight more times", Generous);
        var requestsAfter = (await scene.Upstream.GetStatsAsync()).StatusRequests;
        var leaderPollsAfter = await leader.PollsAsync();

        // Counted, not timed: each of the leader's polls is one status request, and nobody else asks. Three pollers
        // would make about three times as many requests as the leader's polls. One poll may be in flight at either end.
        var asked = requestsAfter - requests;
        var polled = leaderPollsAfter - leaderPolls;
        Assert.InRange(asked, polled - 2, polled + 2);
        Assert.Equal(followerPolls, await Task.WhenAll(followers.Select(f => f.PollsAsync())));
    }

    [SkippableFact]
    public async Task Replicas_SimulatorChange_HubClientsOnEveryReplicaHoldTheSameBoardAndVersion()
    {
        await using var scene = await ScaleOutScene.StartAsync(redis, postgres, "oneboard", 3, WireAgents.Agent("alpha", 5400, "Running"));
        await scene.Replicas.LeaderAsync();
        var probes = await Task.WhenAll(scene.Replicas.Running.Select(r => HubProbe.ConnectAsync(r.BaseAddress)));
        try
        {
            await scene.Upstream.PutAgentAsync("beta", WireAgents.Agent("beta", 5401, "Failed"));

            await Eventually.UntilAsync(
                () => probes.All(p => p.State?.FindAgent("beta:5401") is not null) && ScaleOutScene.SameBoard(probes),
                $"every replica's client holds the same board with beta ({ScaleOutScene.Describe(probes)})", Generous);
            var version = probes[0].State!.Version;
            Assert.All(probes, p => Assert.Equal(version, p.State!.Version));
            Assert.All(probes, p => Assert.Equal(new[] { "alpha:5400", "beta:5401" }, p.State!.Agents.Select(a => a.Key)));
        }
        finally
        {
            foreach (var probe in probes)
            {
                await probe.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Replicas_LeaderKilled_AnotherLeadsAndClientsConverge()
    {
        await using var scene = await ScaleOutScene.StartAsync(redis, postgres, "failover", 3, WireAgents.Agent("alpha", 5400, "Running"));
        var leader = await scene.Replicas.LeaderAsync();
        var survivors = scene.Replicas.Running.Where(r => r != leader).ToList();
        var probes = await Task.WhenAll(survivors.Select(r => HubProbe.ConnectAsync(r.BaseAddress, reconnect: true)));
        try
        {
            await leader.KillAsync();
            var requests = (await scene.Upstream.GetStatsAsync()).StatusRequests;

            var next = await scene.Replicas.LeaderAsync(Generous);
            Assert.NotEqual(leader.Name, next.Name);
            // Polls resume: the upstream is asked again, by the new leader.
            await Eventually.UntilAsync(async () => (await scene.Upstream.GetStatsAsync()).StatusRequests >= requests + 3,
                "the upstream is polled again", Generous);
            await scene.Upstream.PutAgentAsync("after-failover", WireAgents.Agent("after-failover", 5402, "Running"));

            await Eventually.UntilAsync(
                () => probes.All(p => p.State?.FindAgent("after-failover:5402") is not null) && ScaleOutScene.SameBoard(probes),
                $"the survivors' clients converge on the new leader's board ({ScaleOutScene.Describe(probes)})", Generous);
            Assert.All(await scene.Replicas.ReadinessAsync(), r => Assert.True(r.Value.Ready, $"{r.Key} is not ready"));
        }
        finally
        {
            foreach (var probe in probes)
            {
                await probe.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Replicas_RedisKilledThenStarted_FollowersUnreadyThenLiveAgain()
    {
        await using var scene = await ScaleOutScene.StartAsync(redis, postgres, "redisdown", 3, WireAgents.Agent("alpha", 5400, "Running"));
        var leader = await scene.Replicas.LeaderAsync();
        var followers = scene.Replicas.Running.Where(r => r != leader).ToList();
        await Eventually.UntilAsync(async () => (await scene.Replicas.ReadinessAsync()).Values.All(r => r.Ready), "every replica is ready", Generous);
        var probes = await Task.WhenAll(scene.Replicas.Running.Select(r => HubProbe.ConnectAsync(r.BaseAddress, reconnect: true)));
        try
        {
            await redis.KillAsync();
            try
            {
                // Their board stops moving; after three poll intervals a load balancer must steer away from them.
                await Eventually.UntilAsync(async () =>
                {
                    var answers = await Task.WhenAll(followers.Select(f => f.ReadinessAsync()));
                    return answers.All(a => a.StatusCode == 503);
                }, "every follower reports not ready on /readyz", Generous);
                // Still serving: every replica's hub answers with the last board.
                foreach (var probe in probes)
                {
                    Assert.NotNull((await probe.GetSnapshotAsync()).FindAgent("alpha:5400"));
                }
            }
            finally
            {
                await redis.StartAsync();
            }

            await scene.Replicas.LeaderAsync(Generous);
            await Eventually.UntilAsync(async () => (await scene.Replicas.ReadinessAsync()).Values.All(r => r.Ready),
                "every replica is ready again", Generous);
            await scene.Upstream.PutAgentAsync("after-redis", WireAgents.Agent("after-redis", 5403, "Running"));
            await Eventually.UntilAsync(
                () => probes.All(p => p.State?.FindAgent("after-redis:5403") is not null) && ScaleOutScene.SameBoard(probes),
                $"every replica's client is live again ({ScaleOutScene.Describe(probes)})", Generous);
        }
        finally
        {
            foreach (var probe in probes)
            {
                await probe.DisposeAsync();
            }
        }
    }
}
