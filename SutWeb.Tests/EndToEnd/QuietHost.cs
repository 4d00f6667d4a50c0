using System.Text.Json.Nodes;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.EndToEnd;

/// <summary>Hosts whose simulator does only what a test tells it: the given agents and no random activity.</summary>
internal static class QuietHost
{
    public static async Task<SutWebHost> StartAsync(int port = 0, params JsonObject[] agents)
    {
        var host = await SutWebHost.StartAsync(new Dictionary<string, string?> { ["Simulator:AgentCount"] = "0" }, port: port);
        await host.SetActivityAsync(false);
        foreach (var agent in agents)
        {
            await host.PutAgentAsync(agent["agent_name"]!.GetValue<string>(), agent);
        }
        var count = agents.Length;
        await Eventually.UntilAsync(
            () => host.Board.Current.Agents.Count == count && host.Board.Current.Health.State == UpstreamState.Healthy,
            $"the board shows the {count} agents, healthy");
        return host;
    }
}
