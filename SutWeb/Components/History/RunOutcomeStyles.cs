using MudBlazor;
using SutWeb.Components.Styling;
using SutWeb.History;

namespace SutWeb.Components.History;

/// <summary>How a stored run's outcome looks: a word and an icon as well as a colour, as the board's states.</summary>
public static class RunOutcomeStyles
{
    /// <summary>The outcomes a filter offers, in this order.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [RunOutcomes.Passed, RunOutcomes.Failed, RunOutcomes.Incomplete, RunOutcomes.Lost, RunOutcomes.Running];

    /// <summary>Where an outcome sorts in charts and legends: the known ones in their order, then any other.</summary>
    public static int Rank(string outcome)
    {
        for (var i = 0; i < Known.Count; i++)
        {
            if (Known[i] == outcome)
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    public static StatusStyle For(string outcome) => outcome switch
    {
        RunOutcomes.Passed => new(outcome, Icons.Material.Filled.CheckCircle, Color.Success),
        RunOutcomes.Failed => new(outcome, Icons.Material.Filled.Cancel, Color.Error),
        RunOutcomes.Incomplete => new(outcome, Icons.Material.Filled.Warning, Color.Warning),
        RunOutcomes.Running => new(outcome, Icons.Material.Filled.PlayCircle, Color.Info),
        RunOutcomes.Lost => new(outcome, Icons.Material.Filled.LinkOff, Color.Default),
        _ => new(outcome, Icons.Material.Filled.HelpOutline, Color.Dark),
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
