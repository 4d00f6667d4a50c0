using System.Text.Json.Nodes;
using SutWeb.Shared.Views;
using SutWeb.Tests.TestSupport;

namespace SutWeb.Tests.Monitoring;

/// <summary>
/// One real host with two sources, both the embedded simulator: <c>default</c> under <c>/simulator/</c> and the
/// instance <c>lab-b</c> under <c>/simulator/lab-b/</c>, with the same agent names, their random activity stopped, both
/// polled every 250 ms however quiet. Shared by a test class: each test starts with <see cref="ResetAsync"/>.
/// </summary>
public sealed class TwoSimulatorsFixture : IAsyncLifetime
{
    public const string Instance = "lab-b";

    private SutWebHost? _host;

    public SutWebHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public SimulatorControl Default => Host.Simulator;

    public SimulatorControl LabB => Host.SimulatorInstance(Instance);

    public static Dictionary<string, string?> Settings => new()
    {
        ["Simulator:Instances:0"] = Instance,
        // Quiet boards keep the active pace, so a change shows within a poll or two.
        ["Eggplant:IdlePollInterval"] = "00:00:00.250",
        ["Eggplant:RequestTimeout"] = "00:00:02",
    };

    public static JsonObject Agent(string name) => new() { ["agent_name"] = name, ["port"] = 5400, ["process_id"] = 0 };

    public async Task InitializeAsync()
    {
        _host = await SutWebHost.StartAsync(Settings);
        await ResetAsync();
    }

    /// <summary>Both simulators back to their start state, quiet and fault-free, and the board showing it.</summary>
    public async Task ResetAsync()
    {
        await Default.ResetAsync();
        await LabB.ResetAsync();
        await Default.SetActivityAsync(false);
        await LabB.SetActivityAsync(false);
        await BothHealthyAsync();
    }

    /// <summary>Waits until both sources are healthy and the board holds exactly the agents of both simulators.</summary>
    public async Task BothHealthyAsync()
    {
        var expected = (await Default.AgentsAsync()).Select(a => $"{a!["agent_name"]}:{a["port"]}")
            .Concat((await LabB.AgentsAsync()).Select(a => $"{Instance}/{a!["agent_name"]}:{a["port"]}"))
            .Order()
            .ToList();
        await Eventually.UntilAsync(
            () => Host.Board.SourceHealth("default").State == UpstreamState.Healthy
                && Host.Board.SourceHealth(Instance).State == UpstreamState.Healthy
                && Host.Board.Current.Agents.Select(a => a.Key).Order().SequenceEqual(expected),
            "both simulators are healthy and the board holds exactly their agents");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
