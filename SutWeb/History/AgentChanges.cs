using SutWeb.Shared.Views;

namespace SutWeb.History;

/// <summary>What history must keep of one agent connection's change between two board versions.</summary>
public static class AgentChanges
{
    /// <param name="before">The agent as last seen; null when it has just connected.</param>
    /// <param name="after">The agent now; null when it has left the board.</param>
    public static IEnumerable<HistoryWrite> Between(AgentView? before, AgentView? after, DateTimeOffset at)
    {
        if (before is null && after is null)
        {
            yield break;
        }
        if (before is null)
        {
            yield return Event(after!, at, AgentEventKinds.Connected);
            if (RunWrite.Of(after!, at) is { } run)
            {
                yield return run;
            }
            yield break;
        }
        if (after is null)
        {
            yield return Event(before, at, AgentEventKinds.Disconnected);
            if (IsRunning(before))
            {
                yield return RunWrite.Of(before, at, RunOutcomes.Lost)!;
            }
            yield break;
        }
        var beforeId = RunId(before);
        var afterId = RunId(after);
        if (beforeId != afterId)
        {
            // A run that was under way and is gone without being seen to end (the next one began between two polls).
            if (IsRunning(before))
            {
                yield return RunWrite.Of(before, at, RunOutcomes.Lost)!;
            }
            if (RunWrite.Of(after, at) is { } next)
            {
                yield return next;
            }
            else if (before.State != after.State)
            {
                yield return Event(after, at, AgentEventKinds.StateChanged);
            }
            yield break;
        }
        if (afterId is not null && RunOutcomes.From(before.Execution!.Status) != RunOutcomes.From(after.Execution!.Status))
        {
            yield return RunWrite.Of(after, at)!;
        }
        else if (before.State != after.State)
        {
            yield return Event(after, at, AgentEventKinds.StateChanged);
        }
    }

    /// <summary>The run on an agent that is still under way, if any.</summary>
    public static bool IsRunning(AgentView agent) =>
        RunId(agent) is not null && RunOutcomes.IsRunning(RunOutcomes.From(agent.Execution!.Status));

    private static string? RunId(AgentView agent) => agent.Execution?.Id is { Length: > 0 } id ? id : null;

    private static EventWrite Event(AgentView agent, DateTimeOffset at, string kind) =>
        new(agent.Source, at, agent.AgentName, agent.Port, kind, agent.State.ToString(), RunId(agent));
}
