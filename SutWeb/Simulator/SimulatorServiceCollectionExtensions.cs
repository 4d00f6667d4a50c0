using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SutWeb.Eggplant;

namespace SutWeb.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded Eggplant AI simulator: its options (section <c>Simulator</c> of
    /// <paramref name="configuration"/>, validated at start), its state and its activity loop.
    /// Serve it with <see cref="SimulatorEndpointRouteBuilderExtensions.MapEggplantSimulator"/>.
    /// </summary>
    public static IServiceCollection AddEggplantSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>()
            .Bind(configuration.GetSection(SimulatorOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorPlacementValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatorAgents>();
        services.TryAddSingleton<SimulatorTokens>();
        services.TryAddSingleton<SimulatorCounters>();
        services.TryAddSingleton<SimulatorState>();
        services.AddHostedService<SimulatorActivity>();
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
}
