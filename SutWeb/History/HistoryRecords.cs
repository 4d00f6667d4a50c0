using SutWeb.Shared.History;

namespace SutWeb.History;

/// <summary>Stored rows in the contract's shape: the row's id and write time stay inside, every time in UTC.</summary>
public static class HistoryRecords
{
    public static RunRecord ToRecord(this HistoryRun run) => new()
    {
        Source = run.Source,
        AgentName = run.AgentName,
        Port = run.Port,
        ExecutionId = run.ExecutionId,
        RunId = run.RunId,
        ProcessId = run.ProcessId,
        ModelName = run.ModelName,
        UserName = run.UserName,
        Type = run.Type,
        Initiator = run.Initiator,
        StartTime = run.StartTime.ToUniversalTime(),
        EndTime = run.EndTime?.ToUniversalTime(),
        Outcome = run.Outcome,
        DurationSeconds = run.DurationSeconds,
        LastLog = run.LastLog,
    };

    public static AgentEvent ToRecord(this HistoryEvent agentEvent) => new()
    {
        At = agentEvent.At.ToUniversalTime(),
        Source = agentEvent.Source,
        AgentName = agentEvent.AgentName,
        Port = agentEvent.Port,
        Kind = agentEvent.Kind,
        State = agentEvent.State,
        ExecutionId = agentEvent.ExecutionId,
    };
}
