using Microsoft.AspNetCore.SignalR;

namespace SutWeb.Hubs;

public static class StatusHubServiceCollectionExtensions
{
    /// <summary>
    /// SignalR with the status hub's limits (only on that hub: Blazor's circuits are not counted), its snapshot cache,
    /// its per-client queues, and the broadcaster that pushes the board's changes to its clients.
    /// </summary>
    public static IServiceCollection AddStatusHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubLimitsOptions>().Bind(configuration.GetSection(HubLimitsOptions.Section))
            .Validate(o => o.MaxConnections >= 1, "Hub:MaxConnections must be at least 1.")
            .Validate(o => o.SnapshotCallsPerMinute >= 1, "Hub:SnapshotCallsPerMinute must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<HubFanoutOptions>().Bind(configuration.GetSection(HubFanoutOptions.Section))
            .Validate(o => o.QueueCapacity >= 1, "Hub:QueueCapacity must be at least 1.")
            .Validate(o => o.StallTimeout > TimeSpan.Zero, "Hub:StallTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SnapshotJsonCache>();
        services.AddSingleton<StatusHubLimitsFilter>();
        services.AddSignalR().AddHubOptions<StatusHub>(options => options.AddFilter<StatusHubLimitsFilter>());
        // Replaces SignalR's default manager for the status hub: per-client queues, so a stalled client delays no one.
        services.AddSingleton<HubLifetimeManager<StatusHub>, QueuedHubLifetimeManager<StatusHub>>();
        services.AddHostedService<StatusHubBroadcaster>();
        return services;
    }
}
