using SutWeb.Components.Styling;
using SutWeb.Shared.Views;

namespace SutWeb.Components.Listing;

/// <summary>
/// The default order of every view of agents, the desk's and the wall's: failures first, then running, then the rest
/// (<see cref="AgentStateStyles.Rank"/>); within each, by name in any case, then by key so that the order is total.
/// </summary>
public static class AgentOrder
{
    public static IComparer<AgentView> Default { get; } = Comparer<AgentView>.Create(Compare);

    public static int Compare(AgentView? a, AgentView? b)
    {
        if (a is null || b is null)
        {
            return a is null ? b is null ? 0 : -1 : 1;
        }
        var order = AgentStateStyles.Rank(a.State).CompareTo(AgentStateStyles.Rank(b.State));
        if (order == 0)
        {
            order = string.Compare(a.AgentName, b.AgentName, StringComparison.OrdinalIgnoreCase);
        }
        return order != 0 ? order : string.CompareOrdinal(a.Key, b.Key);
    }
}
