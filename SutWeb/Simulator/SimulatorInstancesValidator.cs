using Microsoft.Extensions.Options;

namespace SutWeb.Simulator;

/// <summary>Stops the start on a <c>Simulator:Instances</c> id that cannot be a source, naming its setting.</summary>
internal sealed class SimulatorInstancesValidator(IConfiguration configuration) : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options) =>
        SimulatorInstances.Problems(configuration) is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Success;
}
