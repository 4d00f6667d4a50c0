using SutWeb.Bench.Reporting;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 16: kill -9 the leader, ten times; each time, how long until another replica's next good poll (the time of
/// the last good poll its <c>/readyz</c> reports, one machine, one clock). A fresh replica replaces each one killed,
/// so every round starts from three.
/// </summary>
public static class FailoverScenario
{
    public const string Name = "failover";
    private const int Kills = 10;
    private const double TargetSeconds = 15;

    public static async Task RunAsync(BenchOptions options, BenchReport report)
    {
        await using var rig = await ScaleOutRig.StartAsync(options.Agents);
        var seconds = new List<double>();
        for (var round = 1; round <= Kills; round++)
        {
            var leader = await rig.Replicas.LeaderAsync();
            var killedAt = DateTimeOffset.UtcNow;
            await leader.KillAsync();
            DateTimeOffset? nextGoodPoll = null;
            var found = await Eventually.TryUntilAsync(async () =>
            {
                foreach (var replica in rig.Replicas.Running)
                {
                    if (await replica.ReadinessAsync() is { IsLeader: true, LastSuccessAt: { } at } && at > killedAt)
                    {
                        nextGoodPoll = at;
                        return true;
                    }
                }
                return false;
            }, TimeSpan.FromSeconds(120), 100);
            if (!found)
            {
                throw new TimeoutException($"Round {round}: no replica polled within 120 s of killing {leader.Name}.");
            }
            seconds.Add((nextGoodPoll!.Value - killedAt).TotalSeconds);
            Console.WriteLine($"round {round}: {leader.Name} killed, next good poll after {seconds[^1]:0.0} s");
            await rig.Replicas.StartAnotherAsync();
        }
        var sorted = seconds.Order().ToList();
        var median = (sorted[(Kills - 1) / 2] + sorted[Kills / 2]) / 2;
        report.Target(new TargetResult(
            $"failover: kill -9 of the leader, {Kills} times",
            $"another replica polls within {TargetSeconds:0} s",
            $"min {sorted[0]:0.0} s, median {median:0.0} s, max {sorted[^1]:0.0} s",
            sorted[^1] <= TargetSeconds));
        report.Figures = new
        {
            replicas = ScaleOutRig.ReplicaCount,
            pollIntervalSeconds = ScaleOutRig.PollInterval.TotalSeconds,
            kills = Kills,
            killToNextGoodPollSeconds = new { min = sorted[0], median, max = sorted[^1], each = seconds },
        };
    }
}
