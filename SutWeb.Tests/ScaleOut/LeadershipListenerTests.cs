using Microsoft.Extensions.DependencyInjection;
using SutWeb.ScaleOut;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>The board replicator's hooks: told before a term's pollers start, and only after they stopped.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeadershipListenerTests(RedisFixture redis)
{
    [SkippableFact]
    public async Task Term_StartedAndEnded_ListenersHearBeforePollersStartAndAfterTheyStopped()
    {
        redis.Require();
        await using var upstream = await ScaleOutHosts.StartUpstreamAsync();
        var replica = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["ScaleOut:Redis"] = redis.ConnectionString,
            ["ScaleOut:KeyPrefix"] = redis.NewPrefix("listener"),
            ["Eggplant:BaseUrl"] = new Uri(upstream.BaseAddress, "simulator/").ToString(),
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "simulator",
        }, services => services.AddSingleton<ILeadershipListener, RecordingListener>());
        var listener = replica.Services.GetServices<ILeadershipListener>().OfType<RecordingListener>().Single();
        var term = await replica.Leadership().WaitToLeadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        await Eventually.UntilAsync(() => replica.Polls() >= 2, "the leader polls");

        await replica.DisposeAsync();

        Assert.Equal([$"taking {term.Epoch} after 0 polls", $"ended {term.Epoch}, services stopped: True"], listener.Heard);
    }
}
