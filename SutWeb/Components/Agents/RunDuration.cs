using SutWeb.Shared.Views;

namespace SutWeb.Components.Agents;

/// <summary>How long an agent's run has taken: so far while it runs, start to end once it finished.</summary>
public static class RunDuration
{
    /// <summary>True while the run's time keeps growing, i.e. the elapsed time must tick.</summary>
    public static bool IsTicking(AgentView agent) =>
        agent.State == AgentState.Running && agent.Execution?.StartTime is not null;

    public static TimeSpan? Of(AgentView agent, DateTimeOffset now) => agent.Execution switch
    {
        { StartTime: { } start } when agent.State == AgentState.Running => now - start,
        { StartTime: { } start, EndTime: { } end } => end - start,
        _ => null,
    };
}
