using SutWeb.Simulator;
using SutWeb.Tests.TestSupport;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SutWeb.Bench.Hosting;

/// <summary>
/// The host under measurement: this program's <c>host</c> mode (<see cref="HostMode"/>) in a process of its own, so
/// that its CPU time and memory are its own and not the load generators'; with its metrics and the simulator's control API.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly HostProcess _process;

    private ChildHost(HostProcess process)
    {
        _process = process;
        BaseAddress = process.BaseAddress;
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Simulator = new SimulatorControl(Http);
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    /// <param name="settings">Configuration keys and values, e.g. <c>Eggplant:PollInterval</c>.</param>
    /// <param name="countAllocations">Count the host's allocations (<see cref="HostMetrics.AllocatedBytes"/>).</param>
    public static async Task<ChildHost> StartAsync(IReadOnlyDictionary<string, string> settings, bool countAllocations = false)
    {
        // Started as "dotnet SutWeb.Bench.dll": the child needs the assembly too.
        List<string> command = [Environment.ProcessPath!];
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            command.Add(typeof(ChildHost).Assembly.Location);
        }
        command.Add("host");
        if (countAllocations)
        {
            command.Add(HostMode.AllocationTicksArgument);
        }
        return new ChildHost(await HostProcess.StartAsync(command, settings, stopsWhenInputCloses: true));
    }

    public static Dictionary<string, string> Settings(int agents, TimeSpan pollInterval, int seed = 42) => new()
    {
        ["Simulator:AgentCount"] = agents.ToString(CultureInfo.InvariantCulture),
        ["Simulator:Seed"] = seed.ToString(CultureInfo.InvariantCulture),
        ["Eggplant:PollInterval"] = pollInterval.ToString("c", CultureInfo.InvariantCulture),
        ["Eggplant:RequestTimeout"] = "00:00:10",
    };

    public async Task<HostMetrics> MetricsAsync(bool gc = false, bool reset = false, bool samples = false)
    {
        var query = $"bench/metrics?gc={Lower(gc)}&reset={Lower(reset)}&samples={Lower(samples)}";
        return (await Http.GetFromJsonAsync<HostMetrics>(query, JsonSerializerOptions.Web))!;
    }

    /// <summary>The host's embedded simulator, through its control API.</summary>
    public SimulatorControl Simulator { get; }

    public Task<SimulatorStats> StatsAsync() => Simulator.GetStatsAsync();

    public Task SetActivityAsync(bool running) => Simulator.SetActivityAsync(running);

    public Task PutAgentAsync(string agentName, JsonObject agent) => Simulator.PutAgentAsync(agentName, agent);

    public Task<JsonArray> AgentsAsync() => Simulator.AgentsAsync();

    /// <summary>Waits until the board holds at least <paramref name="agents"/> agents at a version of at least <paramref name="version"/>.</summary>
    public async Task<HostMetrics> WaitForBoardAsync(long version, int agents, TimeSpan timeout)
    {
        HostMetrics metrics = null!;
        if (!await Eventually.TryUntilAsync(async () => (metrics = await MetricsAsync()) is { } m && m.BoardVersion >= version && m.Agents >= agents, timeout, 50))
        {
            throw new TimeoutException($"The board did not reach version {version} with {agents} agents (it is at {metrics.BoardVersion} with {metrics.Agents}).");
        }
        return metrics;
    }

    /// <summary>Waits until one poll has completed after this call, so that what was changed before it is on the board.</summary>
    public async Task WaitForNextPollAsync(TimeSpan timeout)
    {
        var before = (await MetricsAsync()).CompletedPolls;
        if (!await Eventually.TryUntilAsync(async () => (await MetricsAsync()).CompletedPolls >= before + 2, timeout, 25))
        {
            throw new TimeoutException("No poll completed in time.");
        }
    }

    /// <summary>Waits until at least <paramref name="circuits"/> Blazor circuits are connected.</summary>
    public async Task WaitForCircuitsAsync(int circuits, TimeSpan timeout)
    {
        if (!await Eventually.TryUntilAsync(async () => (await MetricsAsync()).CircuitsActive >= circuits, timeout, 100))
        {
            throw new TimeoutException($"Fewer than {circuits} Blazor circuits connected in {timeout.TotalSeconds:0} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
