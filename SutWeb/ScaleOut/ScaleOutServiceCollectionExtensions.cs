using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace SutWeb.ScaleOut;

public static class ScaleOutServiceCollectionExtensions
{
    /// <summary>
    /// Without <c>ScaleOut:Redis</c>: this replica always leads. With it: one Redis connection for the whole
    /// process, the leader election and the board replicator. Called before the services that only the leader runs.
    /// </summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ScaleOutOptions.Section);
        services.AddOptions<ScaleOutOptions>().Bind(section).ValidateOnStart();
        var options = section.Get<ScaleOutOptions>() ?? new ScaleOutOptions();
        if (!options.Enabled)
        {
            services.AddSingleton<ILeadership, SingleReplicaLeadership>();
            return services;
        }
        // Not fail-fast: a replica that starts while Redis is away serves its (empty, stale) board and joins later.
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var redis = ConfigurationOptions.Parse(options.Redis!);
            redis.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(redis);
        });
        services.AddHostedService<SignOutRelay>();
        // LEADER: services.AddSingleton<ILeadership, RedisLeadership>() and its election service; DataProtection keys.
        // REPLICATION: the leader publishes its board through Redis, followers apply it.
        services.AddSingleton<BoardReplicator>();
        services.AddSingleton<ILeadershipListener>(provider => provider.GetRequiredService<BoardReplicator>());
        services.AddHostedService(provider => provider.GetRequiredService<BoardReplicator>());
        return services;
    }

    /// <summary>
    /// Registers a service only the leader runs (see <see cref="LeaderOnlyHostedService"/>); for a single replica it
    /// behaves as <c>AddHostedService</c>.
    /// </summary>
    public static IServiceCollection AddLeaderOnlyHostedService<T>(this IServiceCollection services)
        where T : class, IHostedService =>
        services.AddLeaderOnlyHostedService(provider => ActivatorUtilities.CreateInstance<T>(provider));

    /// <inheritdoc cref="AddLeaderOnlyHostedService{T}(IServiceCollection)"/>
    public static IServiceCollection AddLeaderOnlyHostedService(this IServiceCollection services, Func<IServiceProvider, IHostedService> create)
    {
        services.TryAddSingleton<ILeadership, SingleReplicaLeadership>();
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<LeaderOnlyHostedService>(provider, create));
        return services;
    }
}
