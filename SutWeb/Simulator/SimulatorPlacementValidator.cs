using Microsoft.Extensions.Options;
using SutWeb.Eggplant;

namespace SutWeb.Simulator;

/// <summary>
/// Refuses to start a simulator that was switched on next to a real Eggplant server, unless that is asked for: the
/// simulator's password is a demo password, and its control API can change what a board shows.
/// </summary>
internal sealed class SimulatorPlacementValidator(IConfiguration configuration) : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var realServer = !string.IsNullOrWhiteSpace(configuration[$"{EggplantOptions.Section}:{nameof(EggplantOptions.BaseUrl)}"]);
        if (options.Enabled != true || !realServer || options.AllowBesideRealServer)
        {
            return ValidateOptionsResult.Success;
        }
        var section = SimulatorOptions.SectionName;
        return ValidateOptionsResult.Fail(
            $"{section}:Enabled is true while {EggplantOptions.Section}:BaseUrl names a real Eggplant server: SutWeb would "
            + "serve a simulator that anyone can sign in to beside it. Turn one of them off, or set "
            + $"{section}:AllowBesideRealServer=true to serve both.");
    }
}
