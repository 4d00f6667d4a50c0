using System.Globalization;
using SutWeb.Bench.Hosting;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// What both scale-out measurements stand on: a throwaway Redis, one upstream (a host whose simulator changes agents
/// every second) and three SutWeb replicas (the Release SutWeb.dll, each a process) polling it every second.
/// </summary>
public sealed class ScaleOutRig : IAsyncDisposable
{
    public const int ReplicaCount = 3;
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private ScaleOutRig(ThrowawayRedis redis, ChildHost upstream, ReplicaSet replicas)
    {
        Redis = redis;
        Upstream = upstream;
        Replicas = replicas;
    }

    public ThrowawayRedis Redis { get; }

    public ChildHost Upstream { get; }

    public ReplicaSet Replicas { get; }

    public static async Task<ScaleOutRig> StartAsync(int agents)
    {
        var redis = new ThrowawayRedis();
        await redis.InitializeAsync();
        if (redis.Unavailable is { } unavailable)
        {
            throw new InvalidOperationException(unavailable);
        }
        // The upstream's own poller hardly runs: only its simulator is measured against.
        var settings = ChildHost.Settings(agents, TimeSpan.FromMinutes(1));
        settings["Eggplant:IdlePollInterval"] = "00:01:00";
        settings["Simulator:ActivityInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture);
        var upstream = await ChildHost.StartAsync(settings);
        var replicas = await ReplicaSet.StartAsync(ReplicaCount, redis.ConnectionString, "bench", new Uri(upstream.BaseAddress, "simulator/"),
            new Dictionary<string, string>
            {
                ["History:Provider"] = "None",
                // 2,000 hub clients per replica in 'scaleout': above the default limit of 1,000.
                ["Hub:MaxConnections"] = "5000",
                ["Eggplant:PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture),
                ["Eggplant:IdlePollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture),
            });
        await replicas.LeaderAsync();
        return new ScaleOutRig(redis, upstream, replicas);
    }

    public async ValueTask DisposeAsync()
    {
        await Replicas.DisposeAsync();
        await Upstream.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
