using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant;
using SutWeb.Eggplant.Sources;

namespace SutWeb.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded Eggplant AI simulator: its options (section <c>Simulator</c> of
    /// <paramref name="configuration"/>, validated at start), its state and its activity loop, and one more of each,
    /// keyed by id, per <c>Simulator:Instances</c> entry, which also becomes a source (<see cref="SimulatorInstances"/>).
    /// Serve it with <see cref="SimulatorEndpointRouteBuilderExtensions.MapEggplantSimulator"/>; call this after
    /// <c>AddEggplantClient</c> and before <c>AddAgentMonitoring</c>, which polls every source registered by then.
    /// </summary>
    public static IServiceCollection AddEggplantSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>()
            .Bind(configuration.GetSection(SimulatorOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorPlacementValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorInstancesValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatorAgents>();
        services.TryAddSingleton<SimulatorTokens>();
        services.TryAddSingleton<SimulatorCounters>();
        services.TryAddSingleton<SimulatorState>();
        services.AddHostedService<SimulatorActivity>();

        // A bad id is left out here and stops the start in SimulatorInstancesValidator, naming its setting.
        var instances = SimulatorInstances.Usable(configuration);
        if (instances.Count > 0)
        {
            var flat = configuration.GetSection(EggplantOptions.Section).Get<EggplantOptions>() ?? new EggplantOptions();
            var password = configuration[$"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.Password)}"] ?? new SimulatorOptions().Password;
            var seed = int.TryParse(configuration[$"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.Seed)}"], out var configured)
                ? configured
                : new SimulatorOptions().Seed;
            foreach (var id in instances)
            {
                services.AddSimulatorInstance(id, InstanceSeed(seed, id));
                services.AddEggplantSource(EggplantSources.SimulatorInstance(
                    flat, id, SimulatorInstances.PathOf(id), SimulatorSignInCredentials.Username, password));
            }
        }
        return services;
    }

    /// <summary>
    /// When no <c>Eggplant:BaseUrl</c> is set, the Eggplant client signs in to this simulator with its own credentials,
    /// whatever else is configured, and a start-up line names the real-server credentials that are set but ignored.
    /// </summary>
    public static IServiceCollection AddSimulatorSignIn(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<EggplantOptions>, SimulatorSignInCredentials>());
        services.AddHostedService<IgnoredCredentialsNotice>();
        return services;
    }

    /// <summary>An instance's own agents, tokens, counters, state and activity, keyed by its id.</summary>
    private static void AddSimulatorInstance(this IServiceCollection services, string id, int seed)
    {
        services.AddKeyedSingleton(id, (provider, _) => new SimulatorAgents(
            provider.GetRequiredService<IOptions<SimulatorOptions>>(), provider.GetRequiredService<TimeProvider>(), seed));
        services.AddKeyedSingleton(id, (provider, _) => new SimulatorTokens(
            provider.GetRequiredService<IOptions<SimulatorOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SimulatorTokens>>()));
        services.AddKeyedSingleton<SimulatorCounters>(id);
        services.AddKeyedSingleton(id, (provider, _) => new SimulatorState(
            provider.GetRequiredKeyedService<SimulatorAgents>(id),
            provider.GetRequiredKeyedService<SimulatorTokens>(id),
            provider.GetRequiredKeyedService<SimulatorCounters>(id),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<SimulatorState>>()));
        services.AddSingleton<IHostedService>(provider => new SimulatorActivity(
            provider.GetRequiredKeyedService<SimulatorAgents>(id),
            provider.GetRequiredService<IOptions<SimulatorOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SimulatorActivity>>()));
    }

    /// <summary>The same names from the same catalog, but runs of their own: a seed of its own, the same on every start.</summary>
    private static int InstanceSeed(int seed, string id) => id.Aggregate(seed, (hash, c) => unchecked((hash * 31) + c));
}
