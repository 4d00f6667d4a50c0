namespace SutWeb.Shared.Views;

/// <summary>The whole board at one version; agents in ordinal order of their keys.</summary>
public sealed record StatusSnapshot
{
    public long Version { get; init; }
    public DateTimeOffset ObservedAt { get; init; }
    public required UpstreamHealth Health { get; init; }
    public required IReadOnlyList<AgentView> Agents { get; init; }
}
