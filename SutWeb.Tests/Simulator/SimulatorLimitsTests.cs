using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SutWeb.Simulator;

namespace SutWeb.Tests.Simulator;

/// <summary>The simulator's bounds: request bodies, agents and live tokens.</summary>
public sealed class SimulatorLimitsTests
{
    private const int OneMebibyte = 1024 * 1024;

    // ---- Request bodies ----

    [Fact]
    public async Task Auth_FormOverOneMebibyte_Returns413()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.AuthAsync("tester", new string('p', OneMebibyte));

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task Auth_ChunkedFormOverOneMebibyte_Returns413()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var form = Encoding.UTF8.GetBytes("username=tester&password=" + new string('p', OneMebibyte));
        // A stream of unknown length goes out chunked, without Content-Length: only reading finds it too large.
        using var content = new StreamContent(new UnknownLengthStream(form));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var response = await sim.Client.PostAsync("auth", content);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task Status_BodyOverOneMebibyte_Returns413EvenThoughTheBodyIsNotNeeded()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.GetTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/sut/status")
        {
            Content = new ByteArrayContent(new byte[OneMebibyte + 1]),
        };
        request.Headers.Authorization = new("bearer", token);
        // As a careful client would: the answer comes before the body goes out, so no race with the closing connection.
        request.Headers.ExpectContinue = true;

        using var response = await sim.Client.SendAsync(request);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task ControlPutAgent_BodyOverOneMebibyte_Returns413AndStoresNothing()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0)));
        var agent = new JsonObject { ["agent_name"] = "big", ["last_log"] = new string('l', OneMebibyte) };

        using var response = await sim.PutAgentAsync("big", agent.ToJsonString());

        await AssertTooLargeAsync(response);
        Assert.Empty(await sim.GetAgentsAsync());
    }

    [Fact]
    public async Task ControlPutAgent_BodyJustUnderOneMebibyte_IsStored()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0)));
        var agent = new JsonObject { ["agent_name"] = "large", ["last_log"] = new string('l', OneMebibyte - 100) };

        using var response = await sim.PutAgentAsync("large", agent.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await sim.GetAgentsAsync());
    }

    [Fact]
    public async Task Auth_FormWithANullCharacter_Returns400()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.AuthAsync("tester", SimulatorHost.Password + "\0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request", (await SimulatorHost.ReadObjectAsync(response))["message"]?.GetValue<string>());
    }

    // ---- Agents ----

    [Fact]
    public async Task ControlPutAgent_OneMoreThanMaxAgents_Returns409NamingTheSettingAndKeepsTheAgents()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 2), ("MaxAgents", 3)));
        using var third = await sim.PutAgentAsync("third", """{"agent_name": "third"}""");

        using var fourth = await sim.PutAgentAsync("fourth", """{"agent_name": "fourth"}""");

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        var body = await SimulatorHost.ReadObjectAsync(fourth);
        Assert.Equal("Conflict", body["message"]?.GetValue<string>());
        Assert.Contains("Simulator:MaxAgents", body["description"]?.GetValue<string>(), StringComparison.Ordinal);
        var names = (await sim.GetAgentsAsync()).Select(a => a!["agent_name"]!.GetValue<string>()).ToList();
        Assert.Equal(3, names.Count);
        Assert.DoesNotContain("fourth", names);
    }

    [Fact]
    public async Task ControlPutAgent_ReplacingAnAgentAtMaxAgents_IsAllowed()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 0), ("MaxAgents", 1)));
        (await sim.PutAgentAsync("only", """{"agent_name": "only", "port": 1}""")).Dispose();

        using var replaced = await sim.PutAgentAsync("only", """{"agent_name": "only", "port": 2}""");

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(2, Assert.Single(await sim.GetAgentsAsync())!["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task Activity_SlotTakenThroughTheControlApi_NoAgentReconnectsBeyondMaxAgents()
    {
        // Two agents of the activity's own and one put through the control API fill the simulator. When one of the
        // activity's disconnects, another put takes its place; the activity wants two of its own again, but must not
        // connect a fourth.
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("AgentCount", 2), ("MaxAgents", 3)));
        (await sim.PutAgentAsync("pinned-1", """{"agent_name": "pinned-1"}""")).Dispose();
        await sim.TickUntilAsync(async () => (await sim.GetAgentsAsync()).Count == 2, "one of the activity's agents disconnects");
        using var second = await sim.PutAgentAsync("pinned-2", """{"agent_name": "pinned-2"}""");
        var most = 0;
        var ticks = 0;

        await sim.TickUntilAsync(async () =>
        {
            most = Math.Max(most, (await sim.GetAgentsAsync()).Count);
            return ++ticks >= 300;
        }, "300 more activity ticks");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(3, most);
    }

    // ---- Live tokens ----

    [Fact]
    public async Task Auth_AllLicencesHeldByLiveTokens_Returns403UntilOneExpires()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("MaxTokens", 2), ("TokenLifetime", "00:01:00")));
        (await sim.AuthAsync("first", SimulatorHost.Password)).EnsureSuccessStatusCode().Dispose();
        (await sim.AuthAsync("second", SimulatorHost.Password)).EnsureSuccessStatusCode().Dispose();

        using var refused = await sim.AuthAsync("third", SimulatorHost.Password);
        using var refusedOAuth = await sim.Client.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "third",
            ["client_secret"] = SimulatorHost.Password,
        }));
        sim.Time!.Advance(TimeSpan.FromMinutes(1));
        using var afterExpiry = await sim.AuthAsync("third", SimulatorHost.Password);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var expected = JsonNode.Parse("""{"message": "Forbidden", "description": "No concurrent user licence is free."}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await refused.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.Forbidden, refusedOAuth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task Auth_WrongPasswordWhileNoLicenceIsFree_StillReturns401()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("MaxTokens", 1)));
        (await sim.AuthAsync("first", SimulatorHost.Password)).EnsureSuccessStatusCode().Dispose();

        using var response = await sim.AuthAsync("second", "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("simulato")]
    [InlineData("simulatorx")]
    [InlineData("Simulator")]
    public async Task Auth_PasswordThatDiffersOnlySlightly_IsRejected(string password)
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.AuthAsync("tester", password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Auth_NonAsciiPassword_IsAccepted()
    {
        await using var sim = await SimulatorHost.StartAsync(SimulatorHost.Settings(("Password", "pässwört-😀")));

        using var response = await sim.AuthAsync("tester", "pässwört-😀");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await SimulatorHost.ReadObjectAsync(response);
        Assert.Equal("Payload Too Large", body["message"]?.GetValue<string>());
        Assert.Contains(SimulatorRequestBodyFilter.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), body["description"]?.GetValue<string>(), StringComparison.Ordinal);
    }
}
