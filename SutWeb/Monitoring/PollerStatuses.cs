using SutWeb.Eggplant.Sources;

namespace SutWeb.Monitoring;

/// <summary>
/// Every polled source with its poller's <see cref="PollerStatus"/>, in configuration order, <c>default</c> first when
/// it is polled: what the watchdog, <c>/readyz</c> and <c>/metrics</c> watch, one source apart from another.
/// </summary>
public sealed class PollerStatuses
{
    private readonly Dictionary<string, PollerStatus> _statuses;

    public PollerStatuses(IEnumerable<(EggplantSource Source, PollerStatus Status)> sources)
    {
        var list = sources.ToList();
        Sources = [.. list.Select(s => s.Source)];
        _statuses = list.ToDictionary(s => s.Source.Id, s => s.Status, StringComparer.Ordinal);
    }

    public IReadOnlyList<EggplantSource> Sources { get; }

    /// <summary>The status of the poller of <paramref name="source"/>.</summary>
    public PollerStatus this[EggplantSource source] => _statuses[source.Id];
}
