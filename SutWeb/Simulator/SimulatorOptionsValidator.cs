using Microsoft.Extensions.Options;

namespace SutWeb.Simulator;

/// <summary>Rejects simulator settings that would make it misbehave, with a message naming the setting.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public const int MaxAgentCount = 10_000;
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan MinActivityInterval = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxActivityInterval = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        var section = SimulatorOptions.SectionName;
        if (options.AgentCount is < 0 or > MaxAgentCount)
        {
            failures.Add($"{section}:AgentCount must be between 0 and {MaxAgentCount}; it is {options.AgentCount}.");
        }
        if (string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{section}:Password must not be empty.");
        }
        if (options.TokenLifetime < TimeSpan.FromSeconds(1) || options.TokenLifetime > MaxTokenLifetime)
        {
            failures.Add($"{section}:TokenLifetime must be between 00:00:01 and {MaxTokenLifetime}; it is {options.TokenLifetime}.");
        }
        if (options.ActivityInterval < MinActivityInterval || options.ActivityInterval > MaxActivityInterval)
        {
            failures.Add($"{section}:ActivityInterval must be between {MinActivityInterval} and {MaxActivityInterval}; it is {options.ActivityInterval}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
