using SutWeb.Shared.Views;

namespace SutWeb.Shared.Diffing;

/// <summary>A pure function from two snapshots of agents to the diff between them, in linear time.</summary>
public static class StatusDiffer
{
    /// <returns>The diff from <paramref name="fromVersion"/> to the next version, or null when nothing changed.</returns>
    public static StatusDiff? Diff(
        IReadOnlyList<AgentView> previous,
        IReadOnlyList<AgentView> current,
        long fromVersion,
        DateTimeOffset observedAt)
    {
        var before = new Dictionary<string, AgentView>(previous.Count, StringComparer.Ordinal);
        foreach (var agent in previous)
        {
            before[agent.Key] = agent;
        }
        var upserted = new List<AgentView>();
        foreach (var agent in current)
        {
            if (!before.Remove(agent.Key, out var old) || !Same(old, agent))
            {
                upserted.Add(agent);
            }
        }
        // What is left of the previous agents did not appear in the current snapshot.
        var removed = before.Keys.Order(StringComparer.Ordinal).ToList();
        if (upserted.Count == 0 && removed.Count == 0)
        {
            return null;
        }
        return new StatusDiff
        {
            FromVersion = fromVersion,
            ToVersion = fromVersion + 1,
            ObservedAt = observedAt,
            Upserted = upserted,
            Removed = removed,
        };
    }

    /// <summary>
    /// Record equality, plus the offsets of the run's times: <see cref="DateTimeOffset"/> equality compares instants
    /// only, but the offset is shown and sent to clients (a PostgreSQL server changes it with daylight saving time).
    /// </summary>
    private static bool Same(AgentView a, AgentView b) =>
        a.Equals(b)
        && a.Execution?.StartTime?.Offset == b.Execution?.StartTime?.Offset
        && a.Execution?.EndTime?.Offset == b.Execution?.EndTime?.Offset;
}
