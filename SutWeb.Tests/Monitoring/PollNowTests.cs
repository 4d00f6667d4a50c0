using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.Operators;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary><see cref="PollerStatus.PollNow"/>: what an abort asks of its source's poller, so the board shows the run's end at once.</summary>
public sealed class PollNowTests
{
    [Fact]
    public async Task PollNow_LongBeforeTheNextTick_PollsAtOnceAndTheBoardShowsTheChange()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
        await using var host = await SutWebHost.StartOnClockAsync(clock, new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = "0",
            ["Eggplant:PollInterval"] = "00:01:00",
            ["Eggplant:IdlePollInterval"] = "00:10:00",
        });
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var polls = poller.CompletedPolls;
        await host.PutAgentAsync("martin2", AbortApiTests.RunningAgent());

        poller.PollNow();

        // The clock has not moved: only the request can have started this poll.
        await Eventually.UntilAsync(() => host.Board.Current.Agents.Any(a => a.AgentName == "martin2" && a.State == AgentState.Running),
            "the new run is on the board without waiting for the next tick");
        await Eventually.UntilAsync(() => poller.CompletedPolls > polls, "that poll has completed");
    }
}
