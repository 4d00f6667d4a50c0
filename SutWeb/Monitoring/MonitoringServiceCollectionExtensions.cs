namespace SutWeb.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The board, the poller that feeds it and the watchdog that watches the poller. Its readers register themselves.</summary>
    public static IServiceCollection AddAgentMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<AgentBoard>();
        services.AddSingleton<PollerStatus>();
        services.AddHostedService<StatusPoller>();
        services.AddHostedService<PollerWatchdog>();
        return services;
    }
}
