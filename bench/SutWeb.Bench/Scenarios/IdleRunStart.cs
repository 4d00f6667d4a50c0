using System.Text.Json.Nodes;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Parsing;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 12, third bench row: how long a run that starts on an idle board takes to reach a hub client. One host polls
/// several scripted servers, each a source of its own with its own pace, so that trials run side by side: once every
/// source is idle (its health states the idle interval: nothing ran or changed for a minute), each starts a run on one
/// agent at its own random moment, and the time is taken until the hub client receives that agent as Running. The run
/// then ends, which is a change, so the next round waits for every source to go idle again.
/// </summary>
public static class IdleRunStart
{
    public static readonly TimeSpan Active = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);
    private const int AgentsPerSource = 10;
    private const string Agent = "agent-01";
    private const int Port = 5401;

    /// <returns>Per trial: from the start of the run to its receipt by the hub client, and to the poll that saw it, in ms.</returns>
    public static async Task<List<(double ToHubClientMs, double ToPollMs)>> MeasureAsync(int sources, int rounds)
    {
        await using var servers = await SourceServers.StartAsync(sources);
        foreach (var server in servers.Servers)
        {
            server.AnswerStatus(Answer(running: false));
        }
        await using var host = await ChildHost.StartAsync(servers.HostSettings(Active, Idle));
        await host.WaitForBoardAsync(version: 1, agents: sources * AgentsPerSource, TimeSpan.FromSeconds(60));
        await using var probe = await RunStartProbe.ConnectAsync(host.BaseAddress);
        var random = new Random(12);
        var trials = new List<(double, double)>();
        for (var round = 0; round < rounds; round++)
        {
            var idleAt = DateTimeOffset.UtcNow;
            if (!await Eventually.TryUntilAsync(async () => (await host.MetricsAsync()).SourcePollIntervalsMs is { } paces
                    && paces.Count == sources && paces.Values.All(p => p == Idle.TotalMilliseconds), TimeSpan.FromMinutes(3), 50))
            {
                throw new TimeoutException("The sources did not all go idle within 3 minutes.");
            }
            Console.WriteLine($"round {round + 1}: every source idle after {(DateTimeOffset.UtcNow - idleAt).TotalSeconds:0} s");
            var delays = Enumerable.Range(0, sources).Select(_ => Idle * random.NextDouble()).ToList();
            trials.AddRange(await Task.WhenAll(Enumerable.Range(0, sources).Select(async source =>
            {
                await Task.Delay(delays[source]);
                var key = SourceServers.Key(source, Agent, Port);
                var startedAt = DateTimeOffset.UtcNow;
                servers.Servers[source].AnswerStatus(Answer(running: true));
                (AgentState State, DateTimeOffset ObservedAt, DateTimeOffset ReceivedAt) seen = default;
                if (!await Eventually.TryUntilAsync(() => probe.States.TryGetValue(key, out seen) && seen.State == AgentState.Running, Idle * 3, 5))
                {
                    throw new TimeoutException($"The hub client did not see the run on {key} within {Idle.TotalSeconds * 3:0} s.");
                }
                servers.Servers[source].AnswerStatus(Answer(running: false));
                return ((seen.ReceivedAt - startedAt).TotalMilliseconds, (seen.ObservedAt - startedAt).TotalMilliseconds);
            })));
        }
        return trials;
    }

    private static byte[] Answer(bool running)
    {
        var agents = new List<JsonObject>();
        for (var i = 1; i <= AgentsPerSource; i++)
        {
            var name = $"agent-{i:D2}";
            agents.Add(running && name == Agent ? BenchAgents.Running(name, 5400 + i) : BenchAgents.Idle(name, 5400 + i));
        }
        return WirePayloadGenerator.Serialize(agents);
    }
}
