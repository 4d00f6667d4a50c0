using System.Collections.Immutable;
using MudBlazor;
using SutWeb.History;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>How a stored run's outcome looks: the states' own style (<see cref="AgentStateStyles"/>), Lost, or a status as the server sent it.</summary>
public static class RunOutcomeStyles
{
    public static StatusStyle Lost { get; } = new("Lost", Icons.Material.Filled.LinkOff, Color.Default);

    /// <summary>The outcomes a filter offers, in this order.</summary>
    public static ImmutableArray<string> Known { get; } =
        [RunOutcomes.Passed, RunOutcomes.Failed, RunOutcomes.Incomplete, RunOutcomes.Lost, RunOutcomes.Running];

    /// <summary>Where an outcome sorts in charts and legends: the known ones in their order, then any other.</summary>
    public static int Rank(string outcome)
    {
        var rank = Known.IndexOf(outcome);
        return rank < 0 ? int.MaxValue : rank;
    }

    public static StatusStyle For(string outcome) => outcome switch
    {
        RunOutcomes.Passed => AgentStateStyles.For(AgentState.Passed),
        RunOutcomes.Failed => AgentStateStyles.For(AgentState.Failed),
        RunOutcomes.Incomplete => AgentStateStyles.For(AgentState.Incomplete),
        RunOutcomes.Running => AgentStateStyles.For(AgentState.Running),
        RunOutcomes.Lost => Lost,
        _ => AgentStateStyles.For(AgentState.Unknown) with { Text = outcome },
    };

    /// <summary>A chart's colour for an outcome: the light theme's status colours, readable on both themes' cards.</summary>
    public static string ChartColour(string outcome) => outcome switch
    {
        RunOutcomes.Passed => "#2e7d32",
        RunOutcomes.Failed => "#c62828",
        RunOutcomes.Incomplete => "#ef6c00",
        RunOutcomes.Running => "#1565c0",
        RunOutcomes.Lost => "#6d4c41",
        _ => "#757575",
    };
}
