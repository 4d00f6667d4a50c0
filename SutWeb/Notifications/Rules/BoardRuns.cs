using SutWeb.History;
using SutWeb.Shared.History;
using SutWeb.Shared.Views;

namespace SutWeb.Notifications.Rules;

/// <summary>The run on a board agent as the history API gives runs, made the way the recorder stores them.</summary>
public static class BoardRuns
{
    /// <param name="outcome">Overrides the server's status (<see cref="RunOutcomes.Lost"/>).</param>
    public static RunRecord? Of(AgentView agent, DateTimeOffset at, string? outcome = null)
    {
        if (RunWrite.Of(agent, at, outcome) is not { } run)
        {
            return null;
        }
        var start = run.StartTime ?? at;
        var end = RunOutcomes.IsRunning(run.Outcome) ? null : run.EndTime;
        return new RunRecord
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
            StartTime = start.ToUniversalTime(),
            EndTime = end?.ToUniversalTime(),
            Outcome = run.Outcome,
            DurationSeconds = end is { } e ? Math.Max(0, (e - start).TotalSeconds) : null,
            LastLog = run.LastLog,
        };
    }
}
