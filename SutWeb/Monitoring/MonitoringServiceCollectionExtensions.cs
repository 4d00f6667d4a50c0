using Microsoft.AspNetCore.SignalR;
using SutWeb.Hubs;

namespace SutWeb.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The board, the poller that feeds it and the broadcaster that pushes its changes to hub clients.</summary>
    public static IServiceCollection AddAgentMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubFanoutOptions>().Bind(configuration.GetSection(HubFanoutOptions.Section))
            .Validate(o => o.QueueCapacity >= 1, "Hub:QueueCapacity must be at least 1.")
            .Validate(o => o.StallTimeout > TimeSpan.Zero, "Hub:StallTimeout must be positive.")
            .ValidateOnStart();
        // Replaces SignalR's default manager for the status hub: per-client queues, so a stalled client delays no one.
        services.AddSingleton<HubLifetimeManager<StatusHub>, QueuedHubLifetimeManager<StatusHub>>();
        services.AddSingleton<AgentBoard>();
        services.AddSingleton<PollerStatus>();
        services.AddHostedService<StatusPoller>();
        services.AddHostedService<PollerWatchdog>();
        services.AddHostedService<StatusHubBroadcaster>();
        return services;
    }
}
