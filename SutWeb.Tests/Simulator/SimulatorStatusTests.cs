using System.Net;
using System.Text.Json.Nodes;
using SutWeb.Shared.Wire;

namespace SutWeb.Tests.Simulator;

public sealed class SimulatorStatusTests
{
    private static readonly JsonNode NotAuthorized =
        JsonNode.Parse("""{"message": "Not Authorized", "description": "The credentials you provided are not valid."}""")!;

    [Fact]
    public async Task Status_WithoutToken_Returns401NotAuthorized()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.StatusAsync(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(NotAuthorized, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Status_UnknownToken_Returns401NotAuthorized()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.StatusAsync("not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(NotAuthorized, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Status_ValidToken_ReturnsConfiguredAgentsInWireFormat()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.StatusAsync(await sim.GetTokenAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agents = StatusPayloadParser.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(8, agents.Count);
        Assert.Contains(agents, a => a is { AgentName: "agent-01", Port: 5400 });
        Assert.Contains(agents, a => a.ExecutionStatus is { Status: "Running", EndTime: null, Type: "model" } e
            && e.ProcessId == a.ProcessId && e.StartTime is not null && a.ProcessStatus == "Running");
        Assert.Contains(agents, a => a is { ProcessId: 0, ExecutionStatus: null });
    }

    [Fact]
    public async Task Status_RunningAgent_HasPostgresTimestampAndStringProcessId()
    {
        await using var sim = await SimulatorHost.StartAsync();

        var running = (await sim.ReadStatusAsync()).OfType<JsonObject>()
            .First(a => a["execution_status"]?["status"]?.GetValue<string>() == "Running");

        var execution = running["execution_status"]!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}(:\d{2})?$", execution["starttime"]!.GetValue<string>());
        Assert.Equal(running["process_id"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture), execution["processid"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("Bearer")]
    [InlineData("BEARER")]
    public async Task Status_AnyCaseOfBearerScheme_Returns200(string scheme)
    {
        await using var sim = await SimulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/sut/status");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {await sim.GetTokenAsync()}");

        using var response = await sim.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Status_TokenPastItsLifetime_Returns401()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var time = sim.Time!;
        var token = await sim.GetTokenAsync();
        using var fresh = await sim.StatusAsync(token);

        time.Advance(TimeSpan.FromSeconds(3599));
        using var almost = await sim.StatusAsync(token);
        time.Advance(TimeSpan.FromSeconds(2));
        using var expired = await sim.StatusAsync(token);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, almost.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.True(JsonNode.DeepEquals(NotAuthorized, JsonNode.Parse(await expired.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Status_ShortLifetimeSetThroughControl_ExpiresTokensIssuedAfterIt()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var time = sim.Time!;
        var longLived = await sim.GetTokenAsync();
        using var set = await sim.PutControlAsync("tokens", new { lifetimeSeconds = 5 });
        var shortLived = await sim.GetTokenAsync();

        time.Advance(TimeSpan.FromSeconds(6));
        using var longResponse = await sim.StatusAsync(longLived);
        using var shortResponse = await sim.StatusAsync(shortLived);

        Assert.Equal(HttpStatusCode.OK, longResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, shortResponse.StatusCode);
    }

    [Fact]
    public async Task Status_FiveThousandAgentsConfigured_ReturnsFiveThousand()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 5000)));

        using var response = await sim.StatusAsync(await sim.GetTokenAsync());

        var agents = StatusPayloadParser.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(5000, agents.Count);
        Assert.Equal(5000, agents.Select(a => a.AgentName).Distinct().Count());
        Assert.Contains(agents, a => a is { AgentName: "agent-0001", Port: 5400 });
        Assert.Contains(agents, a => a is { AgentName: "agent-5000", Port: 10399 });
    }

    [Fact]
    public async Task Status_ZeroAgentsConfigured_ReturnsEmptyArray()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0)));

        Assert.Empty(await sim.ReadStatusAsync());
    }
}
