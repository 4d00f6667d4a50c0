using System.Net;
using System.Text.Json.Nodes;

namespace SutWeb.Tests.Simulator;

public sealed class SimulatorControlTests
{
    // Every quirk real servers send: no port, process ids of the other JSON type, extra fields at
    // every level, markup and line breaks in the log.
    private const string QuirkyAgent = """
        {
          "agent_name": "quirky",
          "process_id": "58914",
          "execution_status": {
            "id": "039c7261-9eda-45b3-a74a-441ba039dc09",
            "modelname": "<b>BBCSport</b>",
            "username": "",
            "starttime": "2018-06-01 10:06:45.545359+01",
            "endtime": null,
            "type": "model",
            "agentname": "quirky",
            "initiator": "api",
            "status": "Running",
            "processid": 58914,
            "colour": {"nested": [1, "two", null]}
          },
          "process_status": "Running",
          "last_log": "Internal Error: Failed to open model input file \"BBCSport\" <script>alert(1)</script>\r\n\r\n",
          "x-extra": true
        }
        """;

    [Fact]
    public async Task PutAgent_QuirkyAgent_IsServedExactlyAsGiven()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var put = await sim.PutAgentAsync("quirky", QuirkyAgent);
        var fromStatus = (await sim.ReadStatusAsync()).Single(a => a?["agent_name"]?.GetValue<string>() == "quirky");
        var fromControl = (await sim.GetAgentsAsync()).Single(a => a?["agent_name"]?.GetValue<string>() == "quirky");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var expected = JsonNode.Parse(QuirkyAgent);
        Assert.True(JsonNode.DeepEquals(expected, fromStatus), fromStatus?.ToJsonString());
        Assert.True(JsonNode.DeepEquals(expected, fromControl));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await put.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Status_Text_IsWrittenAsEggplantWritesIt()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0)));
        (await sim.PutAgentAsync("quirky", QuirkyAgent)).Dispose();

        using var response = await sim.StatusAsync(await sim.GetTokenAsync());
        var raw = await response.Content.ReadAsStringAsync();

        // Plain '+' and escaped quotes, not \u002B and \u0022.
        Assert.Contains("\"starttime\":\"2018-06-01 10:06:45.545359+01\"", raw);
        Assert.Contains("file \\\"BBCSport\\\" <script>", raw);
    }

    [Fact]
    public async Task PutAgent_WhileActivityRuns_StaysAsGiven()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 1)));
        using var put = await sim.PutAgentAsync("quirky", QuirkyAgent);
        var before = await sim.GetAgentsAsync();

        // Enough ticks that the one simulated agent surely moves; the put agent must not.
        await sim.TickUntilAsync(
            async () => !JsonNode.DeepEquals(before, await sim.GetAgentsAsync()),
            "the simulated agent changes");

        var quirky = (await sim.GetAgentsAsync()).Single(a => a?["agent_name"]?.GetValue<string>() == "quirky");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(QuirkyAgent), quirky));
    }

    [Fact]
    public async Task PutAgent_ExistingName_ReplacesIt()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var put = await sim.PutAgentAsync("agent-01", """{"agent_name": "agent-01", "port": 6000, "process_id": 0}""");
        var agents = await sim.GetAgentsAsync();

        Assert.Equal(8, agents.Count);
        var agent = agents.Single(a => a?["agent_name"]?.GetValue<string>() == "agent-01");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"agent_name": "agent-01", "port": 6000, "process_id": 0}"""), agent));
    }

    [Fact]
    public async Task PutAgent_WithoutAgentName_TakesNameFromPath()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0)));

        using var put = await sim.PutAgentAsync("martin 2", """{"port": 5400, "process_id": 0}""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var agent = Assert.Single(await sim.ReadStatusAsync());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"agent_name": "martin 2", "port": 5400, "process_id": 0}"""), agent));
    }

    [Theory]
    [InlineData("""{"agent_name": "someone-else", "process_id": 0}""")]
    [InlineData("""[{"agent_name": "a"}]""")]
    [InlineData("42")]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task PutAgent_BodyNotOneMatchingObject_Returns400(string body)
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0)));

        using var put = await sim.PutAgentAsync("a", body);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("Bad Request", (await SimulatorHost.ReadObjectAsync(put))["message"]?.GetValue<string>());
        Assert.Empty(await sim.GetAgentsAsync());
    }

    [Fact]
    public async Task DeleteAgent_Existing_RemovesItFromStatus()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var delete = await sim.Client.DeleteAsync("control/agents/agent-03");
        var agents = await sim.ReadStatusAsync();

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(7, agents.Count);
        Assert.DoesNotContain(agents, a => a?["agent_name"]?.GetValue<string>() == "agent-03");
    }

    [Fact]
    public async Task DeleteAgent_Absent_Returns404()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var delete = await sim.Client.DeleteAsync("control/agents/nobody");

        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal("Not Found", (await SimulatorHost.ReadObjectAsync(delete))["message"]?.GetValue<string>());
    }

    [Fact]
    public async Task GetAgents_SameSeed_GivesSameAgents()
    {
        // Each host's fake clock starts at the same instant.
        await using var first = await SimulatorHost.StartAsync();
        await using var second = await SimulatorHost.StartAsync();
        await using var otherSeed = await SimulatorHost.StartAsync(SimulatorHost.Settings(("Seed", 7)));

        var agents = await first.GetAgentsAsync();

        Assert.True(JsonNode.DeepEquals(agents, await second.GetAgentsAsync()));
        Assert.False(JsonNode.DeepEquals(agents, await otherSeed.GetAgentsAsync()));
    }

    [Fact]
    public async Task Stats_AfterRequests_CountsEachEggplantEndpointFaultedOrNot()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.GetTokenAsync();
        (await sim.AuthAsync("tester", "wrong")).Dispose();
        (await sim.StatusAsync(token)).Dispose();
        (await sim.StatusAsync(null)).Dispose();
        await sim.SetFaultAsync("http500");
        (await sim.StatusAsync(token)).Dispose();
        (await sim.AbortAsync(token, "1")).Dispose();

        var stats = await sim.GetStatsAsync();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"authRequests": 2, "statusRequests": 3, "abortRequests": 1}"""), stats), stats.ToJsonString());
    }

    [Fact]
    public async Task Reset_AfterChanges_RestoresConfiguredStartState()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var start = await sim.GetAgentsAsync();
        var token = await sim.GetTokenAsync();
        (await sim.PutAgentAsync("extra", """{"process_id": 0}""")).Dispose();
        (await sim.Client.DeleteAsync("control/agents/agent-01")).Dispose();
        (await sim.PutControlAsync("tokens", new { lifetimeSeconds = 5 })).Dispose();
        await sim.SetActivityAsync(false);
        await sim.SetFaultAsync("http500");

        using var reset = await sim.Client.PostAsync("control/reset", content: null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.True(JsonNode.DeepEquals(start, await sim.GetAgentsAsync()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"authRequests": 0, "statusRequests": 0, "abortRequests": 0}"""), await sim.GetStatsAsync()));
        using var auth = await sim.AuthAsync("tester", SimulatorHost.Password);
        Assert.Equal(HttpStatusCode.OK, auth.StatusCode); // fault none again
        Assert.Equal(3600, (await SimulatorHost.ReadObjectAsync(auth))["expires_in"]?.GetValue<int>());
        using var status = await sim.StatusAsync(token);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode); // tokens issued before the reset still work
        // Activity runs again.
        await sim.TickUntilAsync(
            async () => !JsonNode.DeepEquals(start, await sim.GetAgentsAsync()),
            "activity changes the agents after a reset");
    }
}
