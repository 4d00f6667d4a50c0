using System.Net;
using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// The multi-process harness itself: replica processes start on Redis and PostgreSQL and answer, a killed one is gone
/// at once, and the local HAProxy keeps a client on one replica by its cookie and moves it when that one dies. These
/// hold whatever the election and the replication do.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicaHarnessTests(RedisFixture redis, PostgresCluster postgres)
{
    [SkippableFact]
    public async Task ReplicaSet_ThreeReplicas_EachAnswersAndAKilledOneGoesSilent()
    {
        await using var scene = await ScaleOutScene.StartAsync(redis, postgres, "harness", 3, WireAgents.Agent("alpha", 5400, "Running"));
        var replicas = scene.Replicas;

        Assert.Equal(3, replicas.Replicas.Select(r => r.BaseAddress).Distinct().Count());
        var readiness = await replicas.ReadinessAsync();
        Assert.All(readiness.Values, r => Assert.NotEqual(0, r.StatusCode));
        // Someone polls the upstream, and the replicas' /metrics count it.
        await Eventually.UntilAsync(async () => (await Task.WhenAll(replicas.Replicas.Select(r => r.PollsAsync()))).Sum() >= 3,
            "the replicas' metrics count polls", ReplicaSet.Patience);

        var victim = replicas.Replicas[1];
        await victim.KillAsync();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(victim.BaseAddress, "healthz")));
        Assert.Equal(ReplicaReadiness.Unreachable, await victim.ReadinessAsync());
        Assert.Equal(2, replicas.Running.Count);
        foreach (var survivor in replicas.Running)
        {
            using var response = await http.GetAsync(new Uri(survivor.BaseAddress, "healthz"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [SkippableFact]
    public async Task LocalHaproxy_TwoReplicas_KeepsAClientOnOneAndMovesItWhenThatOneIsKilled()
    {
        Skip.If(LocalHaproxy.Unavailable is not null && !BrowserFixture.IsCi, LocalHaproxy.Unavailable);
        await using var scene = await ScaleOutScene.StartAsync(redis, postgres, "haproxy", 2, WireAgents.Agent("alpha", 5400, "Running"));
        // Ready replicas only: the load balancer checks /readyz.
        await Eventually.UntilAsync(async () => (await scene.Replicas.ReadinessAsync()).Values.All(r => r.Ready), "both replicas are ready",
            ReplicaSet.Patience);
        await using var haproxy = await LocalHaproxy.StartAsync([.. scene.Replicas.Replicas.Select(r => (r.Name, r.BaseAddress))]);
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = haproxy.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        using (var first = await http.GetAsync("healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        var stuck = Affinity(cookies, haproxy);
        Assert.NotNull(stuck);
        Assert.Contains(stuck, scene.Replicas.Replicas.Select(r => r.Name));
        for (var i = 0; i < 5; i++)
        {
            using var again = await http.GetAsync("healthz");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(stuck, Affinity(cookies, haproxy));
        }

        await scene.Replicas[stuck].KillAsync();

        // The next requests go to the survivor, which the cookie then names.
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("healthz");
                return response.IsSuccessStatusCode && Affinity(cookies, haproxy) != stuck;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the load balancer sends the client to the surviving replica", ReplicaSet.Patience);
        Assert.Equal(scene.Replicas.Running.Single().Name, Affinity(cookies, haproxy));
    }

    private static string? Affinity(CookieContainer cookies, LocalHaproxy haproxy) =>
        cookies.GetCookies(haproxy.BaseAddress)[LocalHaproxy.CookieName]?.Value;
}
