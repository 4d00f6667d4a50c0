namespace SutWeb.Notifications.Rules;

/// <summary>
/// Counts each agent's disconnects: <see cref="RuleLimits.FlapThreshold"/> of them within
/// <see cref="RuleLimits.FlapWindow"/> make it flapping, until it goes a whole window without one (it settles).
/// </summary>
public sealed class FlapDetector(int threshold, TimeSpan window)
{
    private readonly Dictionary<string, AgentFlaps> _agents = new(StringComparer.Ordinal);

    /// <returns>True when this disconnect makes the agent start flapping.</returns>
    public bool OnDisconnect(string key, DateTimeOffset now)
    {
        if (!_agents.TryGetValue(key, out var flaps))
        {
            _agents[key] = flaps = new AgentFlaps();
        }
        Prune(flaps, now);
        flaps.Drops.Enqueue(now);
        if (flaps.Flapping || flaps.Drops.Count < threshold)
        {
            return false;
        }
        flaps.Flapping = true;
        return true;
    }

    public bool IsFlapping(string key) => _agents.TryGetValue(key, out var flaps) && flaps.Flapping;

    /// <summary>The disconnects counted now and the first of them.</summary>
    public (int Count, DateTimeOffset? First) Drops(string key) =>
        _agents.TryGetValue(key, out var flaps) && flaps.Drops.Count > 0 ? (flaps.Drops.Count, flaps.Drops.Peek()) : (0, null);

    /// <summary>When the next flapping agent settles if it does not drop again; null when none flaps.</summary>
    public DateTimeOffset? NextSettle =>
        _agents.Values.Where(f => f.Flapping).Select(f => f.Drops.Last() + window).DefaultIfEmpty().Min() is { } due
        && due != default ? due : null;

    /// <summary>The agents that settle by <paramref name="now"/>; agents with nothing left to count are forgotten.</summary>
    public IReadOnlyList<string> Settle(DateTimeOffset now)
    {
        var settled = new List<string>();
        foreach (var (key, flaps) in _agents.ToList())
        {
            if (flaps.Flapping && flaps.Drops.Last() + window <= now)
            {
                flaps.Flapping = false;
                settled.Add(key);
            }
            Prune(flaps, now);
            if (!flaps.Flapping && flaps.Drops.Count == 0)
            {
                _agents.Remove(key);
            }
        }
        return settled;
    }

    private void Prune(AgentFlaps flaps, DateTimeOffset now)
    {
        while (flaps.Drops.Count > 0 && flaps.Drops.Peek() + window <= now)
        {
            flaps.Drops.Dequeue();
        }
    }
}
