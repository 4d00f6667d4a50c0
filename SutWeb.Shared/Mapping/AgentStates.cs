using SutWeb.Shared.Views;

namespace SutWeb.Shared.Mapping;

/// <summary>Derives an agent's state: Idle without an execution, else the documented status, else Unknown.</summary>
public static class AgentStates
{
    public static AgentState From(string? executionStatus, bool hasExecution)
    {
        if (!hasExecution)
        {
            return AgentState.Idle;
        }
        return executionStatus?.Trim().ToLowerInvariant() switch
        {
            "running" => AgentState.Running,
            "passed" => AgentState.Passed,
            "failed" => AgentState.Failed,
            "incomplete" => AgentState.Incomplete,
            _ => AgentState.Unknown,
        };
    }
}
