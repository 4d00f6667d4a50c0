using System.Diagnostics;
using SutWeb.Bench.Clients;
using SutWeb.Bench.Reporting;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 16: three replicas with 2,000 hub clients each. Every client must receive every diff the leader published
/// during the window, on whichever replica it is; delivery time runs from the leader's poll (the diff's
/// <c>observedAt</c>, one machine, one clock) to the client's handler, across Redis and the follower's board.
/// </summary>
public static class ScaleOutScenario
{
    public const string Name = "scaleout";
    private const int ClientsPerReplica = 2_000;
    private const double P99TargetMs = 1_000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        await using var rig = await ScaleOutRig.StartAsync(options.Agents);
        var leader = await rig.Replicas.LeaderAsync();
        var clients = rig.Replicas.Running.ToDictionary(r => r.Name, _ => new List<FanoutClient>());
        try
        {
            var clock = Stopwatch.StartNew();
            foreach (var replica in rig.Replicas.Running)
            {
                await FanoutScenario.ConnectAsync(replica.BaseAddress, clients[replica.Name], ClientsPerReplica);
            }
            Console.WriteLine($"{clients.Values.Sum(c => c.Count)} hub clients on {clients.Count} replicas connected in {clock.Elapsed.TotalSeconds:0.0} s");

            var first = (await leader.ReadinessAsync()).Version ?? throw new InvalidOperationException("The leader's /readyz has no version.");
            await Task.Delay(Window);
            var last = (await leader.ReadinessAsync()).Version!.Value;
            var all = clients.Values.SelectMany(c => c).ToList();
            // Let the window's last diffs arrive everywhere (bounded).
            await Eventually.TryUntilAsync(() => all.All(c => c.Version >= last), TimeSpan.FromSeconds(15), 50);

            var perReplica = clients.Select(p => (Replica: p.Key, Leads: p.Key == leader.Name, Result: Analyse(p.Value, first, last))).ToList();
            var total = Analyse(all, first, last);
            foreach (var (replica, leads, result) in perReplica)
            {
                Console.WriteLine($"{replica}{(leads ? " (leader)" : "")}: {result.Missed} missed, p50 {result.Latency.P50:0} p99 {result.Latency.P99:0} ms");
            }
            report.Target(new TargetResult(
                $"scale-out: {ScaleOutRig.ReplicaCount} replicas × {ClientsPerReplica:N0} hub clients",
                $"every diff to every client on every replica; p99 ≤ {P99TargetMs:0} ms from the leader's poll",
                $"{last - first} diffs, {total.Missed} of {all.Count * (last - first)} deliveries missed, {total.Gaps} gaps; "
                    + $"p50 {Format.Ms(total.Latency.P50)}, p99 {Format.Ms(total.Latency.P99)}, max {Format.Ms(total.Latency.Max)}",
                last > first && total.Missed == 0 && total.Latency.P99 <= P99TargetMs));
            report.Figures = new
            {
                agents = options.Agents,
                pollIntervalMs = ScaleOutRig.PollInterval.TotalMilliseconds,
                replicas = ScaleOutRig.ReplicaCount,
                hubClientsPerReplica = ClientsPerReplica,
                windowSeconds = Window.TotalSeconds,
                diffsPublished = last - first,
                total = new { missed = total.Missed, gaps = total.Gaps, pollToClientMs = total.Latency },
                byReplica = perReplica.Select(p => new { replica = p.Replica, leader = p.Leads, missed = p.Result.Missed, gaps = p.Result.Gaps, pollToClientMs = p.Result.Latency }),
            };
        }
        finally
        {
            await Task.WhenAll(clients.Values.SelectMany(c => c).Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static (long Missed, int Gaps, Distribution Latency) Analyse(IReadOnlyList<FanoutClient> clients, long first, long last)
    {
        long missed = 0;
        var latencies = new List<double>();
        foreach (var client in clients)
        {
            var inWindow = client.Deliveries().Where(d => d.ToVersion > first && d.ToVersion <= last).ToList();
            missed += (last - first) - inWindow.Select(d => d.ToVersion).Distinct().Count();
            latencies.AddRange(inWindow.Select(d => d.LatencyMs));
        }
        return (missed, clients.Sum(c => c.Gaps), Distribution.Of(latencies));
    }
}
