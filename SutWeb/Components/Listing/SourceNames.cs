using SutWeb.Shared.Views;

namespace SutWeb.Components.Listing;

/// <summary>
/// What screens call each source, while the board has several (<c>Health.Sources</c> of more than one): the one rule
/// of the desk and the wall for whether to name sources at all, and by what name. The source <c>default</c>'s agents
/// carry no name of their own (its poller stamps none, as before sources existed), so names come from the health.
/// </summary>
public static class SourceNames
{
    /// <summary>Source id to name; null while the board has one source, when nothing on screen names a source.</summary>
    public static IReadOnlyDictionary<string, string>? Of(UpstreamHealth health)
    {
        if (health.Sources is not { Count: > 1 } sources)
        {
            return null;
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            names.TryAdd(source.Source, source.SourceName.Length > 0 ? source.SourceName : source.Source);
        }
        return names;
    }

    /// <summary>The agent's source by name: the board's name for it, else the agent's own, else its id.</summary>
    public static string NameOf(this IReadOnlyDictionary<string, string> names, AgentView agent) =>
        names.TryGetValue(agent.Source, out var name) ? name : agent.SourceName.Length > 0 ? agent.SourceName : agent.Source;

    /// <summary>Whether the names hold the same sources under the same names.</summary>
    public static bool Same(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null && a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var name) && name == p.Value));
}
