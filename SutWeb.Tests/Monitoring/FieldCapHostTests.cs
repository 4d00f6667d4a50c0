using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>Eggplant:MaxFieldChars reaches the board: a runaway field from upstream is cut before anyone sees it.</summary>
public sealed class FieldCapHostTests
{
    [Fact]
    public async Task Board_ConfiguredMaxFieldChars_CutsLongFieldsWithAnEllipsis()
    {
        await using var host = await SutWebHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = "0",
            ["Eggplant:MaxFieldChars"] = "32",
        });
        await host.SetActivityAsync(false);
        var name = "long-" + new string('n', 5_000);
        await host.PutAgentAsync(name, new JsonObject
        {
            ["agent_name"] = name,
            ["port"] = 5400,
            ["process_id"] = 1,
            ["execution_status"] = new JsonObject { ["modelname"] = "model-" + new string('m', 5_000), ["status"] = "Running" },
        });

        await Eventually.UntilAsync(() => host.Board.Current.Agents.Count == 1, "the agent reaches the board");

        var agent = host.Board.Current.Agents[0];
        Assert.Equal("long-" + new string('n', 26) + "…", agent.AgentName);
        Assert.Equal(agent.AgentName + ":5400", agent.Key);
        Assert.Equal("model-" + new string('m', 25) + "…", agent.Execution?.ModelName);
    }

    [Fact]
    public async Task Start_MaxFieldCharsBelowSixteen_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SutWebHost.StartAsync(new Dictionary<string, string?> { ["Eggplant:MaxFieldChars"] = "15" }));

        Assert.Contains("Eggplant:MaxFieldChars must be at least 16", error.Message, StringComparison.Ordinal);
    }
}
