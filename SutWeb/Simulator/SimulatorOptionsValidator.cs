using Microsoft.Extensions.Options;

namespace SutWeb.Simulator;

/// <summary>Rejects simulator settings that would make it misbehave, with a message naming the setting.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    /// <summary>The highest <see cref="SimulatorOptions.MaxAgents"/> and <see cref="SimulatorOptions.MaxTokens"/> allowed.</summary>
    public const int HardLimit = 100_000;
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan MinActivityInterval = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan MaxActivityInterval = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        var section = SimulatorOptions.SectionName;
        if (options.MaxAgents is < 1 or > HardLimit)
        {
            failures.Add($"{section}:MaxAgents must be between 1 and {HardLimit}; it is {options.MaxAgents}.");
        }
        else if (options.AgentCount < 0 || options.AgentCount > options.MaxAgents)
        {
            failures.Add($"{section}:AgentCount must be between 0 and {section}:MaxAgents ({options.MaxAgents}); it is {options.AgentCount}.");
        }
        if (options.MaxTokens is < 1 or > HardLimit)
        {
            failures.Add($"{section}:MaxTokens must be between 1 and {HardLimit}; it is {options.MaxTokens}.");
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
