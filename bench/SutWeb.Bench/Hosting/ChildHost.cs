using SutWeb.Simulator;
using SutWeb.Tests.TestSupport;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SutWeb.Bench.Hosting;

/// <summary>
/// The host under measurement, run as a child process of this program (<c>SutWeb.Bench host …</c>) so that its CPU
/// time and memory are its own and not the load generators'. Bound to 127.0.0.1 on a free port.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly Process _process;

    private ChildHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Simulator = new SimulatorControl(Http);
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    /// <param name="settings">Configuration keys and values, e.g. <c>Eggplant:PollInterval</c>.</param>
    public static async Task<ChildHost> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // Started as "dotnet SutWeb.Bench.dll": the child needs the assembly too.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildHost).Assembly.Location);
        }
        start.ArgumentList.Add("host");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            errors.Enqueue(e.Data);
            while (errors.Count > 200 && errors.TryDequeue(out string? _))
            {
            }
        };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("The host process ended before it listened: " + string.Join('\n', errors));
                if (line.StartsWith(HostMode.ReadyLine, StringComparison.Ordinal))
                {
                    var address = line[(HostMode.ReadyLine.Length + 1)..].Trim();
                    var host = new ChildHost(process, new Uri(address.EndsWith('/') ? address : address + "/"));
                    // Keep draining standard output so the child never blocks on a full pipe.
                    _ = Task.Run(async () =>
                    {
                        while (await process.StandardOutput.ReadLineAsync() is not null)
                        {
                        }
                    });
                    return host;
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
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
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
