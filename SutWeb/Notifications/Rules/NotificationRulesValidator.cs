using Microsoft.Extensions.Options;

namespace SutWeb.Notifications.Rules;

/// <summary>
/// Checks <c>Notifications:Rules</c> at start-up, with messages that name the setting to fix. The channels' own
/// settings are the delivery's to check.
/// </summary>
public sealed class NotificationRulesValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        foreach (var (ruleName, rule) in options.Rules)
        {
            Check($"{NotificationOptions.Section}:Rules:{ruleName}", rule, options, errors);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string at, RuleOptions rule, NotificationOptions options, List<string> errors)
    {
        var events = string.Join(", ", NotificationEvents.All);
        if (rule.Events.Count == 0)
        {
            errors.Add($"{at}:Events is empty: name at least one of {events}.");
        }
        foreach (var notificationEvent in rule.Events)
        {
            if (!NotificationEvents.All.Contains(notificationEvent?.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{at}:Events names '{notificationEvent}', which is not an event (one of {events}).");
            }
        }
        if (rule.Channels.Count == 0)
        {
            errors.Add($"{at}:Channels is empty: name at least one channel of {NotificationOptions.Section}:Channels.");
        }
        foreach (var channel in rule.Channels)
        {
            if (channel is null || !options.Channels.ContainsKey(channel.Trim()))
            {
                var known = options.Channels.Count == 0 ? "none is configured" : "the channels are " + string.Join(", ", options.Channels.Keys.Order(StringComparer.Ordinal));
                errors.Add($"{at}:Channels names '{channel}', which is not a channel ({NotificationOptions.Section}:Channels: {known}).");
            }
        }
        if (rule.For < TimeSpan.Zero)
        {
            errors.Add($"{at}:For must not be negative (is {rule.For}).");
        }
        if (rule.RepeatEvery is { } repeat && repeat <= TimeSpan.Zero)
        {
            errors.Add($"{at}:RepeatEvery must be positive (is {repeat}); leave it out to send once.");
        }
        CheckPatterns($"{at}:Sources", rule.Sources, errors);
        CheckPatterns($"{at}:Agents", rule.Agents, errors);
        CheckPatterns($"{at}:Models", rule.Models, errors);
    }

    private static void CheckPatterns(string at, List<string> patterns, List<string> errors)
    {
        foreach (var pattern in patterns)
        {
            if (Glob.Problem(pattern) is { } problem)
            {
                errors.Add($"{at} names '{pattern}', which is not a pattern: {problem}.");
            }
        }
    }
}
