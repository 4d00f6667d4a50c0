using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>The poller on a fake clock against the simulator: every fault kind moves health, agents stay, recovery follows.</summary>
public sealed class StatusPollerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static TheoryData<string, UpstreamState, string> Faults => new()
    {
        { "http500", UpstreamState.Degraded, "500" },
        { "timeout", UpstreamState.Degraded, "Eggplant server" },
        { "malformed", UpstreamState.Degraded, "unreadable status answer" },
        { "html", UpstreamState.Degraded, "HTML page" },
        { "unauthorized", UpstreamState.Unauthorized, "401" },
        { "slow", UpstreamState.Degraded, "Waiting for the Eggplant server" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Poller_Fault_LeavesHealthyWithin3PollsKeepsAgentsAndRecoversWithin2(string fault, UpstreamState expected, string message)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // The slow answer waits on the fake clock; a real-time request timeout must not cut it short on a busy machine.
        await using var host = await StartAsync(clock, fault == "slow" ? new() { ["Eggplant:RequestTimeout"] = "00:01:00" } : null);
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var agents = host.Board.Current.Agents;
        // A slow or timing-out poll is one status request (no retries, no open circuit): requests made minus polls
        // completed are the polls still waiting. Every other fault answers at once, and each tick waits for its poll.
        var (polls, requests) = (poller.CompletedPolls, (await host.GetStatsAsync()).StatusRequests);
        await host.SetFaultAsync(fault, delayMs: 3_000);

        if (fault is "slow" or "timeout")
        {
            // The poll waits for the server: its tick shows as a request; the next two only check that it is overdue,
            // which shows on the board once it is (they may run as one tick: the later one sees the same wait).
            clock.Advance(Interval);
            await Eventually.UntilAsync(async () => (await host.GetStatsAsync()).StatusRequests > requests, "the tick's poll is waiting");
            clock.Advance(Interval * 2);
            await Eventually.UntilAsync(() => host.Board.Current.Health.State != UpstreamState.Healthy, $"health has left Healthy within 3 poll intervals with fault {fault}");
        }
        for (var tick = 1; host.Board.Current.Health.State == UpstreamState.Healthy; tick++)
        {
            Assert.True(tick <= 3, $"health still Healthy after 3 poll intervals with fault {fault}");
            await TickAsync(host, clock);
        }

        // A timed-out poll may first show as overdue (Degraded) and then as timed out (still Degraded).
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == expected, $"health is {expected}");
        Assert.Contains(message, host.Board.Current.Health.LastError);
        Assert.Equal(agents, host.Board.Current.Agents);

        await host.SetFaultAsync("none");
        // A poll still in flight finishes first, once the clock passes its deadline (timeout) or the simulator's
        // delay (slow).
        if (fault is "slow" or "timeout")
        {
            clock.Advance(TimeSpan.FromSeconds(3));
        }
        if (fault is "slow" or "timeout")
        {
            await Eventually.UntilAsync(async () => poller.CompletedPolls - polls == (await host.GetStatsAsync()).StatusRequests - requests,
                "the last faulty poll has finished");
        }
        requests = (await host.GetStatsAsync()).StatusRequests;
        for (var tick = 1; host.Board.Current.Health.State != UpstreamState.Healthy; tick++)
        {
            Assert.True(tick <= 2, $"health not Healthy within 2 polls after fault {fault} cleared");
            await TickAsync(host, clock);
        }
        Assert.InRange((await host.GetStatsAsync()).StatusRequests - requests, 0, 2);
        Assert.Equal(agents, host.Board.Current.Agents);
    }

    [Fact]
    public async Task Poller_FailingForThreeIntervals_BecomesUnreachable()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock);
        await host.SetFaultAsync("http500");

        for (var poll = 1; poll <= 4; poll++)
        {
            await TickAsync(host, clock);
            await Eventually.UntilAsync(() => host.Board.Current.Health.ConsecutiveFailures == poll, $"poll {poll} has failed");
            var expected = poll <= 3 ? UpstreamState.Degraded : UpstreamState.Unreachable;
            Assert.Equal(expected, host.Board.Current.Health.State);
        }
        Assert.NotNull(host.Board.Current.Health.LastSuccessAt);
        Assert.Equal(5, host.Board.Current.Agents.Count);
    }

    [Fact]
    public async Task Poller_CircuitOpen_FailsFastWithoutCallingTheServerAndIsUnreachable()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock, new()
        {
            ["Eggplant:CircuitBreakerFailures"] = "2",
            ["Eggplant:CircuitBreakDuration"] = "01:00:00",
        });
        await host.SetFaultAsync("http500");
        for (var poll = 1; poll <= 2; poll++)
        {
            await TickAsync(host, clock);
            await Eventually.UntilAsync(() => host.Board.Current.Health.ConsecutiveFailures == poll, $"poll {poll} has failed");
        }
        var requests = (await host.GetStatsAsync()).StatusRequests;

        await TickAsync(host, clock);
        await Eventually.UntilAsync(() => host.Board.Current.Health.ConsecutiveFailures == 3, "the third poll has failed");

        Assert.Equal(UpstreamState.Unreachable, host.Board.Current.Health.State);
        Assert.Contains("paused", host.Board.Current.Health.LastError);
        Assert.Contains("500", host.Board.Current.Health.LastError);
        Assert.Equal(requests, (await host.GetStatsAsync()).StatusRequests);
    }

    [Fact]
    public async Task Poller_HealthTransitions_LogOneLineEachNotOnePerPoll()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock);
        var linesBefore = host.Logs.Lines.Count;
        await host.SetFaultAsync("http500");
        for (var poll = 1; poll <= 6; poll++)
        {
            await TickAsync(host, clock);
            await Eventually.UntilAsync(() => host.Board.Current.Health.ConsecutiveFailures == poll, $"poll {poll} has failed");
        }
        await host.SetFaultAsync("none");
        await TickAsync(host, clock);
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy again");

        var transitions = host.Logs.Lines.Skip(linesBefore).Count(l => l.Contains("upstream health", StringComparison.Ordinal)
            || l.Contains("upstream healthy again", StringComparison.Ordinal));
        Assert.Equal(3, transitions); // Healthy→Degraded, Degraded→Unreachable, back to Healthy
    }

    [Fact]
    public async Task Poller_ChangeThroughControlApi_ReachesTheBoardOnTheNextPoll()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(clock);
        var version = host.Board.Current.Version;
        await host.DeleteAgentAsync(host.Board.Current.Agents[0].AgentName);

        await TickAsync(host, clock);

        await Eventually.UntilAsync(() => host.Board.Current.Agents.Count == 4, "the removed agent has left the board");
        Assert.Equal(version + 1, host.Board.Current.Version);
    }

    private static async Task<SutWebHost> StartAsync(FakeTimeProvider clock, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Eggplant:PollInterval"] = Interval.ToString(),
            ["Eggplant:RetryCount"] = "0",
            ["Eggplant:RequestTimeout"] = "00:00:01",
            ["Eggplant:CircuitBreakerFailures"] = "1000",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        var host = await SutWebHost.StartAsync(settings, s => s.AddSingleton<TimeProvider>(clock));
        await host.SetActivityAsync(false);
        var poller = host.Services.GetRequiredService<PollerStatus>();
        // Should the first poll fail all the same, poll again.
        await Eventually.UntilAsync(async () =>
        {
            if (host.Board.Current.Health.State == UpstreamState.Healthy && host.Board.Current.Agents.Count == 5)
            {
                return true;
            }
            // Each tick here waits for its poll: once the first has completed, none is in flight.
            if (poller.CompletedPolls > 0)
            {
                await TickAsync(host, clock);
            }
            return false;
        }, "a poll has put the simulator's agents on the board");
        // The first poll may have run before activity stopped: take one more so the board matches the simulator.
        await Eventually.UntilAsync(() => poller.CompletedPolls > 0, "the first poll has finished");
        await TickAsync(host, clock);
        return host;
    }

    /// <summary>
    /// One interval in force on the fake clock (the poll interval, or a back-off once polls have failed for a while),
    /// waiting until a poll has completed: the one the tick starts, or the one already in flight that made the tick
    /// skip its poll.
    /// </summary>
    private static async Task TickAsync(SutWebHost host, FakeTimeProvider clock)
    {
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var completed = poller.CompletedPolls;
        clock.Advance(poller.Interval > Interval ? poller.Interval : Interval);
        await Eventually.UntilAsync(() => poller.CompletedPolls > completed, "the tick's poll has finished");
    }
}
