namespace SutWeb.History;

/// <summary>
/// One run as stored: the contract's <c>RunRecord</c> (docs/API.md section 5), identified by
/// (<see cref="Source"/>, <see cref="ExecutionId"/>), written when first seen and updated when it finishes.
/// </summary>
public sealed class HistoryRun
{
    /// <summary>The row's own number: the tie-breaker of newest-first paging.</summary>
    public long Id { get; set; }

    public required string Source { get; set; }

    /// <summary>The server's <c>execution_status.id</c>.</summary>
    public required string ExecutionId { get; set; }

    public required string AgentName { get; set; }
    public int? Port { get; set; }
    public string? RunId { get; set; }
    public int? ProcessId { get; set; }
    public string? ModelName { get; set; }
    public string? UserName { get; set; }
    public string? Type { get; set; }
    public string? Initiator { get; set; }

    /// <summary>The server's start time; when it sent none, the time SutWeb first saw the run.</summary>
    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    /// <summary><see cref="RunOutcomes"/>, or any other status the server sent, as it sent it.</summary>
    public required string Outcome { get; set; }

    public double? DurationSeconds { get; set; }

    /// <summary>The end of the agent's last log when the run was last written, at most <see cref="RunOutcomes.MaxLastLogChars"/>.</summary>
    public string? LastLog { get; set; }

    /// <summary>When SutWeb last wrote this row (the board's time of the change).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
