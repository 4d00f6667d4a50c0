using System.Text.Json.Nodes;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Hosting;
using SutWeb.Bench.Parsing;
using SutWeb.Bench.Reporting;
using SutWeb.Monitoring;
using SutWeb.Shared.Mapping;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 12, fourth bench row: ten sources of 1,000 agents each on one board, each polled every 2 s by its own poller,
/// with about one agent in a hundred changing on each server between two polls (most agents run, so the pace stays at
/// 2 s). The host runs in a process of its own: its CPU time and allocations over a window, over the polls the servers
/// counted, give the cost of one poll of one source (HTTP, parse, map, diff and the merge into the 10,000-agent board);
/// over the board's updates with 0 and N hub clients connected, the cost of one update fanned out to N subscribers.
/// </summary>
public static class ManySources
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private const double ChangedPerPoll = 0.01;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(20);

    public static async Task<List<SourcesWindow>> MeasureAsync(int sources, int agentsPerSource, IReadOnlyList<int> hubClients, TimeSpan window)
    {
        await using var servers = await SourceServers.StartAsync(sources);
        var generators = Enumerable.Range(0, sources).Select(i => new WirePayloadGenerator(100 + i)).ToList();
        var answers = generators.Select(g => g.Agents(agentsPerSource)).ToList();
        for (var i = 0; i < sources; i++)
        {
            servers.Servers[i].AnswerStatus(WirePayloadGenerator.Serialize(answers[i]));
        }
        await using var host = await ChildHost.StartAsync(servers.HostSettings(PollInterval, TimeSpan.FromSeconds(15)), countAllocations: true);
        await host.WaitForBoardAsync(version: 1, agents: sources * agentsPerSource, TimeSpan.FromSeconds(120));

        // Each server's answer moves on once per poll interval, at a phase of its own.
        using var stop = new CancellationTokenSource();
        var changers = Enumerable.Range(0, sources).Select(i => ChangeAsync(servers.Servers[i], generators[i], answers[i], PollInterval * i / sources, stop.Token)).ToList();
        var clients = new List<FanoutClient>();
        var windows = new List<SourcesWindow>();
        try
        {
            // Untimed: the host's start (tiered JIT, first allocations of its pools) and the first rounds of changes.
            await Task.Delay(Warmup);
            foreach (var count in new[] { 0 }.Concat(hubClients.Order()))
            {
                // Subscribers that take no snapshot: 10,000 agents each would measure snapshots, not the fan-out of updates.
                await FanoutScenario.ConnectAsync(host.BaseAddress, clients, count, resync: false);
                // Polls held up by the connections catch up with their schedule before the window opens.
                await Task.Delay(PollInterval * 2);
                var start = await host.MetricsAsync(reset: true);
                var startPolls = servers.StatusRequests;
                var startGaps = clients.Sum(c => c.Gaps);
                var startedAt = DateTimeOffset.UtcNow;
                await Task.Delay(window);
                var end = await host.MetricsAsync(samples: true);
                var polls = servers.StatusRequests - startPolls;
                var endedAt = DateTimeOffset.UtcNow;
                var diffs = clients.Sum(c => c.Deliveries().Count(d => d.ReceivedAt >= startedAt && d.ReceivedAt < endedAt));
                var measured = new SourcesWindow(count, (end.AtUnixMs - start.AtUnixMs) / 1000, polls, end.BoardVersion - start.BoardVersion,
                    end.CpuMs - start.CpuMs, end.AllocatedBytes - start.AllocatedBytes, count == 0 ? 0 : diffs / (double)count,
                    Distribution.Of(end.Samples.GetValueOrDefault(MeterRecorder.PollHttp)?.Select(s => s.Value) ?? []),
                    end.HubDropped - start.HubDropped, clients.Sum(c => c.Gaps) - startGaps);
                windows.Add(measured);
                Console.WriteLine($"{sources} sources × {agentsPerSource} agents, {count} hub clients: {polls} polls, {measured.BoardUpdates} board updates, "
                    + $"{measured.CpuMsPerPoll:0.0} ms CPU and {Format.KiB(measured.AllocatedBytesPerPoll)} per poll, host CPU {measured.CpuPercent:0} %");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(changers);
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
        return windows;
    }

    /// <summary>
    /// The poller's own work per poll of one source, in this process on one thread, without HTTP or subscribers: map the
    /// answer (re-reading only the agents whose JSON changed), then publish it to a board that holds every source's
    /// agents, where it is diffed against that source's agents and merged with the others'. Answers alternate between
    /// two about 1 % apart, as in the <c>parse</c> scenario's <c>WholePoll</c>. Times are the thread's CPU time (Linux's
    /// schedstat), which other work on a shared machine moves less than the wall clock; elsewhere the wall clock.
    /// </summary>
    public static InProcessPollCost MeasureInProcess(int sources, int agentsPerSource, int rounds)
    {
        var board = new AgentBoard();
        var mappers = new List<IncrementalAgentViewMapper>();
        var answers = new List<byte[][]>();
        for (var i = 0; i < sources; i++)
        {
            var generator = new WirePayloadGenerator(100 + i);
            var before = generator.Agents(agentsPerSource);
            answers.Add([WirePayloadGenerator.Serialize(before), WirePayloadGenerator.Serialize(generator.Next(before, ChangedPerPoll))]);
            mappers.Add(new IncrementalAgentViewMapper(AgentViewLimits.Default, SourceServers.Id(i), SourceServers.Id(i)));
        }
        var (mapNs, publishNs, mapBytes, publishBytes) = (0L, 0L, 0L, 0L);
        // 40 rounds to warm (every source on the board, the tiered JIT's last tier), then the measured ones.
        for (var round = 0; round < 40 + rounds; round++)
        {
            if (round == 40)
            {
                (mapNs, publishNs, mapBytes, publishBytes) = (0L, 0L, 0L, 0L);
            }
            for (var i = 0; i < sources; i++)
            {
                var (cpu, allocated) = (ThreadCpuNs(), GC.GetAllocatedBytesForCurrentThread());
                var agents = mappers[i].Map(answers[i][round % 2]);
                var (mapped, mappedAllocated) = (ThreadCpuNs(), GC.GetAllocatedBytesForCurrentThread());
                board.PublishAgents(SourceServers.Id(i), agents, DateTimeOffset.UtcNow);
                mapNs += mapped - cpu;
                publishNs += ThreadCpuNs() - mapped;
                mapBytes += mappedAllocated - allocated;
                publishBytes += GC.GetAllocatedBytesForCurrentThread() - mappedAllocated;
            }
        }
        var polls = (double)sources * rounds;
        return new InProcessPollCost(mapNs / polls / 1e6, publishNs / polls / 1e6, mapBytes / polls, publishBytes / polls);
    }

    private static long ThreadCpuNs() =>
        File.Exists("/proc/thread-self/schedstat")
            ? long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000_000 / System.Diagnostics.Stopwatch.Frequency);

    private static async Task ChangeAsync(ScriptedEggplantServer server, WirePayloadGenerator generator, List<JsonObject> agents,
        TimeSpan phase, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(phase, cancellationToken);
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                agents = generator.Next(agents, ChangedPerPoll);
                server.AnswerStatus(WirePayloadGenerator.Serialize(agents));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
