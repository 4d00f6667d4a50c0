using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SutWeb.Monitoring;
using SutWeb.Simulator;

namespace SutWeb.Tests.TestSupport;

/// <summary>
/// The real SutWeb host on Kestrel, bound to 127.0.0.1 (a free port unless one is given), with the embedded
/// simulator, its logs captured, and helpers for the simulator's control API.
/// </summary>
public sealed class SutWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SutWebHost(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Simulator = new SimulatorControl(Http);
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public AgentBoard Board => Services.GetRequiredService<AgentBoard>();

    /// <summary>Defaults for tests: a small quiet simulator, fast retries; <paramref name="settings"/> override them.</summary>
    public static async Task<SutWebHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        int port = 0)
    {
        var logs = new CapturedLogs();
        var defaults = new Dictionary<string, string?>
        {
            ["Simulator:AgentCount"] = "5",
            ["Simulator:Seed"] = "7",
            ["Eggplant:PollInterval"] = "00:00:00.250",
            ["Eggplant:RetryBaseDelay"] = "00:00:00.010",
            ["Eggplant:RequestTimeout"] = "00:00:05",
            // No history database unless a test asks for one: hosts in parallel must not share a file.
            ["History:Provider"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }
        var app = Program.BuildApp([], builder =>
        {
            builder.Environment.EnvironmentName = "Development";
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Configuration.AddInMemoryCollection(defaults);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new SutWebHost(app, logs);
    }

    /// <summary>
    /// A host whose every timer runs on <paramref name="clock"/>, with the simulator's random activity stopped, once its
    /// first poll has finished: the board changes only when a test changes an agent and steps the clock.
    /// </summary>
    public static async Task<SutWebHost> StartOnClockAsync(
        FakeTimeProvider clock,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null)
    {
        var host = await StartAsync(settings, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        });
        await host.SetActivityAsync(false);
        var poller = host.Services.GetRequiredService<PollerStatus>();
        // On the fake clock the next poll starts only when a test advances it.
        await Eventually.UntilAsync(() => poller.CompletedPolls > 0, "the first poll has finished");
        return host;
    }

    /// <summary>A port that was free a moment ago, for tests that restart a host on the same port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The embedded simulator's control API on this host.</summary>
    public SimulatorControl Simulator { get; }

    /// <summary>The control API of the simulator instance <paramref name="id"/> (<c>Simulator:Instances</c>) on this host.</summary>
    public SimulatorControl SimulatorInstance(string id) => new(Http, id);

    public Task PutAgentAsync(string agentName, JsonObject agent) => Simulator.PutAgentAsync(agentName, agent);

    public Task DeleteAgentAsync(string agentName) => Simulator.DeleteAgentAsync(agentName);

    public Task SetActivityAsync(bool running) => Simulator.SetActivityAsync(running);

    public Task SetFaultAsync(string kind, int delayMs = 0) => Simulator.SetFaultAsync(kind, delayMs);

    public Task SetTokenLifetimeAsync(int lifetimeSeconds) => Simulator.SetTokenLifetimeAsync(lifetimeSeconds);

    public Task<SimulatorStats> GetStatsAsync() => Simulator.GetStatsAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
    }
}

