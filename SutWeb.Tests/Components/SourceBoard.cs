using SutWeb.Monitoring;
using SutWeb.Shared.Mapping;
using SutWeb.Shared.Views;

namespace SutWeb.Tests.Components;

/// <summary>Several sources on a test's board, as their pollers publish them: each its own agents, then its health.</summary>
public static class SourceBoard
{
    /// <summary>
    /// The agent as its source's poller stamps it: its key prefixed and the source named, for any source but <c>default</c>,
    /// whose poller stamps nothing (as before sources existed), so that only the board's health names it.
    /// </summary>
    public static AgentView From(this AgentView agent, string source, string sourceName) =>
        source == AgentKeys.DefaultSource
            ? agent
            : agent with { Key = AgentKeys.For(source, agent.AgentName, agent.Port), Source = source, SourceName = sourceName };

    /// <summary>One good poll of <paramref name="source"/>: its agents (stamped with it), then healthy as of <paramref name="now"/>.</summary>
    public static void Publish(AgentBoard board, DateTimeOffset now, string source, string sourceName, params AgentView[] agents)
    {
        board.PublishAgents(source, [.. agents.Select(a => a.From(source, sourceName)).OrderBy(a => a.Key, StringComparer.Ordinal)], now);
        board.PublishHealth(source, sourceName, new UpstreamHealth { State = UpstreamState.Healthy, LastSuccessAt = now, PollIntervalSeconds = 2 });
    }
}
