using MudBlazor;
using SutWeb.History;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Styling;

/// <summary>How a stored run's outcome looks: the states' own style (<see cref="AgentStateStyles"/>), Lost, or a status as the server sent it.</summary>
public static class RunOutcomeStyles
{
    public static StatusStyle Lost { get; } = new("Lost", Icons.Material.Filled.LinkOff, Color.Default);

    public static StatusStyle For(string outcome) => outcome switch
    {
        RunOutcomes.Passed => AgentStateStyles.For(AgentState.Passed),
        RunOutcomes.Failed => AgentStateStyles.For(AgentState.Failed),
        RunOutcomes.Incomplete => AgentStateStyles.For(AgentState.Incomplete),
        RunOutcomes.Running => AgentStateStyles.For(AgentState.Running),
        RunOutcomes.Lost => Lost,
        _ => AgentStateStyles.For(AgentState.Unknown) with { Text = outcome },
    };
}
