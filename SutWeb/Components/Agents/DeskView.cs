using SutWeb.Components.Listing;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Agents;

/// <summary>
/// What the desk shows one viewer: its rows, the query, the rows it matches in order, the state counts, and when
/// the next disconnected agent goes. Plain logic on <see cref="TimeProvider"/>, tested without a renderer; the page
/// feeds it the board's snapshots and the URL's query, and renders it.
/// </summary>
public sealed class DeskView : IDisposable
{
    private readonly AgentRows _rows = new();
    private readonly TimeProvider _time;
    private readonly DashboardOptions _options;
    private readonly Func<Action, Task> _invokeAsync;
    private ITimer? _departures;
    private bool _disposed;

    /// <param name="invokeAsync">The page's <c>InvokeAsync</c>: a departure comes due on a timer thread, and the rows
    /// change only on the circuit's dispatcher.</param>
    public DeskView(TimeProvider time, DashboardOptions options, Func<Action, Task> invokeAsync)
    {
        _time = time;
        _options = options;
        _invokeAsync = invokeAsync;
    }

    /// <summary>Raised on the dispatcher when rows went without a snapshot (a disconnected agent's time was up).</summary>
    public event Action? Changed;

    public AgentQuery Query { get; private set; } = AgentQuery.Everything;

    /// <summary>The rows the query matches, in the order to show them (a list: the grid virtualises it).</summary>
    public List<AgentRowModel> Shown { get; private set; } = [];

    /// <summary>
    /// While the query groups by source and the board has several: <see cref="Shown"/> in one section per source (by
    /// name), each headed by its <see cref="SourceGroup"/>, rows in the query's order within it. Null otherwise.
    /// </summary>
    public List<DeskLine>? Lines { get; private set; }

    /// <summary>The board's sources by name while it has several (<c>Health.Sources</c> of more than one); else empty, and nothing on screen names a source.</summary>
    public IReadOnlyList<SourceHealth> Sources { get; private set; } = [];

    /// <summary>Source id to name while the board has several sources (<see cref="SourceNames.Of"/>); null with one.</summary>
    public IReadOnlyDictionary<string, string>? SourceNames { get; private set; }

    public bool SeveralSources => SourceNames is not null;

    /// <summary>Connected agents per source id.</summary>
    public IReadOnlyDictionary<string, int> SourceCounts { get; private set; } = new Dictionary<string, int>();

    /// <summary>Every row, matched or not, the recently disconnected included.</summary>
    public int Total => _rows.All.Count;

    /// <summary>Connected agents per state.</summary>
    public IReadOnlyDictionary<AgentState, int> StateCounts { get; private set; } = new Dictionary<AgentState, int>();

    /// <summary>No poll has answered yet.</summary>
    public bool Waiting { get; private set; }

    public int FailedCount => StateCounts.GetValueOrDefault(AgentState.Failed);

    public string Title => FailedCount > 0 ? $"({FailedCount} failed) Agents · SutWeb" : "Agents · SutWeb";

    public string ShownText => Shown.Count == Total ? $"{Total} {(Total == 1 ? "agent" : "agents")}" : $"{Shown.Count} of {Total} agents";

    /// <summary>Takes in the board's state.</summary>
    /// <param name="changedKeys">The agents that may have changed; null means any of them.</param>
    /// <returns>Whether what the desk shows changed.</returns>
    public bool Apply(StatusSnapshot snapshot, IReadOnlySet<string>? changedKeys)
    {
        var now = _time.GetUtcNow();
        var changed = _rows.Apply(snapshot.Agents, changedKeys, now);
        changed |= _rows.RemoveDeparted(now, _options.DisconnectedRetention, _options.MaxDepartedRows);
        ScheduleDepartures(now);
        var wasWaiting = Waiting;
        Waiting = snapshot.Version == 0 && _rows.All.Count == 0;
        StateCounts = new StateCounts(snapshot.Agents).ByState;
        SourceCounts = snapshot.Agents.CountBy(a => a.Source, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var sourcesChanged = TakeSources(snapshot.Health);
        // Health alone changes nothing on the desk (the header shows it), except to stop waiting or to change the sources.
        if (!changed && changedKeys is not null && wasWaiting == Waiting && !sourcesChanged)
        {
            return false;
        }
        Refresh();
        return true;
    }

    public void SetQuery(AgentQuery query)
    {
        Query = query;
        Refresh();
    }

    /// <returns>Whether the row exists (and so changed).</returns>
    public bool ToggleExpanded(string key)
    {
        if (!_rows.ToggleExpanded(key))
        {
            return false;
        }
        Refresh();
        return true;
    }

    private void Refresh()
    {
        Shown = Query.Apply(_rows.All, _time.GetUtcNow(), SourceNames);
        Lines = Query.GroupBySource && SeveralSources ? Group(Shown) : null;
    }

    /// <returns>Whether the sources, or whether there are several, changed.</returns>
    private bool TakeSources(UpstreamHealth health)
    {
        var names = Listing.SourceNames.Of(health);
        if (Listing.SourceNames.Same(names, SourceNames))
        {
            return false;
        }
        SourceNames = names;
        Sources = names is null
            ? []
            : [.. health.Sources!.OrderBy(s => names[s.Source], StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Source, StringComparer.Ordinal)];
        return true;
    }

    /// <summary>The rows in one section per source, by the source's name; GroupBy keeps the rows' order within each.</summary>
    private List<DeskLine> Group(List<AgentRowModel> shown)
    {
        var lines = new List<DeskLine>(shown.Count + Sources.Count);
        var sections = shown
            .GroupBy(row => row.Agent.Source, StringComparer.Ordinal)
            .Select(rows => (Rows: rows.ToList(), Name: SourceNames!.NameOf(rows.First().Agent)))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.Rows[0].Agent.Source, StringComparer.Ordinal);
        foreach (var (rows, name) in sections)
        {
            var counts = new StateCounts(rows.Where(r => !r.IsDisconnected).Select(r => r.Agent));
            lines.Add(DeskLine.For(new SourceGroup(rows[0].Agent.Source, name, counts)));
            lines.AddRange(rows.Select(DeskLine.For));
        }
        return lines;
    }

    /// <summary>Arms one timer for the next disconnected agent that is due to go.</summary>
    private void ScheduleDepartures(DateTimeOffset now)
    {
        if (_rows.NextDeparture(_options.DisconnectedRetention) is not { } due)
        {
            _departures?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var wait = due > now ? due - now : TimeSpan.Zero;
        if (_departures is null)
        {
            _departures = _time.CreateTimer(static state => ((DeskView)state!).OnDepartureDue(), this, wait, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _departures.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDepartureDue() => _ = RemoveDepartedAsync();

    private async Task RemoveDepartedAsync()
    {
        try
        {
            await _invokeAsync(() =>
            {
                if (_disposed)
                {
                    return;
                }
                var now = _time.GetUtcNow();
                if (_rows.RemoveDeparted(now, _options.DisconnectedRetention, _options.MaxDepartedRows))
                {
                    Refresh();
                    Changed?.Invoke();
                }
                ScheduleDepartures(now);
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while the timer fired.
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _departures?.Dispose();
    }
}
