namespace SutWeb.Shared.History;

/// <summary>One run as the history API gives it (docs/API.md section 5), identified by (<see cref="Source"/>, <see cref="ExecutionId"/>).</summary>
public sealed record RunRecord
{
    public required string Source { get; init; }
    public required string AgentName { get; init; }
    public int? Port { get; init; }
    public required string ExecutionId { get; init; }
    public string? RunId { get; init; }
    public int? ProcessId { get; init; }
    public string? ModelName { get; init; }
    public string? UserName { get; init; }
    public string? Type { get; init; }
    public string? Initiator { get; init; }
    public DateTimeOffset StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Running, Passed, Failed, Incomplete, Lost, or any other status as the server sent it.</summary>
    public required string Outcome { get; init; }

    public double? DurationSeconds { get; init; }

    /// <summary>The end of the agent's last log, at most 4 KiB.</summary>
    public string? LastLog { get; init; }
}
