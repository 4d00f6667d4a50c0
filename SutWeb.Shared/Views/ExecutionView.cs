namespace SutWeb.Shared.Views;

/// <summary>The run on an agent as the dashboard and hub clients see it.</summary>
public sealed record ExecutionView
{
    public string? Id { get; init; }
    public string? ModelName { get; init; }
    public string? UserName { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public string? Type { get; init; }
    public string? AgentName { get; init; }
    public string? Initiator { get; init; }
    public string? RunId { get; init; }
    public string? Status { get; init; }
    public int? ProcessId { get; init; }
}
