namespace SutWeb.Shared.Views;

/// <summary>What changed between two versions: whole changed agents, and the keys of the ones that left.</summary>
public sealed record StatusDiff
{
    public long FromVersion { get; init; }
    public long ToVersion { get; init; }
    public DateTimeOffset ObservedAt { get; init; }
    public required IReadOnlyList<AgentView> Upserted { get; init; }
    public required IReadOnlyList<string> Removed { get; init; }
}
