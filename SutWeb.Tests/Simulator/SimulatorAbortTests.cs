using System.Net;
using System.Text.Json.Nodes;

namespace SutWeb.Tests.Simulator;

public sealed class SimulatorAbortTests
{
    private const string RunningAgent = """
        {
          "agent_name": "martin2", "port": 5400, "process_id": 58914,
          "execution_status": {
            "id": "039c7261-9eda-45b3-a74a-441ba039dc09", "modelname": "BBCSport", "username": "",
            "starttime": "2018-06-01 10:06:45.545359+01", "endtime": null, "type": "model",
            "agentname": "martin2", "initiator": "api", "runid": null, "status": "Running", "processid": "58914"
          },
          "process_status": "Running",
          "last_log": "Internal Error: Failed to open model input file \"BBCSport\"\r\n\r\n"
        }
        """;

    [Fact]
    public async Task Abort_RunningProcess_Returns200AndRunEndsIncomplete()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0)));
        (await sim.PutAgentAsync("martin2", RunningAgent)).Dispose();

        using var response = await sim.AbortAsync(await sim.GetTokenAsync(), "58914");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonNode.Parse("""{"message": "OK", "description": "Execution abort triggered"}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
        var agent = Assert.Single(await sim.ReadStatusAsync())!;
        Assert.Equal("Incomplete", agent["execution_status"]?["status"]?.GetValue<string>());
        Assert.NotNull(agent["execution_status"]?["endtime"]);
        Assert.NotEqual("Running", agent["process_status"]?.GetValue<string>());
    }

    [Fact]
    public async Task Abort_SimulatedRun_EndsIncomplete()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await sim.SetActivityAsync(false);
        var running = (await sim.ReadStatusAsync()).OfType<JsonObject>()
            .First(a => a["execution_status"]?["status"]?.GetValue<string>() == "Running");
        var name = running["agent_name"]!.GetValue<string>();

        using var response = await sim.AbortAsync(await sim.GetTokenAsync(), running["process_id"]!.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var aborted = (await sim.ReadStatusAsync()).Single(a => a?["agent_name"]?.GetValue<string>() == name)!;
        Assert.Equal("Incomplete", aborted["execution_status"]?["status"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0")]
    [InlineData("not-a-number")]
    public async Task Abort_UnknownProcessId_Returns404(string id)
    {
        await using var sim = await SimulatorHost.StartAsync();
        (await sim.PutAgentAsync("martin2", RunningAgent)).Dispose();

        using var response = await sim.AbortAsync(await sim.GetTokenAsync(), id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", (await SimulatorHost.ReadObjectAsync(response))["message"]?.GetValue<string>());
    }

    [Fact]
    public async Task Abort_WithoutValidToken_Returns401AndRunContinues()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0)));
        (await sim.PutAgentAsync("martin2", RunningAgent)).Dispose();

        using var response = await sim.AbortAsync("bogus", "58914");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Not Authorized", (await SimulatorHost.ReadObjectAsync(response))["message"]?.GetValue<string>());
        Assert.Equal("Running", (await sim.ReadStatusAsync())[0]?["execution_status"]?["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task Abort_MissingId_Returns400()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.AbortAsync(await sim.GetTokenAsync(), id: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
