using SutWeb.Components.Listing;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>Agents per state, counted once for the header, the desk's chips and the wall's header.</summary>
public sealed class StateCountsTests
{
    private static readonly StateCounts Counts = new(
    [
        Agent("a", AgentState.Running), Agent("b", AgentState.Running), Agent("c", AgentState.Idle),
        Agent("d", AgentState.Failed), Agent("e", AgentState.Passed), Agent("f", AgentState.Failed),
    ]);

    [Fact]
    public void StateCounts_Agents_TotalAndEachState()
    {
        Assert.Equal(6, Counts.Total);
        Assert.Equal(2, Counts[AgentState.Running]);
        Assert.Equal(2, Counts[AgentState.Failed]);
        Assert.Equal(0, Counts[AgentState.Incomplete]);
        Assert.Equal(new Dictionary<AgentState, int> { [AgentState.Running] = 2, [AgentState.Idle] = 1, [AgentState.Failed] = 2, [AgentState.Passed] = 1 },
            Counts.ByState.ToDictionary());
    }

    [Fact]
    public void StateCounts_Present_OnlyStatesWithAgentsFailuresFirst()
    {
        Assert.Equal([(AgentState.Failed, 2), (AgentState.Running, 2), (AgentState.Passed, 1), (AgentState.Idle, 1)], Counts.Present);
    }

    [Fact]
    public void StateCounts_SameNumbersFromOtherAgents_AreEqual()
    {
        var same = new StateCounts([Agent("z", AgentState.Failed), Agent("y", AgentState.Failed), Agent("x", AgentState.Idle),
            Agent("w", AgentState.Running), Agent("v", AgentState.Running), Agent("u", AgentState.Passed)]);
        var moved = new StateCounts([Agent("z", AgentState.Failed), Agent("y", AgentState.Incomplete), Agent("x", AgentState.Idle),
            Agent("w", AgentState.Running), Agent("v", AgentState.Running), Agent("u", AgentState.Passed)]);

        Assert.Equal(Counts, same);
        Assert.NotEqual(Counts, moved);
        Assert.Equal(StateCounts.None, new StateCounts([]));
    }
}
