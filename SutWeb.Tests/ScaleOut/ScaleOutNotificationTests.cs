using SutWeb.Notifications.Delivery;
using SutWeb.Tests.History;
using SutWeb.Tests.Notifications;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// Two replicas on one Redis and one PostgreSQL: a failed run is told once (only the leader stores what the rules
/// decide, though both judge the board), and a delivery still pending when the leader goes is sent by the next
/// leader from the shared outbox, with the same delivery id, once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutNotificationTests(RedisFixture redis, PostgresCluster cluster)
{
    [SkippableFact]
    public async Task RunFailed_LeaderGoesWhileTheDeliveryIsPending_TheNextLeaderSendsItOnce()
    {
        redis.Require();
        var database = await cluster.CreateDatabaseAsync("scaleout_outbox");
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Script(new ScriptedAnswer(500)); // the first try fails: the delivery stays pending
        await using var upstream = await ScaleOutHosts.StartUpstreamAsync();
        await upstream.SetActivityAsync(false);
        var settings = new Dictionary<string, string?>
        {
            ["History:Provider"] = "Postgres",
            ["ConnectionStrings:History"] = database,
            ["Notifications:Channels:hook:Type"] = "Webhook",
            ["Notifications:Channels:hook:Url"] = receiver.Url("/hook"),
            ["Notifications:Rules:failed:Events:0"] = "RunFailed",
            ["Notifications:Rules:failed:Channels:0"] = "hook",
        };
        var prefix = redis.NewPrefix("notify");
        var a = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream, settings);
        var b = await ScaleOutHosts.StartReplicaAsync(redis, prefix, upstream, settings);
        var leader = await ScaleOutHosts.LeaderAsync(a, b);
        await using var follower = leader == a ? b : a;
        const string agent = "scaleout-failing";
        var run = Guid.NewGuid().ToString();
        await upstream.PutAgentAsync(agent, HistoryAgents.WithRun(agent, 7001, run, "Running"));
        await Eventually.UntilAsync(() => follower.Board.Current.Agents.Any(x => x.AgentName == agent), "the follower's board has the run");

        await upstream.PutAgentAsync(agent, HistoryAgents.WithRun(agent, 7001, run, "Failed"));
        await Eventually.UntilAsync(() => receiver.Requests.Count >= 1, "the leader tried to deliver");
        await leader.DisposeAsync();
        await Eventually.UntilAsync(() => receiver.Requests.Count >= 2, "the next leader delivered", TimeSpan.FromSeconds(90));

        Assert.Equal(SutWeb.ScaleOut.ReplicaRole.Leader, follower.Role());
        var ids = receiver.Requests.Select(r => r.Header("X-SutWeb-Delivery")).Distinct().ToList();
        var id = Assert.Single(ids); // one notification, tried twice: never a second one decided by the follower
        // The receiver's 200 is in before the outbox has written it down.
        await Eventually.UntilAsync(async () => (await follower.Deliveries().RecentAsync(100, "hook")).Any(d => d.State == DeliveryState.Sent),
            "the outbox records the delivery as sent");
        var delivery = Assert.Single(await follower.Deliveries().RecentAsync(100, "hook"));
        Assert.Equal((id, DeliveryState.Sent), (delivery.DeliveryId.ToString(), delivery.State));
        Assert.Equal(run, (string?)receiver.Requests[^1].Json["run"]!["executionId"]);
    }
}
