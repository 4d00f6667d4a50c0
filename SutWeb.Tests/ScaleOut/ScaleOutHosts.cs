using Microsoft.Extensions.DependencyInjection;
using SutWeb.Monitoring;
using SutWeb.ScaleOut;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>In-process replicas sharing the run's Redis under one key prefix, polling another host's simulator.</summary>
internal static class ScaleOutHosts
{
    /// <summary>A plain host whose embedded simulator stands in for the one Eggplant server every replica polls.</summary>
    public static Task<SutWebHost> StartUpstreamAsync() => SutWebHost.StartAsync();

    public static Task<SutWebHost> StartReplicaAsync(
        RedisFixture redis,
        string prefix,
        SutWebHost? upstream,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ScaleOut:Redis"] = redis.ConnectionString,
            ["ScaleOut:KeyPrefix"] = prefix,
        };
        if (upstream is not null)
        {
            settings["Eggplant:BaseUrl"] = new Uri(upstream.BaseAddress, "simulator/").ToString();
            settings["Eggplant:Username"] = "sutweb";
            settings["Eggplant:Password"] = "simulator";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return SutWebHost.StartAsync(settings);
    }

    public static ILeadership Leadership(this SutWebHost host) => host.Services.GetRequiredService<ILeadership>();

    public static ReplicaRole Role(this SutWebHost host) => host.Leadership().Role;

    public static long Polls(this SutWebHost host) => host.Services.GetRequiredService<PollerStatus>().CompletedPolls;

    /// <summary>The one replica that leads, once exactly one does and every other follows.</summary>
    public static async Task<SutWebHost> LeaderAsync(params SutWebHost[] replicas)
    {
        await Eventually.UntilAsync(
            () => replicas.Count(r => r.Role() == ReplicaRole.Leader) == 1 && replicas.Count(r => r.Role() == ReplicaRole.Follower) == replicas.Length - 1,
            "exactly one replica leads and the others follow");
        return replicas.Single(r => r.Role() == ReplicaRole.Leader);
    }
}
