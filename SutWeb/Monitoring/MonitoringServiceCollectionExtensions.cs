using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;
using SutWeb.ScaleOut;

namespace SutWeb.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The board, one poller per source that feeds it and the watchdog that watches them. Its readers register themselves.</summary>
    public static IServiceCollection AddAgentMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<AgentBoard>();
        // The source default's (unkeyed, as before sources existed); each other source's is keyed by its id.
        services.AddSingleton<PollerStatus>();
        services.AddLeaderOnlyHostedService<StatusPoller>();
        // One more poller per source under Eggplant:Sources, which AddEggplantClient registered (keyed) before.
        foreach (var source in services.Where(d => d.IsKeyedService && d.ServiceType == typeof(EggplantSource))
                     .Select(d => d.KeyedImplementationInstance).OfType<EggplantSource>().ToList())
        {
            services.AddKeyedSingleton<PollerStatus>(source.Id);
            services.AddLeaderOnlyHostedService(provider => new StatusPoller(
                source,
                provider.GetRequiredService<IServiceScopeFactory>(),
                provider.GetRequiredService<AgentBoard>(),
                provider.GetRequiredKeyedService<PollerStatus>(source.Id),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<IHostApplicationLifetime>(),
                provider.GetRequiredService<ILogger<StatusPoller>>()));
        }
        // The sources actually polled: default only when the flat settings name a server or nothing else is configured.
        services.AddSingleton(provider => new PollerStatuses(
            EggplantSources.Resolve(provider.GetRequiredService<IOptions<EggplantOptions>>().Value)
                .Select(s => (s, provider.GetSourceService<PollerStatus>(s)))));
        services.AddLeaderOnlyHostedService<PollerWatchdog>();
        return services;
    }
}
