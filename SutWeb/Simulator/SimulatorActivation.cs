using SutWeb.Eggplant;

namespace SutWeb.Simulator;

/// <summary>
/// Whether this host serves the embedded simulator: as configured (<see cref="SimulatorOptions.Enabled"/>), else
/// whenever no Eggplant server is (<see cref="EggplantOptions.UsesSimulator"/>). Read from the raw configuration,
/// because it decides which endpoints and services the host gets, before options exist.
/// </summary>
public static class SimulatorActivation
{
    public static bool IsEnabled(IConfiguration configuration)
    {
        if (bool.TryParse(configuration[$"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.Enabled)}"], out var enabled))
        {
            return enabled;
        }
        return new EggplantOptions { BaseUrl = configuration[$"{EggplantOptions.Section}:{nameof(EggplantOptions.BaseUrl)}"] }.UsesSimulator;
    }
}
