using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Bench.Scenarios;

/// <summary>
/// Issue 12, first bench row: status requests in one hour of one source with 100 agents, counted by the embedded
/// simulator, on a board where nothing runs and on one where runs are always under way, with a fixed 2 s pace and with
/// the adaptive one (2 s / 15 s). The real host (poller, HTTP client, simulator) runs in this process on a fake clock,
/// stepped a second at a time through a settling period and then one simulated hour, as the adaptive-polling tests do:
/// an hour of polls takes a minute or so, and the count is the poller's, not an estimate.
/// </summary>
public static class RequestsPerHour
{
    public const int Agents = 100;
    public static readonly TimeSpan Active = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);
    // Longer than PollPace.ActiveWindow: the board has gone quiet (or not) before the hour starts.
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    public static async Task<PollRateResult> MeasureAsync(bool adaptive, bool busy)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SutWebHost.StartOnClockAsync(clock, new Dictionary<string, string?>
        {
            // Busy: the simulator's own agents with its random activity (on the same fake clock). Idle: agents put below.
            ["Simulator:AgentCount"] = busy ? Agents.ToString(CultureInfo.InvariantCulture) : "0",
            ["Simulator:Seed"] = "12",
            ["Eggplant:PollInterval"] = Active.ToString("c", CultureInfo.InvariantCulture),
            ["Eggplant:IdlePollInterval"] = (adaptive ? Idle : Active).ToString("c", CultureInfo.InvariantCulture),
            ["Eggplant:RetryCount"] = "0",
        });
        var poller = host.Services.GetRequiredService<PollerStatus>();
        if (busy)
        {
            await host.SetActivityAsync(true);
        }
        else
        {
            for (var i = 0; i < Agents; i++)
            {
                await host.PutAgentAsync($"idle-{i:D3}", BenchAgents.Idle($"idle-{i:D3}", 5400 + i));
            }
        }
        var sinceLastPoll = TimeSpan.Zero;
        var start = DateTimeOffset.MinValue;
        long startRequests = 0;
        var (polls, atActive, late) = (0, 0, 0);
        for (var elapsed = TimeSpan.Zero; elapsed < Settle + Hour; elapsed += Step)
        {
            if (elapsed == Settle)
            {
                start = clock.GetUtcNow();
                startRequests = (await host.GetStatsAsync()).StatusRequests;
                (polls, atActive, late) = (0, 0, 0);
            }
            var interval = poller.Interval;
            var completed = poller.CompletedPolls;
            clock.Advance(Step);
            sinceLastPoll += Step;
            if (sinceLastPoll < interval)
            {
                continue;
            }
            // A poll is due at this step: let it finish before the clock moves on, so it happens when it should.
            if (!await Eventually.TryUntilAsync(() => poller.CompletedPolls > completed, TimeSpan.FromSeconds(10), 1))
            {
                late++;
            }
            sinceLastPoll = TimeSpan.Zero;
            polls++;
            if (poller.Interval == Active)
            {
                atActive++;
            }
        }
        var requests = (await host.GetStatsAsync()).StatusRequests - startRequests;
        var result = new PollRateResult(adaptive, busy, requests, (clock.GetUtcNow() - start).TotalSeconds, atActive, polls, late);
        Console.WriteLine($"{(adaptive ? "adaptive" : "fixed 2 s")}, {(busy ? "busy" : "idle")}: {result.PerHour:0} status requests per hour ({atActive} of {polls} polls at 2 s)");
        return result;
    }
}
