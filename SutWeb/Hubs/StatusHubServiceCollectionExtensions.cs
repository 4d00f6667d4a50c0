using Microsoft.AspNetCore.SignalR;

namespace SutWeb.Hubs;

public static class StatusHubServiceCollectionExtensions
{
    /// <summary>SignalR with the status hub's limits (only on that hub: Blazor's circuits are not counted) and its snapshot cache.</summary>
    public static IServiceCollection AddStatusHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubLimitsOptions>().Bind(configuration.GetSection(HubLimitsOptions.Section))
            .Validate(o => o.MaxConnections >= 1, "Hub:MaxConnections must be at least 1.")
            .Validate(o => o.SnapshotCallsPerMinute >= 1, "Hub:SnapshotCallsPerMinute must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<SnapshotJsonCache>();
        services.AddSingleton<StatusHubLimitsFilter>();
        services.AddSignalR().AddHubOptions<StatusHub>(options => options.AddFilter<StatusHubLimitsFilter>());
        return services;
    }
}
