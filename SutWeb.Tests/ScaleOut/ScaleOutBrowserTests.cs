using Microsoft.Playwright;
using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// A wall behind the load balancer whose replica dies comes back through another replica by itself. In the
/// PostgreSQL collection, with a browser of its own (a class fixture): it needs the run's Redis and database, which
/// only that collection shares, and it must not run while another test there kills Redis or PostgreSQL; the browser
/// collection's tests run beside this collection and would share neither.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutBrowserTests(RedisFixture redis, PostgresCluster postgres, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>
{
    /// <summary>Failover, the load balancer's checks and the page's reconnection back-off; only bounds a hung test.</summary>
    private const float RecoveryTimeout = 120_000;

    [SkippableFact]
    public async Task Wall_ReplicaItSticksToKilled_ShowsLiveDataThroughAnotherReplicaByItself()
    {
        var chromium = browser.Require();
        Skip.If(LocalHaproxy.Unavailable is not null && !BrowserFixture.IsCi, LocalHaproxy.Unavailable);
        await using var scene = await ScaleOutScene.StartAsync(redis, postgres, "wallfailover", 2, WireAgents.Agent("before-kill", 5400, "Running"));
        // Ready: a follower only once the leader's board reached it.
        await Eventually.UntilAsync(async () => (await scene.Replicas.ReadinessAsync()).Values.All(r => r.Ready), "both replicas are ready",
            ReplicaSet.Patience);
        await using var haproxy = await LocalHaproxy.StartAsync([.. scene.Replicas.Replicas.Select(r => (r.Name, r.BaseAddress))]);
        await using var session = await BrowserSession.OpenAsync(chromium, output);
        await session.Page.GotoAsync(new Uri(haproxy.BaseAddress, "wall").ToString());
        await session.WaitForCircuitAsync();
        await Expect(WallEndToEndTests.Tile(session.Page, "before-kill:5400")).ToBeVisibleAsync();
        var stuck = await AffinityAsync(session.Page, haproxy);
        Assert.NotNull(stuck);

        await scene.Replicas[stuck].KillAsync();
        // Live data: an agent that appears only after the kill, so only a poll by the (new) leader shows it.
        await scene.Upstream.PutAgentAsync("after-kill", WireAgents.Agent("after-kill", 5401, "Failed"));

        await Expect(WallEndToEndTests.Tile(session.Page, "after-kill:5401")).ToBeVisibleAsync(new() { Timeout = RecoveryTimeout });
        await Expect(session.Page.GetByTestId("reconnect-banner")).ToBeHiddenAsync(new() { Timeout = RecoveryTimeout });
        await session.WaitForCircuitAsync();
        var now = await AffinityAsync(session.Page, haproxy);
        Assert.Equal(scene.Replicas.Running.Single().Name, now);
        await Expect(WallEndToEndTests.Tile(session.Page, "before-kill:5400")).ToBeVisibleAsync();
    }

    /// <summary>The replica the load balancer's cookie names for this browser.</summary>
    private static async Task<string?> AffinityAsync(IPage page, LocalHaproxy haproxy)
    {
        var cookies = await page.Context.CookiesAsync([haproxy.BaseAddress.ToString()]);
        return cookies.FirstOrDefault(c => c.Name == LocalHaproxy.CookieName)?.Value;
    }
}
