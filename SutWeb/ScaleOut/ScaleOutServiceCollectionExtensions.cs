using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SutWeb.Security;
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
        services.AddSingleton<IValidateOptions<ScaleOutOptions>, ScaleOutOptionsValidator>();
        var options = section.Get<ScaleOutOptions>() ?? new ScaleOutOptions();
        if (!options.Enabled)
        {
            services.AddSingleton<ILeadership, SingleReplicaLeadership>();
            return services;
        }
        // Not fail-fast: a replica that starts while Redis is away serves its (empty, stale) board and joins later.
        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            // Validated first (the validator names the setting, never echoing it); this may run before the start checks.
            var validated = provider.GetRequiredService<IOptions<ScaleOutOptions>>().Value;
            var redis = ConfigurationOptions.Parse(validated.Redis!);
            redis.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(redis);
        });
        // The election (registered first among hosted services, so it stops last, after the leader-only ones). Try:
        // the replication tests decide the leadership themselves, and then no election runs.
        services.AddSingleton<RedisLeadership>();
        services.TryAddSingleton<ILeadership>(provider => provider.GetRequiredService<RedisLeadership>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<ILeadership>() as RedisLeadership ?? (IHostedService)new NoElection());
        services.AddHostedService<ScaleOutStartupWarnings>();
        services.AddSharedDataProtection(options.KeyPrefix);
        services.AddHostedService<SignOutRelay>();
        // The leader publishes its board through Redis, followers apply it.
        services.AddSingleton<BoardReplicator>();
        services.AddSingleton<ILeadershipListener>(provider => provider.GetRequiredService<BoardReplicator>());
        services.AddHostedService(provider => provider.GetRequiredService<BoardReplicator>());
        return services;
    }

    /// <summary>
    /// Data Protection keys in Redis (<c>{KeyPrefix}:data-protection-keys</c>), under the one application name, so
    /// that an access cookie, an antiforgery token or a sign-in issued by one replica is read by every other. The
    /// repository <c>PersistKeysToStackExchangeRedis</c> configures, over the process's one Redis connection; set
    /// after everything else, so that it wins over <c>Security:KeyRingPath</c>.
    /// </summary>
    private static void AddSharedDataProtection(this IServiceCollection services, string keyPrefix)
    {
        services.AddDataProtection().SetApplicationName(SecurityExtensions.DataProtectionApplicationName);
        services.AddOptions<KeyManagementOptions>().PostConfigure<IConnectionMultiplexer>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), $"{keyPrefix}:data-protection-keys"));
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
