using SutWeb.Shared.Views;

namespace SutWeb.History;

/// <summary>
/// A run as the board shows it now: inserted when new, else updated. The writer compares it with the stored row to
/// know which run events (started, finished) it makes, so the events are right after a restart or a gap too.
/// </summary>
public sealed record RunWrite(
    string Source,
    DateTimeOffset At,
    string ExecutionId,
    string AgentName,
    int? Port,
    string? RunId,
    int? ProcessId,
    string? ModelName,
    string? UserName,
    string? Type,
    string? Initiator,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string Outcome,
    string? LastLog) : HistoryWrite(Source, At)
{
    /// <summary>The run on <paramref name="agent"/>, with its outcome (the server's status) unless one is given (<see cref="RunOutcomes.Lost"/>).</summary>
    public static RunWrite? Of(AgentView agent, DateTimeOffset at, string? outcome = null)
    {
        if (agent.Execution is not { Id: { Length: > 0 } id } execution)
        {
            return null;
        }
        var lost = outcome == RunOutcomes.Lost;
        return new RunWrite(
            agent.Source,
            at,
            id,
            agent.AgentName,
            agent.Port,
            execution.RunId,
            execution.ProcessId ?? (agent.ProcessId == 0 ? null : agent.ProcessId),
            execution.ModelName,
            execution.UserName,
            execution.Type,
            execution.Initiator,
            execution.StartTime,
            lost ? null : execution.EndTime,
            outcome ?? RunOutcomes.From(execution.Status),
            RunOutcomes.Tail(agent.LastLog));
    }

    public HistoryRun ToRow() => new()
    {
        Source = Source,
        ExecutionId = ExecutionId,
        AgentName = AgentName,
        Outcome = Outcome,
        StartTime = StartTime ?? At,
    };

    /// <summary>Everything but the identity and the start, which the first write fixed.</summary>
    public void CopyTo(HistoryRun row)
    {
        row.AgentName = AgentName;
        row.Port = Port;
        row.RunId = RunId;
        row.ProcessId = ProcessId;
        row.ModelName = ModelName;
        row.UserName = UserName;
        row.Type = Type;
        row.Initiator = Initiator;
        row.Outcome = Outcome;
        row.EndTime = RunOutcomes.IsRunning(Outcome) ? null : EndTime;
        row.DurationSeconds = row.EndTime is { } end ? Math.Max(0, (end - row.StartTime).TotalSeconds) : null;
        row.LastLog = LastLog;
        row.UpdatedAt = At;
    }
}
