using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using SutWeb.History;

namespace SutWeb.Api;

/// <summary>
/// Reads the history API's query string (docs/API.md section 5) into a <see cref="RunQuery"/> or an
/// <see cref="EventQuery"/>, or says which parameter is wrong and why. An empty value counts as absent (as a form sends it).
/// </summary>
public static partial class HistoryApiQuery
{
    /// <summary>Outcomes or kinds one request may list: far more than exist, few enough to keep the SQL small.</summary>
    public const int MaxListValues = 50;

    private static readonly string[] RunParameters = ["source", "agent", "model", "outcome", "from", "to", "limit", "cursor"];
    private static readonly string[] EventParameters = ["source", "agent", "kind", "from", "to", "limit", "cursor"];
    private static readonly string[] Outcomes =
        [RunOutcomes.Running, RunOutcomes.Passed, RunOutcomes.Failed, RunOutcomes.Incomplete, RunOutcomes.Lost, RunOutcomes.Unknown];
    private static readonly string[] Kinds =
        [AgentEventKinds.Connected, AgentEventKinds.Disconnected, AgentEventKinds.RunStarted, AgentEventKinds.RunFinished, AgentEventKinds.StateChanged];

    /// <param name="maxLimit">The largest <c>limit</c>, also the default when <paramref name="defaultLimit"/> is null.</param>
    public static bool TryReadRuns(IQueryCollection query, int maxLimit, int? defaultLimit, out RunQuery runs, out string? error)
    {
        runs = new RunQuery();
        if (!TryReadCommon(query, RunParameters, "runs", maxLimit, defaultLimit ?? maxLimit, out var common, out error))
        {
            return false;
        }
        IReadOnlyList<string>? outcomes = null;
        if (Value(query, "outcome") is { } outcomeList)
        {
            // The contract's outcomes in any case; any other status exactly as the server sent it.
            outcomes = [.. List(outcomeList).Select(o => Outcomes.FirstOrDefault(known => known.Equals(o, StringComparison.OrdinalIgnoreCase)) ?? o)
                .Distinct(StringComparer.Ordinal)];
            if (outcomes.Count > MaxListValues)
            {
                error = $"outcome lists {outcomes.Count} outcomes; at most {MaxListValues} may be given.";
                return false;
            }
        }
        runs = new RunQuery
        {
            Source = common.Source,
            AgentName = common.Agent,
            ModelName = Value(query, "model"),
            Outcomes = outcomes is { Count: > 0 } ? outcomes : null,
            From = common.From,
            To = common.To,
            Limit = common.Limit,
            Cursor = common.Cursor,
        };
        return true;
    }

    public static bool TryReadEvents(IQueryCollection query, out EventQuery events, out string? error)
    {
        events = new EventQuery();
        if (!TryReadCommon(query, EventParameters, "events", RunQuery.MaxLimit, RunQuery.DefaultLimit, out var common, out error))
        {
            return false;
        }
        List<string>? kinds = null;
        if (Value(query, "kind") is { } kindList)
        {
            kinds = [];
            foreach (var term in List(kindList))
            {
                if (Kinds.FirstOrDefault(k => k.Equals(term, StringComparison.OrdinalIgnoreCase)) is not { } kind)
                {
                    error = $"kind '{Shorten(term)}' is not one of {string.Join(", ", Kinds)}.";
                    return false;
                }
                kinds.Add(kind);
            }
        }
        events = new EventQuery
        {
            Source = common.Source,
            AgentName = common.Agent,
            Kinds = kinds is { Count: > 0 } ? kinds.Distinct(StringComparer.Ordinal).ToList() : null,
            From = common.From,
            To = common.To,
            Limit = common.Limit,
            Cursor = common.Cursor,
        };
        return true;
    }

    private static bool TryReadCommon(
        IQueryCollection query, string[] known, string what, int maxLimit, int defaultLimit, out CommonFilters common, out string? error)
    {
        common = default;
        error = null;
        foreach (var (name, values) in query)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                error = name is "model" or "outcome"
                    ? $"{name} does not apply to events (filter runs by it at /api/history/runs); events take {string.Join(", ", known)}."
                    : $"Unknown parameter '{Shorten(name)}': {what} take {string.Join(", ", known)}.";
                return false;
            }
            if (values.Count > 1)
            {
                error = $"{name} is given {values.Count} times; give it once (a list is comma-separated).";
                return false;
            }
        }
        if (!TryReadTime(query, "from", out var from, out error) || !TryReadTime(query, "to", out var to, out error))
        {
            return false;
        }
        if (from is not null && to is not null && to <= from)
        {
            error = "to must be later than from (from is inclusive, to exclusive).";
            return false;
        }
        var limit = defaultLimit;
        if (Value(query, "limit") is { } limitText
            && (!LimitPattern().IsMatch(limitText) || !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit)
                || limit < 1 || limit > maxLimit))
        {
            error = $"limit must be a whole number from 1 to {maxLimit.ToString(CultureInfo.InvariantCulture)}, not '{Shorten(limitText)}'.";
            return false;
        }
        HistoryCursor? cursor = null;
        if (Value(query, "cursor") is { } cursorText)
        {
            if (!HistoryCursor.TryParse(cursorText, out var parsed))
            {
                error = "cursor is not a next value this API gave; pass the previous answer's next as it is.";
                return false;
            }
            cursor = parsed;
        }
        common = new CommonFilters(Value(query, "source"), Value(query, "agent"), from, to, limit, cursor);
        return true;
    }

    private static bool TryReadTime(IQueryCollection query, string name, out DateTimeOffset? time, out string? error)
    {
        time = null;
        error = null;
        if (Value(query, name) is not { } text)
        {
            return true;
        }
        // An unencoded '+' of an offset arrives as a space.
        var iso = SpacedOffset().Replace(text, "+$1");
        if (!IsoTime().IsMatch(iso)
            || !DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            error = $"{name} is not an ISO-8601 time such as 2026-12-05T20:00:00Z or 2026-12-05: '{Shorten(text)}'.";
            return false;
        }
        time = parsed.ToUniversalTime();
        return true;
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values is [{ Length: > 0 } value] ? value : null;

    private static IEnumerable<string> List(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A value echoed in an error is cut short: the answer names it, it need not repeat a long one.</summary>
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^[0-9]{1,7}$")]
    private static partial Regex LimitPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@" ([0-9]{2}:?[0-9]{2})$")]
    private static partial Regex SpacedOffset();
}
