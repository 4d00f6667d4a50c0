using SutWeb.Shared.Views;
using SutWeb.Shared.Wire;

namespace SutWeb.Shared.Mapping;

/// <summary>
/// Maps one status answer after another, as the poller does. Between two polls most agents do not change, so an
/// agent connection whose JSON is byte for byte what the last good answer had keeps its view from then: it is
/// neither read again nor mapped again, and the differ finds it unchanged at once. The result is exactly what
/// <see cref="AgentViewMapper.ToViews"/> gives for the same answer.
/// </summary>
/// <param name="source">The source whose answers these are: it prefixes keys (<see cref="AgentKeys"/>) and is stamped on each view.</param>
/// <param name="sourceName">What screens call that source.</param>
public sealed class IncrementalAgentViewMapper(AgentViewLimits limits, string source = AgentKeys.DefaultSource, string sourceName = "")
{
    // The last good answer's agent connections (their JSON bytes) and the views made of them.
    private Dictionary<byte[], AgentView> _known = new(ByteSequenceComparer.Instance);

    public IReadOnlyList<AgentView> Map(ReadOnlySpan<byte> utf8Json)
    {
        var elements = StatusPayloadParser.SplitElements(utf8Json, limits.MaxAgents);
        var known = _known.GetAlternateLookup<ReadOnlySpan<byte>>();
        var next = new Dictionary<byte[], AgentView>(elements.Count, ByteSequenceComparer.Instance);
        var views = new List<AgentView>(elements.Count);
        foreach (var element in elements)
        {
            var json = utf8Json[element];
            if (!known.TryGetValue(json, out var bytes, out var view))
            {
                view = Stamp(AgentViewMapper.ToView(StatusPayloadParser.ParseElement(json), limits));
                bytes = json.ToArray();
            }
            next.TryAdd(bytes, view);
            views.Add(view);
        }
        var result = AgentViewMapper.NumberAndSort(views);
        // Only a good answer replaces what is known: after a bad one, the last good one is still the reference.
        _known = next;
        return result;
    }

    // Before numbering, so that a duplicate becomes {source}/name:port#2 and the cache keeps the stamped view.
    private AgentView Stamp(AgentView view) =>
        source == AgentKeys.DefaultSource && sourceName.Length == 0
            ? view
            : view with { Key = AgentKeys.For(source, view.AgentName, view.Port), Source = source, SourceName = sourceName };
}
