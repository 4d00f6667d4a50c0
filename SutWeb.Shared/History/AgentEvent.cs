namespace SutWeb.Shared.History;

/// <summary>One thing that happened to an agent connection, as the history API gives it (docs/API.md section 5).</summary>
public sealed record AgentEvent
{
    public DateTimeOffset At { get; init; }
    public required string Source { get; init; }
    public required string AgentName { get; init; }
    public int? Port { get; init; }

    /// <summary>Connected, Disconnected, RunStarted, RunFinished or StateChanged.</summary>
    public required string Kind { get; init; }

    /// <summary>The agent's state (Connected, Disconnected, StateChanged) or the run's outcome (RunStarted, RunFinished).</summary>
    public required string State { get; init; }

    public string? ExecutionId { get; init; }
}
