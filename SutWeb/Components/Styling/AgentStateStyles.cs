using MudBlazor;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>The one mapping from agent state to word, icon and colour; the UI never picks colours ad hoc.</summary>
public static class AgentStateStyles
{
    public static StatusStyle For(AgentState state) => state switch
    {
        AgentState.Idle => new("Idle", Icons.Material.Filled.PauseCircleOutline, Color.Default),
        AgentState.Running => new("Running", Icons.Material.Filled.PlayCircle, Color.Info),
        AgentState.Passed => new("Passed", Icons.Material.Filled.CheckCircle, Color.Success),
        AgentState.Failed => new("Failed", Icons.Material.Filled.Cancel, Color.Error),
        AgentState.Incomplete => new("Incomplete", Icons.Material.Filled.Warning, Color.Warning),
        _ => new("Unknown", Icons.Material.Filled.HelpOutline, Color.Dark),
    };

    /// <summary>An agent connection the server no longer reports, kept on screen for a while.</summary>
    public static StatusStyle Disconnected { get; } = new("Disconnected", Icons.Material.Filled.LinkOff, Color.Default);

    /// <summary>A run going on for longer than the configured threshold.</summary>
    public static StatusStyle PossiblyStuck { get; } = new("Possibly stuck", Icons.Material.Filled.HourglassBottom, Color.Warning);

    /// <summary>The states a finished run ends in.</summary>
    public static bool IsOutcome(AgentState state) => state is AgentState.Passed or AgentState.Failed or AgentState.Incomplete;

    /// <summary>As <see cref="For(AgentState)"/>, but an undocumented status shows as the server sent it, in the neutral style.</summary>
    public static StatusStyle For(AgentView agent)
    {
        var style = For(agent.State);
        return agent.State == AgentState.Unknown && !string.IsNullOrWhiteSpace(agent.Execution?.Status)
            ? style with { Text = agent.Execution.Status }
            : style;
    }

    /// <summary>Failures first, then running, then the rest; within each, by name (the default order of every view).</summary>
    public static int Rank(AgentState state) => state switch
    {
        AgentState.Failed => 0,
        AgentState.Incomplete => 1,
        AgentState.Unknown => 2,
        AgentState.Running => 3,
        AgentState.Passed => 4,
        _ => 5,
    };
}
