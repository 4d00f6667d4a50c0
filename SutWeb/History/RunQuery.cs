namespace SutWeb.History;

/// <summary>
/// Which runs, newest start first: every filter is optional and they combine with "and"; <see cref="Outcomes"/> is
/// any of. <see cref="From"/> is inclusive, <see cref="To"/> exclusive, on the run's start.
/// </summary>
public sealed record RunQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public string? Source { get; init; }
    public string? AgentName { get; init; }
    public string? ModelName { get; init; }
    public IReadOnlyList<string>? Outcomes { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Limit { get; init; } = DefaultLimit;
    public HistoryCursor? Cursor { get; init; }
}
