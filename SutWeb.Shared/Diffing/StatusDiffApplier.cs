using SutWeb.Shared.Views;

namespace SutWeb.Shared.Diffing;

/// <summary>Applies a diff to a snapshot, as every client of the board does.</summary>
public static class StatusDiffApplier
{
    /// <summary>The agents after <paramref name="diff"/>, in ordinal key order.</summary>
    public static IReadOnlyList<AgentView> Apply(IReadOnlyList<AgentView> agents, StatusDiff diff)
    {
        var byKey = new Dictionary<string, AgentView>(agents.Count + diff.Upserted.Count, StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            byKey[agent.Key] = agent;
        }
        foreach (var key in diff.Removed)
        {
            byKey.Remove(key);
        }
        foreach (var agent in diff.Upserted)
        {
            byKey[agent.Key] = agent;
        }
        var result = byKey.Values.ToList();
        result.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    /// <summary>The snapshot after <paramref name="diff"/>; a diff that does not start at the snapshot's version is a gap.</summary>
    public static StatusSnapshot Apply(StatusSnapshot snapshot, StatusDiff diff)
    {
        if (diff.FromVersion != snapshot.Version)
        {
            throw new InvalidOperationException(
                $"The diff starts at version {diff.FromVersion} but the snapshot is at {snapshot.Version}: take a new snapshot.");
        }
        return snapshot with
        {
            Version = diff.ToVersion,
            ObservedAt = diff.ObservedAt,
            Agents = Apply(snapshot.Agents, diff),
        };
    }
}
