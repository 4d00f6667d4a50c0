using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
}
