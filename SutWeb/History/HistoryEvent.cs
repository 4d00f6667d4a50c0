namespace SutWeb.History;

/// <summary>One thing that happened to an agent connection: the contract's <c>AgentEvent</c> (docs/API.md section 5).</summary>
public sealed class HistoryEvent
{
    /// <summary>The row's own number: the tie-breaker of newest-first paging.</summary>
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Source { get; set; }

    public required string AgentName { get; set; }

    public int? Port { get; set; }

    /// <summary>One of <see cref="AgentEventKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The agent's state (Connected, Disconnected, StateChanged) or the run's outcome (RunStarted, RunFinished).</summary>
    public required string State { get; set; }

    public string? ExecutionId { get; set; }
}
