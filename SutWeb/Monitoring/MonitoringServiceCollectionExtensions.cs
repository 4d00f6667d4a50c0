using SutWeb.Eggplant.Sources;

namespace SutWeb.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The board, the poller that feeds it and the watchdog that watches the poller. Its readers register themselves.</summary>
    public static IServiceCollection AddAgentMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<AgentBoard>();
        services.AddSingleton<PollerStatus>();
        services.AddHostedService<StatusPoller>();
        // One more poller per source under Eggplant:Sources, which AddEggplantClient registered (keyed) before.
        foreach (var source in services.Where(d => d.IsKeyedService && d.ServiceType == typeof(EggplantSource))
                     .Select(d => d.KeyedImplementationInstance).OfType<EggplantSource>().ToList())
        {
            services.AddSingleton<IHostedService>(provider => new StatusPoller(
                source,
                provider.GetRequiredService<IServiceScopeFactory>(),
                provider.GetRequiredService<AgentBoard>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<IHostApplicationLifetime>(),
                provider.GetRequiredService<ILogger<StatusPoller>>()));
        }
        services.AddHostedService<PollerWatchdog>();
        return services;
    }
}
