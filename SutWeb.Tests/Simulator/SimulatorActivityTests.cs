using System.Net;
using System.Text.Json.Nodes;
using SutWeb.Shared.Wire;

namespace SutWeb.Tests.Simulator;

public sealed class SimulatorActivityTests
{
    [Fact]
    public async Task Activity_TimePasses_ChangesAgents()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var before = await sim.ReadStatusAsync();

        await sim.TickUntilAsync(
            async () => !JsonNode.DeepEquals(before, await sim.ReadStatusAsync()),
            "activity changes the agents as time passes");
    }

    [Fact]
    public async Task Activity_Stopped_TicksChangeNothing()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var time = sim.Time!;
        await sim.SetActivityAsync(false);
        var before = await sim.ReadStatusAsync();

        // A read after each tick gives the activity loop its turn, had it not been stopped.
        for (var i = 0; i < 30; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(JsonNode.DeepEquals(before, await sim.ReadStatusAsync()), $"changed after {i + 1} ticks");
        }
    }

    [Fact]
    public async Task Activity_StoppedOnSystemClock_TwoReadsAreEqual()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("ActivityInterval", "00:00:00.010")), TimeProvider.System);
        await sim.SetActivityAsync(false);

        var first = await sim.ReadStatusAsync();
        var second = await sim.ReadStatusAsync();

        Assert.True(JsonNode.DeepEquals(first, second));
    }

    [Fact]
    public async Task Activity_Resumed_ChangesAgentsAgain()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await sim.SetActivityAsync(false);
        var before = await sim.ReadStatusAsync();

        using var resume = await sim.PutControlAsync("activity", new { running = true });

        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.True((await SimulatorHost.ReadObjectAsync(resume))["running"]?.GetValue<bool>());
        await sim.TickUntilAsync(
            async () => !JsonNode.DeepEquals(before, await sim.ReadStatusAsync()),
            "resumed activity changes the agents");
    }

    [Fact]
    public async Task Activity_ManyTicks_RunsStartLogAndFinishInWireFormat()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var seen = new HashSet<string>();
        var longestLog = 0;

        await sim.TickUntilAsync(async () =>
        {
            using var response = await sim.StatusAsync(await sim.GetTokenAsync());
            // Every state the activity produces must read with SutWeb's own parser.
            foreach (var agent in StatusPayloadParser.Parse(await response.Content.ReadAsByteArrayAsync()))
            {
                seen.Add(agent.ExecutionStatus?.Status ?? "Idle");
                longestLog = Math.Max(longestLog, agent.LastLog?.Split("\r\n").Length ?? 0);
            }
            return seen.IsSupersetOf(["Idle", "Running", "Passed", "Failed", "Incomplete"]);
        }, "agents go through every state");

        Assert.InRange(longestLog, 1, 20);
    }

    [Fact]
    public async Task Activity_ManyTicks_AgentsDisconnectAndNewOnesConnect()
    {
        // Disconnections are rare per agent; with more agents one comes within a few ticks.
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 80)));
        var initial = (await sim.GetAgentsAsync()).Select(a => a!["agent_name"]!.GetValue<string>()).ToHashSet();

        await sim.TickUntilAsync(async () =>
        {
            var names = (await sim.GetAgentsAsync()).Select(a => a!["agent_name"]!.GetValue<string>()).ToHashSet();
            return !names.IsSupersetOf(initial) && names.Except(initial).Any();
        }, "an agent disconnects and a new one connects");
    }
}
