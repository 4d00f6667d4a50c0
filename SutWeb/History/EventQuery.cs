namespace SutWeb.History;

/// <summary>Which agent events, newest first; filters as <see cref="RunQuery"/>, on the event's time.</summary>
public sealed record EventQuery
{
    public string? Source { get; init; }
    public string? AgentName { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Limit { get; init; } = RunQuery.DefaultLimit;
    public HistoryCursor? Cursor { get; init; }
}
