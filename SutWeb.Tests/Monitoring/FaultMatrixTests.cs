using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Shared.Views;
using SutWeb.Tests.Shared;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>
/// The rows of the fault matrix (docs/RELIABILITY.md) that the simulator's answer-level fault kinds do not cover: a
/// server that is down, a name that does not resolve, tokens that expire all the time, and answers that stall, drip
/// or break off at the socket. Each keeps the agents, names the cause, logs no unhandled error, and recovers by itself.
/// </summary>
public sealed class FaultMatrixTests
{
    [Fact]
    public async Task Upstream_PortRefusingConnections_IsUnreachableThenRecoversWhenTheServerIsBack()
    {
        var port = SutWebHost.FreePort();
        var eggplant = await ScriptedEggplantServer.StartAsync(port);
        eggplant.AnswerStatus(Encoding.UTF8.GetBytes(PayloadFuzzTests.Fixtures[0]));
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = eggplant.BaseUrl,
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "scripted",
            ["Eggplant:RetryCount"] = "1",
        });
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy");
        var agents = host.Board.Current.Agents;

        await eggplant.DisposeAsync(); // the server goes down: its port now refuses connections
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unreachable, "unreachable");
        Assert.Contains($"Cannot reach the Eggplant server at 127.0.0.1:{port}", host.Board.Current.Health.LastError);
        Assert.Equal(agents, host.Board.Current.Agents);

        await using var back = await ScriptedEggplantServer.StartAsync(port);
        back.AnswerStatus(Encoding.UTF8.GetBytes(PayloadFuzzTests.Fixtures[0]));
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy, "healthy again");
        Assert.Equal(agents, host.Board.Current.Agents);
        AssertNoUnhandledErrors(host);
    }

    [Fact]
    public async Task Upstream_UnresolvableHostName_IsUnreachableNamingTheHost()
    {
        // A 70-character label is refused by the resolver library itself: no DNS query leaves the machine.
        var host70 = new string('a', 70) + ".invalid";
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Eggplant:BaseUrl"] = $"http://{host70}/",
            ["Eggplant:Username"] = "sutweb",
            ["Eggplant:Password"] = "scripted",
            ["Eggplant:RetryCount"] = "0",
        });

        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Unreachable, "unreachable");

        Assert.Contains(host70, host.Board.Current.Health.LastError);
        Assert.Empty(host.Board.Current.Agents);
        AssertNoUnhandledErrors(host);
    }

    [Fact]
    public async Task Tokens_ExpiringEvery5sFor10Minutes_NeverInterruptTheBoard()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SutWebHost.StartOnClockAsync(clock, new Dictionary<string, string?> { ["Eggplant:PollInterval"] = "00:00:01", ["Simulator:TokenLifetime"] = "00:00:05" });
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var agents = host.Board.Current.Agents;
        var before = await host.GetStatsAsync();

        for (var second = 1; second <= 600; second++)
        {
            var completed = poller.CompletedPolls;
            clock.Advance(TimeSpan.FromSeconds(1));
            await Eventually.UntilAsync(() => poller.CompletedPolls > completed, $"the poll at {second} s has finished");
            Assert.Equal(UpstreamState.Healthy, host.Board.Current.Health.State);
        }

        var after = await host.GetStatsAsync();
        Assert.Equal(600, after.StatusRequests - before.StatusRequests); // no call needed a retry after a 401
        Assert.InRange(after.AuthRequests - before.AuthRequests, 100, 150); // a new token about every 5 s
        Assert.Equal(agents, host.Board.Current.Agents);
        AssertNoUnhandledErrors(host);
    }

    [Theory]
    [InlineData("stall-body", "did not send its whole answer within 2 s")]
    [InlineData("drip", "did not send its whole answer within 2 s")]
    [InlineData("reset", "broke off during the answer")]
    public async Task Upstream_AnswerThatStallsDripsOrBreaksOff_KeepsPollingAndTheFirstGoodAnswerBringsTheBoardBack(string fault, string message)
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Eggplant:RequestTimeout"] = "00:00:02" });
        await host.SetActivityAsync(false);
        var poller = host.Services.GetRequiredService<PollerStatus>();
        var agents = (await host.Simulator.AgentsAsync()).Count;
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy && host.Board.Current.Agents.Count == agents,
            "healthy, with the simulator's agents");

        await host.SetFaultAsync(fault);
        await Eventually.UntilAsync(() => host.Board.Current.Health.LastError?.Contains(message, StringComparison.Ordinal) == true, "the fault is seen");
        await host.PutAgentAsync("added-during-the-fault", new JsonObject { ["agent_name"] = "added-during-the-fault", ["port"] = 5400, ["process_id"] = 0 });
        var completed = poller.CompletedPolls;
        await Eventually.UntilAsync(() => poller.CompletedPolls >= completed + 3, "polls keep completing during the fault");

        // Not the error text again: a tick that finds a slow poll still waiting says so instead, which load decides.
        Assert.NotEqual(UpstreamState.Healthy, host.Board.Current.Health.State);
        Assert.Equal(agents, host.Board.Current.Agents.Count);

        await host.SetFaultAsync("none");
        await Eventually.UntilAsync(() => host.Board.Current.Health.State == UpstreamState.Healthy
            && host.Board.Current.Agents.Any(a => a.AgentName == "added-during-the-fault"), "the board is back, with the new agent");
        Assert.Equal(agents + 1, host.Board.Current.Agents.Count);
        AssertNoUnhandledErrors(host);
    }

    private static void AssertNoUnhandledErrors(SutWebHost host) =>
        Assert.DoesNotContain(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
}
