using Microsoft.Extensions.Options;
using SutWeb.Eggplant;

namespace SutWeb.Simulator;

/// <summary>
/// Refuses to start a simulator that was switched on (or given instances) next to a real Eggplant server, unless that is asked for: the
/// simulator's password is a demo password, and its control API can change what a board shows.
/// </summary>
internal sealed class SimulatorPlacementValidator(IConfiguration configuration) : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var eggplant = configuration.GetSection(EggplantOptions.Section);
        var server = !string.IsNullOrWhiteSpace(eggplant[nameof(EggplantOptions.BaseUrl)]) ? $"{EggplantOptions.Section}:BaseUrl"
            : eggplant.GetSection(nameof(EggplantOptions.Sources)).GetChildren().Any() ? $"{EggplantOptions.Section}:Sources"
            : null;
        var asked = options.Enabled == true || options.Instances.Count > 0;
        if (!asked || server is null || options.AllowBesideRealServer)
        {
            return ValidateOptionsResult.Success;
        }
        var section = SimulatorOptions.SectionName;
        var setting = options.Enabled == true ? $"{section}:Enabled is true" : $"{SimulatorInstances.Setting} is set";
        return ValidateOptionsResult.Fail(
            $"{setting} while {server} names a real Eggplant server: SutWeb would "
            + "serve a simulator that anyone can sign in to beside it. Turn one of them off, or set "
            + $"{section}:AllowBesideRealServer=true to serve both.");
    }
}
