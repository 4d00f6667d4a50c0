using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>
/// Whose data on screen is stale at one moment: with several sources, those whose own health is not fresh
/// (<see cref="UpstreamFreshness"/>, each against its own interval in force); with one, the whole board or nothing.
/// Worked out once per tick for a page, then asked per agent; equal values mean nothing to render again.
/// </summary>
public sealed class StaleSources : IEquatable<StaleSources>
{
    private readonly string[] _ids;
    private readonly string[] _names;

    private StaleSources(bool everything, string[] ids, string[] names)
    {
        Everything = everything;
        _ids = ids;
        _names = names;
    }

    public static StaleSources None { get; } = new(false, [], []);

    /// <summary>The one source's (or board's) data is stale: every agent is.</summary>
    public bool Everything { get; }

    /// <summary>The stale sources' ids, in the board's order; empty when <see cref="Everything"/> or nothing is stale.</summary>
    public IReadOnlyList<string> Ids => _ids;

    public bool IsEmpty => !Everything && _ids.Length == 0;

    /// <summary>
    /// The stale sources of <paramref name="health"/> at <paramref name="now"/>. A source still starting has shown
    /// nothing yet, so nothing of it is called stale.
    /// </summary>
    public static StaleSources Of(UpstreamHealth health, DateTimeOffset now)
    {
        if (health.Sources is not { Count: > 1 } sources)
        {
            return IsStale(health, now) ? new StaleSources(true, [], []) : None;
        }
        List<SourceHealth>? stale = null;
        foreach (var source in sources)
        {
            if (IsStale(source.AsUpstream(), now))
            {
                (stale ??= []).Add(source);
            }
        }
        return stale is null ? None : new StaleSources(false, [.. stale.Select(s => s.Source)], [.. stale.Select(s => s.SourceName)]);
    }

    private static bool IsStale(UpstreamHealth health, DateTimeOffset now) =>
        health.State != UpstreamState.Starting && !UpstreamFreshness.IsFresh(health, now);

    public bool Covers(AgentView agent) => Everything || (_ids.Length > 0 && Array.IndexOf(_ids, agent.Source) >= 0);

    /// <summary>What a screen reader hears for a stale agent: "Data from Lab B is stale".</summary>
    public string Sentence(AgentView agent)
    {
        var index = Array.IndexOf(_ids, agent.Source);
        var name = index >= 0 ? _names[index] : agent.SourceName;
        return string.IsNullOrWhiteSpace(name) ? "Data is stale" : $"Data from {name} is stale";
    }

    public bool Equals(StaleSources? other) =>
        other is not null && Everything == other.Everything && _ids.AsSpan().SequenceEqual(other._ids) && _names.AsSpan().SequenceEqual(other._names);

    public override bool Equals(object? obj) => Equals(obj as StaleSources);

    public override int GetHashCode() => HashCode.Combine(Everything, _ids.Length, _ids.FirstOrDefault());
}
