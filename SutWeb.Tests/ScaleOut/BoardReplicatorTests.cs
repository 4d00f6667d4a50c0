using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Monitoring;
using SutWeb.ScaleOut;
using SutWeb.Shared.Views;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// Two replicas in process on one real Redis, their leadership decided by the test (<see cref="FixedLeadership"/>):
/// the leader polls its simulator, the follower serves the same board from Redis.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BoardReplicatorTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly List<SutWebHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        // A test that killed Redis leaves it running for the next.
        if (!redis.Server.Running && redis.Server.Unavailable is null)
        {
            await redis.StartAsync();
        }
    }

    [SkippableFact]
    public async Task Follower_LeaderPolls_ServesTheSameVersionAndAgentsWithoutPolling()
    {
        var (leader, follower) = await StartPairAsync(nameof(Follower_LeaderPolls_ServesTheSameVersionAndAgentsWithoutPolling));
        // Let the leader's random activity make diffs for a while, then hold the board still.
        await Eventually.UntilAsync(() => leader.Board.Current.Version >= 3, "the leader's board has changed a few times", Generous);
        await leader.SetActivityAsync(false);

        await Eventually.UntilAsync(() => SameBoard(leader.Board.Current, follower.Board.Current), "the follower holds the leader's board", Generous);
        await using var onLeader = await HubProbe.ConnectAsync(leader.BaseAddress);
        await using var onFollower = await HubProbe.ConnectAsync(follower.BaseAddress);
        await Eventually.UntilAsync(async () =>
        {
            var fromLeader = await onLeader.GetSnapshotAsync();
            var fromFollower = await onFollower.GetSnapshotAsync();
            return SameBoard(fromLeader, fromFollower) && fromLeader.Health.Equals(fromFollower.Health) && fromLeader.ObservedAt == fromFollower.ObservedAt;
        }, "GetSnapshot answers the same on both replicas", Generous);
        Assert.Equal(0, (await follower.GetStatsAsync()).StatusRequests);
    }

    [SkippableFact]
    public async Task HubClient_OnFollower_ConvergesWithTheLeadersBoard()
    {
        var (leader, follower) = await StartPairAsync(nameof(HubClient_OnFollower_ConvergesWithTheLeadersBoard), lead: false);
        await using var probe = await HubProbe.ConnectAsync(follower.BaseAddress);
        await LeaderLeadership(leader).LeadAsync(1, leader.Services);

        await Eventually.UntilAsync(() => leader.Board.Current.Version >= 3, "the leader's board has changed a few times", Generous);
        await leader.SetActivityAsync(false);

        await Eventually.UntilAsync(() => probe.State is { } state && SameBoard(leader.Board.Current, state), "the follower's hub client holds the leader's board", Generous);
        // It followed the diffs as they came, at the leader's versions.
        Assert.Contains(probe.Diffs, d => d.ToVersion == d.FromVersion + 1 && d.ToVersion > 1);
    }

    [SkippableFact]
    public async Task Follower_NewEpoch_TakesTheNewLeadersBoard()
    {
        var (first, second) = await StartPairAsync(nameof(Follower_NewEpoch_TakesTheNewLeadersBoard));
        await Eventually.UntilAsync(() => first.Board.Current.Version >= 2, "the first leader has published", Generous);
        await first.SetActivityAsync(false);
        await Eventually.UntilAsync(() => SameBoard(first.Board.Current, second.Board.Current), "the follower holds the first leader's board", Generous);
        var before = second.Board.Current.Version;
        await using var probe = await HubProbe.ConnectAsync(first.BaseAddress);

        // The second replica's simulator reports other agents than the first's: the board must become its own.
        var gone = (string)(await second.Simulator.AgentsAsync())[0]!["agent_name"]!;
        Assert.Contains(first.Board.Current.Agents, a => a.AgentName == gone);
        await second.Simulator.DeleteAgentAsync(gone);
        await second.SetActivityAsync(false);
        await LeaderLeadership(second).LeadAsync(2, second.Services);
        await LeaderLeadership(first).EndAsync(first.Services);

        await Eventually.UntilAsync(() => second.Board.Current.Agents.All(a => a.AgentName != gone)
            && SameBoard(second.Board.Current, first.Board.Current) && first.Board.Current.Version > before,
            "the deposed leader follows the new leader's board", Generous);
        await Eventually.UntilAsync(() => probe.State is { } state && SameBoard(second.Board.Current, state), "a hub client of the deposed leader converges", Generous);
    }

    [SkippableFact]
    public async Task DeposedLeader_AheadOfTheNewLeader_TurnsStaleThenJumpsToTheNewBoard()
    {
        var (first, second) = await StartPairAsync(nameof(DeposedLeader_AheadOfTheNewLeader_TurnsStaleThenJumpsToTheNewBoard));
        await first.SetActivityAsync(false);
        await second.SetActivityAsync(false);
        await Eventually.UntilAsync(() => SameBoard(first.Board.Current, second.Board.Current), "the follower holds the first leader's board", Generous);

        // Split brain: the second leads while the first still polls, and the first's board runs ahead unpublished.
        await LeaderLeadership(second).LeadAsync(2, second.Services);
        foreach (var agent in await first.Simulator.AgentsAsync())
        {
            if (first.Board.Current.Version > second.Board.Current.Version + 1)
            {
                break;
            }
            var version = first.Board.Current.Version;
            await first.Simulator.DeleteAgentAsync((string)agent!["agent_name"]!);
            await Eventually.UntilAsync(() => first.Board.Current.Version > version, "the first replica polled the change", Generous);
        }
        await LeaderLeadership(first).EndAsync(first.Services);
        var ahead = first.Board.Current.Version;
        Assert.True(ahead > second.Board.Current.Version);

        await Eventually.UntilAsync(async () => await ReadyAsync(first) == HttpStatusCode.ServiceUnavailable,
            "the deposed leader's board, which nobody else has, ages into not ready", Generous);
        Assert.Equal(ahead, first.Board.Current.Version);

        await second.SetActivityAsync(true);
        await Eventually.UntilAsync(() => second.Board.Current.Version > ahead, "the new leader's versions pass the deposed one's", Generous);
        await second.SetActivityAsync(false);
        await Eventually.UntilAsync(() => SameBoard(second.Board.Current, first.Board.Current), "the deposed leader jumps to the new board", Generous);
        await Eventually.UntilAsync(async () => await ReadyAsync(first) == HttpStatusCode.OK, "the deposed leader is ready again", Generous);
    }

    [SkippableFact]
    public async Task Follower_RedisKilled_KeepsItsBoardTurnsNotReadyAndRecovers()
    {
        var (leader, follower) = await StartPairAsync(nameof(Follower_RedisKilled_KeepsItsBoardTurnsNotReadyAndRecovers));
        await Eventually.UntilAsync(() => leader.Board.Current.Version >= 1 && SameBoard(leader.Board.Current, follower.Board.Current),
            "the follower holds the leader's board", Generous);
        await Eventually.UntilAsync(async () => await ReadyAsync(follower) == HttpStatusCode.OK, "the follower is ready", Generous);
        await leader.SetActivityAsync(false);
        await Eventually.UntilAsync(() => SameBoard(leader.Board.Current, follower.Board.Current), "the follower holds the still board", Generous);
        var held = follower.Board.Current;

        await redis.KillAsync();
        await Eventually.UntilAsync(async () => await ReadyAsync(follower) == HttpStatusCode.ServiceUnavailable,
            "the follower reports not ready once its board is three intervals old", Generous);
        Assert.Equal(held.Version, follower.Board.Current.Version);
        Assert.Equal(held.Agents, follower.Board.Current.Agents);
        Assert.False(UpstreamFreshness.IsFresh(follower.Board.Current.Health, DateTimeOffset.UtcNow));

        // Meanwhile the leader's board moves on; the follower takes it when Redis is back.
        await leader.SetActivityAsync(true);
        await Eventually.UntilAsync(() => leader.Board.Current.Version > held.Version, "the leader's board changed", Generous);
        await leader.SetActivityAsync(false);
        await redis.StartAsync();
        await Eventually.UntilAsync(async () => await ReadyAsync(follower) == HttpStatusCode.OK, "the follower is ready again", Generous);
        await Eventually.UntilAsync(() => SameBoard(leader.Board.Current, follower.Board.Current), "the follower holds the leader's board again", Generous);
    }

    [SkippableFact]
    public async Task Follower_LeaderGone_KeepsItsBoardAndTurnsNotReady()
    {
        var (leader, follower) = await StartPairAsync(nameof(Follower_LeaderGone_KeepsItsBoardAndTurnsNotReady));
        await leader.SetActivityAsync(false);
        await Eventually.UntilAsync(() => SameBoard(leader.Board.Current, follower.Board.Current), "the follower holds the leader's board", Generous);
        await Eventually.UntilAsync(async () => await ReadyAsync(follower) == HttpStatusCode.OK, "the follower is ready", Generous);
        var held = follower.Board.Current;

        _hosts.Remove(leader);
        await leader.DisposeAsync();

        await Eventually.UntilAsync(async () => await ReadyAsync(follower) == HttpStatusCode.ServiceUnavailable,
            "the follower reports not ready once the leader's last good poll is three intervals old", Generous);
        Assert.Equal(held.Version, follower.Board.Current.Version);
        Assert.Equal(held.Agents, follower.Board.Current.Agents);
        // It says why: the board is old, not that something is Healthy.
        using var answer = await follower.Http.GetAsync("readyz");
        Assert.Contains("more than 3 poll intervals ago", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task PollNow_OnFollower_IsAskedOfTheLeader()
    {
        // Polls an hour apart: the only poll after the first is the one asked for.
        var (leader, follower) = await StartPairAsync(nameof(PollNow_OnFollower_IsAskedOfTheLeader), hourly: true);
        var onLeader = leader.Services.GetRequiredService<PollerStatus>();
        await Eventually.UntilAsync(() => onLeader.CompletedPolls >= 1 && follower.Board.Current.Version >= 1, "both replicas have a board", Generous);
        var polls = onLeader.CompletedPolls;

        follower.Services.GetRequiredService<PollerStatus>().PollNow();

        await Eventually.UntilAsync(() => onLeader.CompletedPolls > polls, "the leader polls at once when the follower asks", Generous);
    }

    private async Task<(SutWebHost Leader, SutWebHost Follower)> StartPairAsync(string test, bool lead = true, bool hourly = false)
    {
        redis.Require();
        var prefix = redis.NewPrefix(test);
        var leader = await StartReplicaAsync(prefix, hourly);
        var follower = await StartReplicaAsync(prefix, hourly);
        if (lead)
        {
            await LeaderLeadership(leader).LeadAsync(1, leader.Services);
        }
        return (leader, follower);
    }

    private async Task<SutWebHost> StartReplicaAsync(string prefix, bool hourly = false)
    {
        var leadership = new FixedLeadership();
        var settings = new Dictionary<string, string?>
        {
            ["ScaleOut:Redis"] = redis.ConnectionString,
            ["ScaleOut:KeyPrefix"] = prefix,
        };
        if (hourly)
        {
            settings["Eggplant:PollInterval"] = settings["Eggplant:IdlePollInterval"] = "01:00:00";
        }
        var host = await SutWebHost.StartAsync(
            settings,
            services => services.AddSingleton<ILeadership>(leadership));
        _hosts.Add(host);
        return host;
    }

    private static FixedLeadership LeaderLeadership(SutWebHost host) => (FixedLeadership)host.Services.GetRequiredService<ILeadership>();

    private static async Task<HttpStatusCode> ReadyAsync(SutWebHost host)
    {
        using var response = await host.Http.GetAsync("readyz");
        return response.StatusCode;
    }

    private static bool SameBoard(StatusSnapshot a, StatusSnapshot b) =>
        a.Version > 0 && a.Version == b.Version && a.Agents.SequenceEqual(b.Agents);
}
