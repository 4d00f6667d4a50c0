using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.EndToEnd;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>
/// The pace of polls through the whole host on a fake clock, counted where the Eggplant server would count it (the
/// simulator's status requests): a quiet board is asked every 15 s and never looks stale, a run brings back 2 s, and
/// a failing server is asked less and less often, up to a minute apart, without the watchdog taking that for a stall.
/// </summary>
public sealed class AdaptivePollingTests
{
    private static readonly TimeSpan Active = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Poller_QuietBoard_AsksEvery15sNeverLooksStaleAndARunBringsBack2s()
    {
        var clock = new WatchdogWatchingClock(DateTimeOffset.UtcNow);
        await using var host = await SutWebHost.StartOnClockAsync(clock, Settings(new() { ["Simulator:AgentCount"] = "0" }));
        var poller = host.Services.GetRequiredService<PollerStatus>();
        await host.PutAgentAsync("lab-1", WireAgents.Agent("lab-1", 5401));
        await PollAsync(host, clock);
        Assert.Single(host.Board.Current.Agents);

        // A minute without a change at 2 s, then 15 s.
        for (var polls = 1; host.Board.Current.Health.PollIntervalSeconds != Idle.TotalSeconds; polls++)
        {
            Assert.True(polls <= 31, "still polling every 2 s a minute after the last change");
            Assert.Equal(Active.TotalSeconds, host.Board.Current.Health.PollIntervalSeconds);
            await PollAsync(host, clock);
        }

        for (var round = 0; round < 4; round++)
        {
            var requests = (await host.GetStatsAsync()).StatusRequests;
            var polls = poller.CompletedPolls;
            for (var second = 1; second <= 14; second++)
            {
                await StepAsync(host, clock);
                Assert.True(UpstreamFreshness.IsFresh(host.Board.Current.Health, clock.GetUtcNow()), $"fresh {second} s after the last poll");
            }
            // 14 s after the last poll: stale at 2 s (three intervals are 6 s), fresh at 15 s; so say the page and /readyz.
            Assert.Contains("updated 14 s ago", await host.Http.GetStringAsync("/"));
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/readyz")).StatusCode);
            Assert.Equal(0, (await host.GetStatsAsync()).StatusRequests - requests);
            await StepAsync(host, clock);
            await Eventually.UntilAsync(() => poller.CompletedPolls > polls, "the poll 15 s after the last has finished");
            Assert.Equal(1, (await host.GetStatsAsync()).StatusRequests - requests);
            Assert.Equal(Idle.TotalSeconds, host.Board.Current.Health.PollIntervalSeconds);
        }

        // A run starts between two polls: the next poll sees it, and the one after comes 2 s later.
        await host.PutAgentAsync("lab-1", WireAgents.Agent("lab-1", 5401, "Running"));
        for (var second = 1; second <= 15; second++)
        {
            await StepAsync(host, clock);
        }
        await Eventually.UntilAsync(() => host.Board.Current.Agents[0].State == AgentState.Running, "the board shows the run");
        await Eventually.UntilAsync(() => host.Board.Current.Health.PollIntervalSeconds == Active.TotalSeconds, "health says 2 s");
        var afterRun = (await host.GetStatsAsync()).StatusRequests;
        var completed = poller.CompletedPolls;
        await StepAsync(host, clock);
        await StepAsync(host, clock);
        await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the poll 2 s after the run was seen has finished");
        Assert.Equal(1, (await host.GetStatsAsync()).StatusRequests - afterRun);
        Assert.True(UpstreamFreshness.IsFresh(host.Board.Current.Health, clock.GetUtcNow()));
    }

    [Fact]
    public async Task Poller_ServerFailing_BacksOffWithJitterUpToAMinuteWithoutAStallAndReturnsTo2sOnTheFirstSuccess()
    {
        var clock = new WatchdogWatchingClock(DateTimeOffset.UtcNow);
        // The simulator's agents run: the pace is 2 s.
        await using var host = await SutWebHost.StartOnClockAsync(clock, Settings(new() { ["Eggplant:CircuitBreakerFailures"] = "1000" }));
        var poller = host.Services.GetRequiredService<PollerStatus>();
        await PollAsync(host, clock);
        Assert.Equal(Active, poller.Interval);
        await host.SetFaultAsync("http500");

        var waits = new List<TimeSpan>();
        while (poller.Interval < PollPace.MaxBackoff / 2)
        {
            Assert.True(waits.Count < 20, "the waits do not grow");
            var requests = (await host.GetStatsAsync()).StatusRequests;
            await PollAsync(host, clock);
            Assert.Equal(1, (await host.GetStatsAsync()).StatusRequests - requests);
            waits.Add(poller.Interval);
            // Every view is told the wait in force.
            Assert.Equal(poller.Interval.TotalSeconds, host.Board.Current.Health.PollIntervalSeconds);
        }
        Assert.All(waits.Take(PollPace.FailuresAtPace), wait => Assert.Equal(Active, wait));
        Assert.All(waits, wait => Assert.InRange(wait, Active, PollPace.MaxBackoff));
        Assert.True(waits.Skip(PollPace.FailuresAtPace).Any(wait => wait.Ticks % Active.Ticks != 0), "the back-off is jittered");
        Assert.Equal(UpstreamState.Unreachable, host.Board.Current.Health.State);

        // The longest waits, one watchdog tick (2 s) at a time, each judged by it: at 2 s it would call 21 s a stall.
        for (var wait = 0; wait < 3; wait++)
        {
            var interval = poller.Interval;
            var requests = (await host.GetStatsAsync()).StatusRequests;
            var completed = poller.CompletedPolls;
            var elapsed = TimeSpan.Zero;
            for (; elapsed + Active < interval; elapsed += Active)
            {
                var looked = clock.WatchdogReads;
                await StepAsync(host, clock, Active);
                await Eventually.UntilAsync(() => clock.WatchdogReads > looked, "the watchdog has judged the step");
            }
            Assert.Equal(requests, (await host.GetStatsAsync()).StatusRequests);
            await StepAsync(host, clock, interval - elapsed);
            await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the backed-off poll has finished");
            Assert.InRange(poller.Interval, PollPace.MaxBackoff / 2, PollPace.MaxBackoff);
        }
        Assert.False(poller.Stalled);
        Assert.False(PollerWatchdog.Reports(host.Board.Current.Health));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("the poller is stalled", StringComparison.Ordinal));
        using (var readyz = await host.Http.GetAsync("/readyz"))
        {
            var check = JsonDocument.Parse(await readyz.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("eggplant-upstream");
            Assert.False(check.GetProperty("data").GetProperty("pollerStalled").GetBoolean());
        }

        await host.SetFaultAsync("none");
        await PollAsync(host, clock);
        Assert.Equal(UpstreamState.Healthy, host.Board.Current.Health.State);
        Assert.Equal(Active, poller.Interval);
        Assert.Equal(Active.TotalSeconds, host.Board.Current.Health.PollIntervalSeconds);
        var recovered = (await host.GetStatsAsync()).StatusRequests;
        await PollAsync(host, clock);
        Assert.Equal(1, (await host.GetStatsAsync()).StatusRequests - recovered);
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Eggplant:PollInterval"] = Active.ToString(),
            ["Eggplant:IdlePollInterval"] = Idle.ToString(),
            ["Eggplant:RetryCount"] = "0",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The wait in force on the fake clock, until the poll it was waiting for has finished.</summary>
    private static async Task PollAsync(SutWebHost host, WatchdogWatchingClock clock)
    {
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var completed = poller.CompletedPolls;
        clock.Advance(poller.Interval);
        await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the poll has finished");
    }

    /// <summary>A step on the fake clock (a second unless given), then until no poll is on its way (requests made match polls finished).</summary>
    private static async Task StepAsync(SutWebHost host, WatchdogWatchingClock clock, TimeSpan? step = null)
    {
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var (polls, requests) = (poller.CompletedPolls, (await host.GetStatsAsync()).StatusRequests);
        clock.Advance(step ?? Second);
        await Eventually.UntilAsync(async () => poller.CompletedPolls - polls == (await host.GetStatsAsync()).StatusRequests - requests,
            "no poll is on its way");
    }
}
