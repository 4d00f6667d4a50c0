namespace SutWeb.Notifications.Rules;

/// <summary>A rule and the conditions it follows now, by event and subject (an agent's key, a source's id).</summary>
public sealed class RuleState(CompiledRule rule)
{
    public CompiledRule Rule { get; } = rule;

    public Dictionary<(string Event, string Subject), Condition> Conditions { get; } = [];
}
