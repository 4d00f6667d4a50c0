using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SutWeb.Simulator;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// The simulator's control API (docs/API.md section 2) as a client, for whatever drives a running host: the tests, the
/// bench and the reliability runs. Every call checks that the simulator accepted it.
/// </summary>
/// <param name="instance">A <c>Simulator:Instances</c> id, for that instance's control API; none for the default simulator.</param>
public sealed class SimulatorControl(HttpClient http, string? instance = null)
{
    private readonly string _control = instance is null ? "simulator/control" : $"simulator/{instance}/control";

    public async Task PutAgentAsync(string agentName, JsonNode agent)
    {
        using var content = new StringContent(agent.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PutAsync($"{_control}/agents/{Uri.EscapeDataString(agentName)}", content);
        response.EnsureSuccessStatusCode();
    }

    public async Task DeleteAgentAsync(string agentName)
    {
        using var response = await http.DeleteAsync($"{_control}/agents/{Uri.EscapeDataString(agentName)}");
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonArray> AgentsAsync() =>
        (JsonNode.Parse(await http.GetStringAsync($"{_control}/agents")) as JsonArray)!;

    public Task SetActivityAsync(bool running) => PutAsync("activity", new { running });

    public Task SetFaultAsync(string kind, int delayMs = 0) => PutAsync("fault", new { kind, delayMs });

    public Task SetTokenLifetimeAsync(int lifetimeSeconds) => PutAsync("tokens", new { lifetimeSeconds });

    public async Task<SimulatorStats> GetStatsAsync() =>
        (await http.GetFromJsonAsync<SimulatorStats>($"{_control}/stats", JsonSerializerOptions.Web))!;

    /// <summary>Back to the configured start state: agents, counters, token lifetime; no fault, activity running.</summary>
    public async Task ResetAsync()
    {
        using var response = await http.PostAsync($"{_control}/reset", content: null);
        response.EnsureSuccessStatusCode();
    }

    private async Task PutAsync(string what, object body)
    {
        using var response = await http.PutAsJsonAsync($"{_control}/{what}", body);
        response.EnsureSuccessStatusCode();
    }
}
