using SutWeb.Components.Listing;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Agents;

/// <summary>
/// What the viewer asked to see: a filter (<see cref="AgentFilter"/>, the language the wall speaks too), a sort, and
/// whether rows come in sections per source. It lives in the URL query
/// (<c>?q=alpha,beta&amp;state=failed,running&amp;source=lab-a&amp;sort=name&amp;desc=1&amp;group=source</c>) so that a
/// link reproduces the view.
/// </summary>
public sealed record AgentQuery
{
    public const string SortParameter = "sort";
    public const string DescendingParameter = "desc";
    public const string GroupParameter = "group";

    /// <summary>The one grouping there is: <c>group=source</c>.</summary>
    public const string GroupBySourceValue = "source";

    private static readonly (AgentSortColumn Column, string Name)[] SortNames =
    [
        (AgentSortColumn.Name, "name"),
        (AgentSortColumn.Port, "port"),
        (AgentSortColumn.State, "state"),
        (AgentSortColumn.Model, "model"),
        (AgentSortColumn.User, "user"),
        (AgentSortColumn.Initiator, "initiator"),
        (AgentSortColumn.Type, "type"),
        (AgentSortColumn.Start, "start"),
        (AgentSortColumn.Elapsed, "elapsed"),
        (AgentSortColumn.ProcessId, "pid"),
    ];

    public static AgentQuery Everything { get; } = new();

    public AgentFilter Filter { get; init; } = AgentFilter.Everything;

    public AgentSortColumn Sort { get; init; } = AgentSortColumn.Default;

    public bool Descending { get; init; }

    /// <summary>Rows come in one section per source (only shown while the board has several).</summary>
    public bool GroupBySource { get; init; }

    public bool IsEverything => Filter.IsEverything && Sort == AgentSortColumn.Default && !Descending && !GroupBySource;

    /// <summary>Reads the URL's query values; anything it does not understand is ignored rather than an error.</summary>
    public static AgentQuery Parse(string? text, string? states, string? sort, string? descending, string? sources = null, string? group = null) => new()
    {
        Filter = AgentFilter.Parse(text, states, sources),
        Sort = SortNames.FirstOrDefault(s => string.Equals(s.Name, sort?.Trim(), StringComparison.OrdinalIgnoreCase)).Column,
        Descending = descending?.Trim() is "1" or "true" or "True",
        GroupBySource = string.Equals(group?.Trim(), GroupBySourceValue, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The query values for <see cref="Microsoft.AspNetCore.Components.NavigationManager.GetUriWithQueryParameters(IReadOnlyDictionary{string, object?})"/>; null removes a value.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>(Filter.ToQueryParameters())
    {
        [SortParameter] = Sort == AgentSortColumn.Default ? null : SortName(Sort),
        [DescendingParameter] = Descending ? "1" : null,
        [GroupParameter] = GroupBySource ? GroupBySourceValue : null,
    };

    public static string? SortName(AgentSortColumn column) => SortNames.FirstOrDefault(s => s.Column == column).Name;

    /// <summary>Sorting by a column: ascending first, then descending, then back to the default order.</summary>
    public AgentQuery SortedBy(AgentSortColumn column) => column == Sort
        ? Descending ? this with { Sort = AgentSortColumn.Default, Descending = false } : this with { Descending = true }
        : this with { Sort = column, Descending = false };

    public AgentQuery WithStates(IEnumerable<AgentState> states) => this with { Filter = Filter with { States = [.. states] } };

    public AgentQuery WithText(string? text) => this with { Filter = Filter with { Text = text } };

    public AgentQuery WithSources(IEnumerable<string> sources) => this with { Filter = Filter with { Sources = [.. sources] } };

    public AgentQuery WithGroupBySource(bool group) => this with { GroupBySource = group };

    /// <param name="row">The row.</param>
    /// <param name="sourceNames">The sources' names while the board has several (<see cref="AgentFilter.Matches"/>).</param>
    public bool Matches(AgentRowModel row, IReadOnlyDictionary<string, string>? sourceNames = null) => Filter.Matches(row.Agent, sourceNames);

    /// <summary>The rows to show, in the order to show them. Rows without a value in the sorted column go last either way.</summary>
    /// <param name="rows">Every row.</param>
    /// <param name="now">The time elapsed times are measured to.</param>
    /// <param name="sourceNames">The sources' names while the board has several: the text also matches a source's id and name.</param>
    public List<AgentRowModel> Apply(IEnumerable<AgentRowModel> rows, DateTimeOffset now, IReadOnlyDictionary<string, string>? sourceNames = null)
    {
        var shown = rows.Where(row => Matches(row, sourceNames)).ToList();
        if (Sort is AgentSortColumn.Default or AgentSortColumn.State)
        {
            shown.Sort(Descending ? static (a, b) => DefaultOrder(b, a) : DefaultOrder);
            return shown;
        }
        var keyed = shown.Select(row => (Row: row, Value: SortValue(row.Agent, now))).ToList();
        keyed.Sort((a, b) =>
        {
            var order = (a.Value, b.Value) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } x, { } y) => Descending ? -Compare(x, y) : Compare(x, y),
            };
            return order != 0 ? order : DefaultOrder(a.Row, b.Row);
        });
        return [.. keyed.Select(k => k.Row)];
    }

    /// <summary><see cref="AgentOrder"/>, the order every view starts from, on rows.</summary>
    public static int DefaultOrder(AgentRowModel a, AgentRowModel b) => AgentOrder.Compare(a.Agent, b.Agent);

    /// <summary>The value a row sorts by in the current column; null (or empty text) when it has none.</summary>
    private IComparable? SortValue(AgentView agent, DateTimeOffset now) => Sort switch
    {
        AgentSortColumn.Name => NullIfEmpty(agent.AgentName),
        AgentSortColumn.Port => agent.Port,
        AgentSortColumn.Model => NullIfEmpty(agent.Execution?.ModelName),
        AgentSortColumn.User => NullIfEmpty(agent.Execution?.UserName),
        AgentSortColumn.Initiator => NullIfEmpty(agent.Execution?.Initiator),
        AgentSortColumn.Type => NullIfEmpty(agent.Execution?.Type),
        AgentSortColumn.Start => agent.Execution?.StartTime,
        AgentSortColumn.Elapsed => RunDuration.Of(agent, now),
        AgentSortColumn.ProcessId => agent.ProcessId == 0 ? null : agent.ProcessId,
        _ => null,
    };

    private static int Compare(IComparable a, IComparable b) =>
        a is string x && b is string y ? string.Compare(x, y, StringComparison.OrdinalIgnoreCase) : a.CompareTo(b);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
