using System.Diagnostics.CodeAnalysis;
using SutWeb.Components.Styling;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Listing;

/// <summary>
/// Which agents a view shows: the one filter language of the desk (<c>/</c>) and the wall (<c>/wall</c>), in the URL as
/// <c>q</c> (comma-separated terms; an agent matches when any term is part of its name, key, model or user, in any
/// case, and with several sources of its source's id or name), <c>state</c> (comma-separated state names; an agent
/// matches when it is in any of them) and <c>source</c> (comma-separated source ids; an agent matches when it comes
/// from any of them). Given more than one, an agent must match each.
/// </summary>
public sealed record AgentFilter
{
    public static AgentFilter Everything { get; } = new();

    private static readonly AgentState[] AllStates = Enum.GetValues<AgentState>();

    /// <summary>The URL's name of <see cref="Text"/>.</summary>
    public const string TextParameter = "q";

    /// <summary>The URL's name of <see cref="States"/>.</summary>
    public const string StatesParameter = "state";

    /// <summary>The URL's name of <see cref="Sources"/>.</summary>
    public const string SourcesParameter = "source";

    /// <summary>The text as given, trimmed (null: none): comma-separated terms, kept whole so that a text box shows what was typed.</summary>
    [AllowNull]
    public string Text
    {
        get;
        init
        {
            field = value?.Trim() ?? "";
            Terms = Split(field, ',');
        }
    } = "";

    /// <summary>The non-blank terms of <see cref="Text"/>.</summary>
    public IReadOnlyList<string> Terms { get; private init; } = [];

    /// <summary>The states to show, in enum order; empty shows every state.</summary>
    public IReadOnlyList<AgentState> States
    {
        get;
        init => field = [.. value.Distinct().Order()];
    } = [];

    /// <summary>The ids of the sources to show (lower case, as configured), in order; empty shows every source.</summary>
    public IReadOnlyList<string> Sources
    {
        get;
        init => field = [.. value.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal)];
    } = [];

    public bool IsEverything => Terms.Count == 0 && States.Count == 0 && Sources.Count == 0;

    /// <summary>
    /// Reads the URL's <c>q</c>, <c>state</c> and <c>source</c>; a state it does not know is ignored rather than an error,
    /// and a source it does not know matches no agent (a wall that names a missing lab shows so).
    /// </summary>
    public static AgentFilter Parse(string? text, string? states, string? sources = null) => new()
    {
        Text = text,
        States = [.. Split(states, ',').Select(StateNamed).OfType<AgentState>()],
        Sources = Split(sources, ','),
    };

    /// <summary>
    /// The wall's old <c>filter=</c>, kept because TVs are set up by bookmark: a term that names a state (its name or its
    /// word on screen, in any case) goes to <see cref="States"/>, any other to <see cref="Text"/>. The one difference:
    /// the old filter showed an agent matching any term, so <c>failed,lab</c> meant "failed, or lab in the name"; now
    /// the states and the text must both match ("failed, and lab in the name").
    /// </summary>
    public static AgentFilter FromWallFilter(string? filter)
    {
        var terms = Split(filter, ',', '|');
        var states = terms.Select(StateNamed).ToArray();
        return new()
        {
            Text = string.Join(',', terms.Where((_, i) => states[i] is null)),
            States = [.. states.OfType<AgentState>()],
        };
    }

    /// <param name="agent">The agent.</param>
    /// <param name="sourceNames">While the board has several sources (<see cref="SourceNames.Of"/>): the terms also match
    /// the source's id and name. Null with one, where every agent's source would match them and a term like "a" would
    /// change the view.</param>
    public bool Matches(AgentView agent, IReadOnlyDictionary<string, string>? sourceNames = null)
    {
        if (States.Count > 0 && !States.Contains(agent.State))
        {
            return false;
        }
        if (Sources.Count > 0 && !Sources.Contains(agent.Source, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        if (Terms.Count == 0)
        {
            return true;
        }
        foreach (var term in Terms)
        {
            if (Contains(agent.AgentName, term) || Contains(agent.Key, term)
                || Contains(agent.Execution?.ModelName, term) || Contains(agent.Execution?.UserName, term)
                || (sourceNames is not null && (Contains(agent.Source, term) || Contains(sourceNames.NameOf(agent), term))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The query values for <c>NavigationManager.GetUriWithQueryParameters</c>; null removes a value.</summary>
    public IEnumerable<KeyValuePair<string, object?>> ToQueryParameters() =>
    [
        new(TextParameter, Terms.Count == 0 ? null : Text),
        new(StatesParameter, States.Count == 0 ? null : string.Join(',', States.Select(StateName))),
        new(SourcesParameter, Sources.Count == 0 ? null : string.Join(',', Sources)),
    ];

    /// <summary>In words, for a screen that shows what it filters by: <c>Failed or Running and “lab” and source lab-a</c>.</summary>
    public string Describe() => string.Join(" and ", new[]
    {
        string.Join(" or ", States.Select(s => AgentStateStyles.For(s).Text)),
        string.Join(" or ", Terms.Select(t => $"“{t}”")),
        Sources.Count == 0 ? "" : "source " + string.Join(" or ", Sources),
    }.Where(part => part.Length > 0));

    /// <summary>A state as the URL names it: <c>failed</c>.</summary>
    public static string StateName(AgentState state) => state.ToString().ToLowerInvariant();

    // A record compares lists by reference; two filters are equal when they hold the same text and states.
    public bool Equals(AgentFilter? other) =>
        other is not null && Text == other.Text && States.SequenceEqual(other.States) && Sources.SequenceEqual(other.Sources);

    public override int GetHashCode() => HashCode.Combine(Text, States.Count, Sources.Count);

    /// <summary>The state a term names: its enum name or its word on screen, in any case (a number names none).</summary>
    private static AgentState? StateNamed(string term) =>
        AllStates.Select(s => (AgentState?)s).FirstOrDefault(s =>
            string.Equals(s!.Value.ToString(), term, StringComparison.OrdinalIgnoreCase)
            || string.Equals(AgentStateStyles.For(s.Value).Text, term, StringComparison.OrdinalIgnoreCase));

    private static string[] Split(string? text, params char[] separators) =>
        (text ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Contains(string? value, string term) => value?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;
}
