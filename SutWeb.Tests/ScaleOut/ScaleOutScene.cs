using System.Text.Json;
using System.Text.Json.Nodes;
using SutWeb.Tests.History;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.ScaleOut;

/// <summary>
/// One upstream and N replicas on it: the upstream is an in-process host serving the simulator (its own poller asks it
/// once at start and then once an hour, so the simulator's counters are the replicas' requests); the replicas are
/// processes of their own on the run's Redis (a key prefix of the test's own) and one PostgreSQL database of the
/// test's own, as a deployment shares them.
/// </summary>
internal sealed class ScaleOutScene : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private ScaleOutScene(SutWebHost upstream, ReplicaSet replicas)
    {
        Upstream = upstream;
        Replicas = replicas;
    }

    public SutWebHost Upstream { get; }

    public ReplicaSet Replicas { get; }

    public static async Task<ScaleOutScene> StartAsync(RedisFixture redis, PostgresCluster postgres, string test, int replicas,
        params JsonObject[] agents)
    {
        redis.Require();
        var database = await postgres.CreateDatabaseAsync(test.ToLowerInvariant());
        var upstream = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = "0",
            ["Eggplant:PollInterval"] = "01:00:00",
            ["Eggplant:IdlePollInterval"] = "01:00:00",
        });
        try
        {
            await upstream.SetActivityAsync(false);
            foreach (var agent in agents)
            {
                await upstream.PutAgentAsync(agent["agent_name"]!.GetValue<string>(), agent);
            }
            var set = await ReplicaSet.StartAsync(replicas, redis.ConnectionString, redis.NewPrefix(test), new Uri(upstream.BaseAddress, "simulator/"),
                new Dictionary<string, string>
                {
                    ["Eggplant:PollInterval"] = PollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                    ["History:Provider"] = "Postgres",
                    ["ConnectionStrings:History"] = database,
                });
            return new ScaleOutScene(upstream, set);
        }
        catch
        {
            await upstream.DisposeAsync();
            throw;
        }
    }

    /// <summary>The same board, to the version, in every probe's state.</summary>
    public static bool SameBoard(IReadOnlyList<HubProbe> probes) =>
        probes.All(p => p.State is not null)
        && probes.Select(p => p.State!.Version).Distinct().Count() == 1
        && probes.Select(p => JsonSerializer.Serialize(p.State!.Agents, JsonSerializerOptions.Web)).Distinct().Count() == 1;

    /// <summary>What each probe holds, for a failing test's message.</summary>
    public static string Describe(IReadOnlyList<HubProbe> probes) =>
        string.Join("; ", probes.Select(p => $"v{p.State?.Version} [{string.Join(", ", p.State?.Agents.Select(a => a.Key) ?? [])}]"));

    public async ValueTask DisposeAsync()
    {
        await Replicas.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
