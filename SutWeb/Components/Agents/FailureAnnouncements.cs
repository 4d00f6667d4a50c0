namespace SutWeb.Components.Agents;

/// <summary>
/// What the desk's polite live region says about failures: "Agent X failed." for one, one sentence for a burst.
/// Sentences come at most once per <see cref="QuietPeriod"/>, so that a burst of failures is one announcement rather
/// than a screen reader reading for a minute; names that arrive meanwhile wait for the next sentence. Bounded: a
/// sentence names at most <see cref="MaxNames"/> agents and counts the rest. Plain logic; the component owns the timer.
/// </summary>
public sealed class FailureAnnouncements
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(5);

    public const int MaxNames = 3;

    private readonly List<string> _names = new(MaxNames);
    private readonly HashSet<string> _pendingKeys = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastAnnounced;

    /// <summary>The sentence for the live region; empty until the first failure.</summary>
    public string Text { get; private set; } = "";

    /// <summary>
    /// Announcements made so far. The region keys its text on it, so that the same sentence again ("Agent X failed."
    /// a second time) is new content that a screen reader speaks, not an unchanged text it ignores.
    /// </summary>
    public int Count { get; private set; }

    public bool HasPending => _pendingKeys.Count > 0;

    /// <summary>Notes an agent (by its board key, so that two connections of one name count twice) that has just entered Failed.</summary>
    public void Add(string key, string agentName)
    {
        if (!_pendingKeys.Add(key))
        {
            return;
        }
        var name = agentName.Length == 0 ? "(unnamed)" : agentName;
        if (_names.Count < MaxNames && !_names.Contains(name, StringComparer.Ordinal))
        {
            _names.Add(name);
        }
    }

    /// <summary>Announces what is pending if the quiet period since the last announcement is over.</summary>
    /// <returns>When to call again, while something waits; null when nothing does.</returns>
    public DateTimeOffset? Announce(DateTimeOffset now)
    {
        if (_pendingKeys.Count == 0)
        {
            return null;
        }
        if (_lastAnnounced is { } last && now < last + QuietPeriod)
        {
            return last + QuietPeriod;
        }
        Text = Sentence(_names, _pendingKeys.Count);
        Count++;
        _lastAnnounced = now;
        _names.Clear();
        _pendingKeys.Clear();
        return null;
    }

    private static string Sentence(IReadOnlyList<string> names, int count)
    {
        if (count == 1)
        {
            return $"Agent {names[0]} failed.";
        }
        var more = count - names.Count;
        var listed = more > 0
            ? string.Join(", ", names) + $" and {more} more"
            : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return $"{count} agents failed: {listed}.";
    }
}
