using SutWeb.Components.Styling;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Agents;

/// <summary>
/// One viewer's rows: the board's agents plus what only this viewer remembers (open details, the last outcome of
/// each agent, agents that disconnected a moment ago). Plain logic; the page owns one per circuit.
/// </summary>
public sealed class AgentRows
{
    private readonly Dictionary<string, AgentRowModel> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentState> _lastOutcomes = new(StringComparer.Ordinal);
    private bool _seen;

    public IReadOnlyCollection<AgentRowModel> All => _rows.Values;

    public AgentRowModel? Find(string key) => _rows.GetValueOrDefault(key);

    /// <summary>Brings the rows up to <paramref name="agents"/>.</summary>
    /// <param name="changedKeys">The keys that may have changed; null means any of them.</param>
    /// <returns>Whether any row changed.</returns>
    public bool Apply(IReadOnlyList<AgentView> agents, IReadOnlySet<string>? changedKeys, DateTimeOffset now)
    {
        // The first picture is not news: nothing flashes on it.
        var flash = _seen;
        _seen = true;
        var current = new Dictionary<string, AgentView>(agents.Count, StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            current[agent.Key] = agent;
        }
        var keys = changedKeys is null ? [.. current.Keys.Union(_rows.Keys, StringComparer.Ordinal)] : changedKeys.ToList();
        var changed = false;
        foreach (var key in keys)
        {
            changed |= current.TryGetValue(key, out var agent) ? Upsert(agent, now, flash) : Depart(key, now);
        }
        return changed;
    }

    /// <summary>
    /// Forgets agents that disconnected at least <paramref name="retention"/> ago, and the oldest departures beyond
    /// <paramref name="maxDeparted"/>, so that churn on a large farm cannot fill the desk with grey rows.
    /// </summary>
    /// <returns>Whether any row went.</returns>
    public bool RemoveDeparted(DateTimeOffset now, TimeSpan retention, int maxDeparted = int.MaxValue)
    {
        var departed = _rows.Values.Where(r => r.IsDisconnected).ToList();
        var expired = departed.Where(r => r.DisconnectedAt + retention <= now).Select(r => r.Key).ToList();
        var kept = departed.Count - expired.Count;
        if (kept > maxDeparted)
        {
            expired.AddRange(departed
                .Where(r => r.DisconnectedAt + retention > now)
                .OrderBy(r => r.DisconnectedAt)
                .ThenBy(r => r.Key, StringComparer.Ordinal)
                .Take(kept - Math.Max(maxDeparted, 0))
                .Select(r => r.Key));
        }
        foreach (var key in expired)
        {
            _rows.Remove(key);
            _lastOutcomes.Remove(key);
        }
        return expired.Count > 0;
    }

    /// <summary>When the next disconnected agent is due to go, if any.</summary>
    public DateTimeOffset? NextDeparture(TimeSpan retention) =>
        _rows.Values.Where(r => r.IsDisconnected).Select(r => r.DisconnectedAt + retention).Min();

    public bool ToggleExpanded(string key)
    {
        if (!_rows.TryGetValue(key, out var row))
        {
            return false;
        }
        _rows[key] = row with { Expanded = !row.Expanded };
        return true;
    }

    private bool Upsert(AgentView agent, DateTimeOffset now, bool flash)
    {
        _rows.TryGetValue(agent.Key, out var old);
        if (old is { IsDisconnected: false } && (ReferenceEquals(old.Agent, agent) || old.Agent.Equals(agent)))
        {
            return false;
        }
        AgentState? previousOutcome = _lastOutcomes.TryGetValue(agent.Key, out var outcome) ? outcome : null;
        if (AgentStateStyles.IsOutcome(agent.State))
        {
            _lastOutcomes[agent.Key] = agent.State;
        }
        _rows[agent.Key] = new AgentRowModel
        {
            Agent = agent,
            Expanded = old?.Expanded ?? false,
            PreviousOutcome = agent.State == AgentState.Running ? previousOutcome : null,
            FlashGeneration = (old?.FlashGeneration ?? 0) + (flash ? 1 : 0),
            ChangedAt = now,
        };
        return true;
    }

    private bool Depart(string key, DateTimeOffset now)
    {
        if (!_rows.TryGetValue(key, out var old) || old.IsDisconnected)
        {
            return false;
        }
        _rows[key] = old with { DisconnectedAt = now, PreviousOutcome = null, FlashGeneration = old.FlashGeneration + 1, ChangedAt = now };
        return true;
    }
}
