using Microsoft.Extensions.Options;
using SutWeb.Eggplant;

namespace SutWeb.Simulator;

/// <summary>
/// Whether this host serves the embedded simulator: as configured (<see cref="SimulatorOptions.Enabled"/>), else
/// whenever a source is a simulator: the source <c>default</c> (no Eggplant server is configured, neither flat nor
/// under <c>Eggplant:Sources</c>) or a <c>Simulator:Instances</c> entry. Read from the raw configuration, because it
/// decides which endpoints and services the host gets, before options exist.
/// </summary>
public static class SimulatorActivation
{
    public static bool IsEnabled(IConfiguration configuration)
    {
        var instances = SimulatorInstances.AnyConfigured(configuration);
        if (bool.TryParse(configuration[$"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.Enabled)}"], out var enabled))
        {
            if (!enabled && instances)
            {
                throw new OptionsValidationException(SimulatorOptions.SectionName, typeof(SimulatorOptions),
                [
                    $"{SimulatorInstances.Setting} lists simulators to serve, but {SimulatorOptions.SectionName}:Enabled is false: "
                    + "remove one of the two settings.",
                ]);
            }
            return enabled;
        }
        var eggplant = configuration.GetSection(EggplantOptions.Section);
        var defaultIsSimulator = string.IsNullOrWhiteSpace(eggplant[nameof(EggplantOptions.BaseUrl)])
            && !eggplant.GetSection(nameof(EggplantOptions.Sources)).GetChildren().Any();
        return defaultIsSimulator || instances;
    }

    /// <summary>
    /// Whether any source on the board is a simulator, so its agents are made up: the source <c>default</c> when no
    /// server is configured, or an instance.
    /// </summary>
    public static bool FeedsBoard(EggplantOptions eggplant, SimulatorOptions simulator) =>
        (eggplant.UsesSimulator && eggplant.Sources.Count == 0) || simulator.Instances.Count > 0;
}
