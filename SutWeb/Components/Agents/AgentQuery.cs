using SutWeb.Components.Styling;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Agents;

/// <summary>
/// What the viewer asked to see: a quick filter, states, and a sort. It lives in the URL query
/// (<c>?q=alpha&amp;state=failed,running&amp;sort=name&amp;desc=1</c>) so that a link reproduces the view.
/// </summary>
public sealed record AgentQuery
{
    public const string TextParameter = "q";
    public const string StatesParameter = "state";
    public const string SortParameter = "sort";
    public const string DescendingParameter = "desc";

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

    /// <summary>Matched, case-insensitively, against the agent's name and key, the model and the user.</summary>
    public string Text { get; init; } = "";

    /// <summary>The states to show, in enum order; empty shows every state.</summary>
    public IReadOnlyList<AgentState> States { get; init; } = [];

    public AgentSortColumn Sort { get; init; } = AgentSortColumn.Default;

    public bool Descending { get; init; }

    public bool IsEverything => Text.Length == 0 && States.Count == 0 && Sort == AgentSortColumn.Default && !Descending;

    /// <summary>Reads the URL's query values; anything it does not understand is ignored rather than an error.</summary>
    public static AgentQuery Parse(string? text, string? states, string? sort, string? descending) => new()
    {
        Text = text?.Trim() ?? "",
        States = ParseStates(states),
        Sort = SortNames.FirstOrDefault(s => string.Equals(s.Name, sort?.Trim(), StringComparison.OrdinalIgnoreCase)).Column,
        Descending = descending?.Trim() is "1" or "true" or "True",
    };

    /// <summary>The query values for <see cref="Microsoft.AspNetCore.Components.NavigationManager.GetUriWithQueryParameters(IReadOnlyDictionary{string, object?})"/>; null removes a value.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        [TextParameter] = Text.Length == 0 ? null : Text,
        [StatesParameter] = States.Count == 0 ? null : string.Join(',', States.Select(StateName)),
        [SortParameter] = Sort == AgentSortColumn.Default ? null : SortName(Sort),
        [DescendingParameter] = Descending ? "1" : null,
    };

    public static string StateName(AgentState state) => state.ToString().ToLowerInvariant();

    public static string? SortName(AgentSortColumn column) => SortNames.FirstOrDefault(s => s.Column == column).Name;

    /// <summary>Sorting by a column: ascending first, then descending, then back to the default order.</summary>
    public AgentQuery SortedBy(AgentSortColumn column) => column == Sort
        ? Descending ? this with { Sort = AgentSortColumn.Default, Descending = false } : this with { Descending = true }
        : this with { Sort = column, Descending = false };

    public AgentQuery WithStates(IEnumerable<AgentState> states) => this with { States = [.. states.Distinct().Order()] };

    public bool Matches(AgentRowModel row)
    {
        var agent = row.Agent;
        if (States.Count > 0 && !States.Contains(agent.State))
        {
            return false;
        }
        return Text.Length == 0
            || Contains(agent.AgentName)
            || Contains(agent.Key)
            || Contains(agent.Execution?.ModelName)
            || Contains(agent.Execution?.UserName);
    }

    /// <summary>The rows to show, in the order to show them.</summary>
    public List<AgentRowModel> Apply(IEnumerable<AgentRowModel> rows, DateTimeOffset now)
    {
        var shown = rows.Where(Matches).ToList();
        var byColumn = ColumnComparison(now);
        shown.Sort((a, b) =>
        {
            var order = byColumn(a, b);
            if (Descending)
            {
                order = -order;
            }
            return order != 0 ? order : DefaultOrder(a, b);
        });
        return shown;
    }

    /// <summary>Failures first, then running, then the rest (<see cref="AgentStateStyles.Rank"/>); within each, by name.</summary>
    public static int DefaultOrder(AgentRowModel a, AgentRowModel b)
    {
        var order = AgentStateStyles.Rank(a.Agent.State).CompareTo(AgentStateStyles.Rank(b.Agent.State));
        if (order == 0)
        {
            order = string.Compare(a.Agent.AgentName, b.Agent.AgentName, StringComparison.OrdinalIgnoreCase);
        }
        return order != 0 ? order : string.CompareOrdinal(a.Key, b.Key);
    }

    private Comparison<AgentRowModel> ColumnComparison(DateTimeOffset now) => Sort switch
    {
        AgentSortColumn.Name => (a, b) => string.Compare(a.Agent.AgentName, b.Agent.AgentName, StringComparison.OrdinalIgnoreCase),
        AgentSortColumn.Port => (a, b) => NullsLast(a.Agent.Port, b.Agent.Port),
        AgentSortColumn.State => DefaultOrder,
        AgentSortColumn.Model => (a, b) => CompareText(a.Agent.Execution?.ModelName, b.Agent.Execution?.ModelName),
        AgentSortColumn.User => (a, b) => CompareText(a.Agent.Execution?.UserName, b.Agent.Execution?.UserName),
        AgentSortColumn.Initiator => (a, b) => CompareText(a.Agent.Execution?.Initiator, b.Agent.Execution?.Initiator),
        AgentSortColumn.Type => (a, b) => CompareText(a.Agent.Execution?.Type, b.Agent.Execution?.Type),
        AgentSortColumn.Start => (a, b) => NullsLast(a.Agent.Execution?.StartTime, b.Agent.Execution?.StartTime),
        AgentSortColumn.Elapsed => (a, b) => NullsLast(RunDuration.Of(a.Agent, now), RunDuration.Of(b.Agent, now)),
        AgentSortColumn.ProcessId => (a, b) => a.Agent.ProcessId.CompareTo(b.Agent.ProcessId),
        _ => static (_, _) => 0,
    };

    private bool Contains(string? value) => value?.Contains(Text, StringComparison.OrdinalIgnoreCase) == true;

    private static int CompareText(string? a, string? b) => (string.IsNullOrEmpty(a), string.IsNullOrEmpty(b)) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
    };

    private static int NullsLast<T>(T? a, T? b) where T : struct, IComparable<T> => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a.Value.CompareTo(b.Value),
    };

    private static IReadOnlyList<AgentState> ParseStates(string? states) =>
        states is null
            ? []
            : [.. states.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => !char.IsDigit(s[0]) && Enum.TryParse<AgentState>(s, ignoreCase: true, out var state) ? state : (AgentState?)null)
                .OfType<AgentState>()
                .Distinct()
                .Order()];
}
