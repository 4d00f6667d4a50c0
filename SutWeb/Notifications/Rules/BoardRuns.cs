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
        var row = run.ToRow();
        run.CopyTo(row);
        return row.ToRecord();
    }
}
