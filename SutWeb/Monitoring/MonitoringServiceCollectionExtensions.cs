using SutWeb.Hubs;

namespace SutWeb.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The board, the poller that feeds it and the broadcaster that pushes its changes to hub clients.</summary>
    public static IServiceCollection AddAgentMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<AgentBoard>();
        services.AddSingleton<PollerStatus>();
        services.AddHostedService<StatusPoller>();
        services.AddHostedService<StatusHubBroadcaster>();
        return services;
    }
}
