using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SutWeb.History;

namespace SutWeb.Components.History;

/// <summary>
/// Which runs a history view shows, read from and written to the URL with the API's parameter names (docs/API.md
/// section 5: <c>source</c>, <c>agent</c>, <c>model</c>, <c>outcome</c>, <c>from</c>, <c>to</c>), so that a link and
/// the CSV download give the same rows.
/// </summary>
public sealed record RunFilter
{
    public string? Source { get; init; }
    public string? Agent { get; init; }
    public string? Model { get; init; }

    /// <summary>Any of these outcomes; empty: every outcome.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    public static RunFilter Empty { get; } = new();

    public bool IsEverything => ToQueryString().Length == 0;

    /// <summary>The filter in <paramref name="uri"/>'s query; a value that is not a time is left out.</summary>
    public static RunFilter Parse(string uri)
    {
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return Empty;
        }
        var hash = uri.IndexOf('#', question);
        var query = QueryHelpers.ParseQuery(hash < 0 ? uri[question..] : uri[question..hash]);
        string? Text(string name) => query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;
        return new RunFilter
        {
            Source = Text("source"),
            Agent = Text("agent"),
            Model = Text("model"),
            Outcomes = Text("outcome") is { } outcomes
                ? [.. outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)]
                : [],
            From = Time(Text("from")),
            To = Time(Text("to")),
        };
    }

    /// <summary>An ISO-8601 time; one without an offset is UTC, as the API reads it.</summary>
    public static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    /// <summary>The filter as a query string without the <c>?</c>, parameters in a fixed order; empty for no filter.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>(6);
        void Add(string name, string? value, bool escaped = false)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + (escaped ? value : Uri.EscapeDataString(value)));
            }
        }
        Add("source", Source);
        Add("agent", Agent);
        Add("model", Model);
        // The list's commas stay readable: each outcome is escaped on its own.
        Add("outcome", string.Join(',', Outcomes.Select(Uri.EscapeDataString)), escaped: true);
        // Digits, '-', ':' and 'Z' need no escaping in a query, and read better without.
        Add("from", From?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), escaped: true);
        Add("to", To?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), escaped: true);
        return string.Join('&', parts);
    }

    public RunQuery ToQuery(int limit, HistoryCursor? cursor) => new()
    {
        Source = Source,
        AgentName = Agent,
        ModelName = Model,
        Outcomes = Outcomes.Count > 0 ? Outcomes : null,
        From = From,
        To = To,
        Limit = limit,
        Cursor = cursor,
    };

    // Outcomes is a list: two filters are the same when they say the same in the URL.
    public bool Equals(RunFilter? other) => other is not null && ToQueryString() == other.ToQueryString();

    public override int GetHashCode() => ToQueryString().GetHashCode(StringComparison.Ordinal);
}
