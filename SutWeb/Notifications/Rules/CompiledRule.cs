using SutWeb.Shared.Views;

namespace SutWeb.Notifications.Rules;

/// <summary>
/// One validated rule, ready to judge: its events, its patterns and its timing. Source events are filtered by
/// <c>Sources</c> only; agent and run events by <c>Sources</c>, <c>Agents</c> and <c>Models</c> (an agent with no run
/// has no model, so a rule with <c>Models</c> passes it by).
/// </summary>
public sealed class CompiledRule
{
    private readonly HashSet<string> _events;
    private readonly IReadOnlyList<Glob> _sources;
    private readonly IReadOnlyList<Glob> _agents;
    private readonly IReadOnlyList<Glob> _models;

    public CompiledRule(string name, RuleOptions options)
    {
        Name = name;
        // Canonical spelling whatever the case in configuration, each once (a list bound twice repeats its items).
        _events = options.Events.Select(e => NotificationEvents.All.First(known => known.Equals(e.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToHashSet(StringComparer.Ordinal);
        _sources = [.. options.Sources.Distinct(StringComparer.OrdinalIgnoreCase).Select(Glob.Parse)];
        _agents = [.. options.Agents.Distinct(StringComparer.OrdinalIgnoreCase).Select(Glob.Parse)];
        _models = [.. options.Models.Distinct(StringComparer.OrdinalIgnoreCase).Select(Glob.Parse)];
        Channels = [.. options.Channels.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        For = options.For;
        RepeatEvery = options.RepeatEvery;
        SendResolved = options.SendResolved;
    }

    public string Name { get; }

    public IReadOnlyList<string> Channels { get; }

    public TimeSpan For { get; }

    public TimeSpan? RepeatEvery { get; }

    public bool SendResolved { get; }

    public bool Lists(string notificationEvent) => _events.Contains(notificationEvent);

    /// <summary>Whether the rule follows agents' connections (to tell of a drop, of a return, or both).</summary>
    public bool FollowsConnections => Lists(NotificationEvents.AgentDisconnected) || Lists(NotificationEvents.AgentReconnected);

    /// <summary>Whether the rule follows sources' health (to tell of an outage, of its end, or both).</summary>
    public bool FollowsSources => Lists(NotificationEvents.SourceDown) || Lists(NotificationEvents.SourceRecovered);

    public bool MatchesSource(string source) => _sources.Count == 0 || _sources.Any(g => g.IsMatch(source));

    public bool Matches(AgentView agent) =>
        MatchesSource(agent.Source)
        && (_agents.Count == 0 || _agents.Any(g => g.IsMatch(agent.AgentName)))
        && (_models.Count == 0 || (agent.Execution?.ModelName is { } model && _models.Any(g => g.IsMatch(model))));
}
