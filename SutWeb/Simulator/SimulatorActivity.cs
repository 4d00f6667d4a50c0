using Microsoft.Extensions.Options;

namespace SutWeb.Simulator;

/// <summary>Ticks the simulated agents' activity every <see cref="SimulatorOptions.ActivityInterval"/> on the injected clock.</summary>
internal sealed class SimulatorActivity(
    SimulatorAgents agents,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    ILogger<SimulatorActivity> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        SimulatorLog.ActivityStarted(logger, settings.AgentCount, agents.Seed, settings.ActivityInterval);
        using var timer = new PeriodicTimer(settings.ActivityInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                agents.Step();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
