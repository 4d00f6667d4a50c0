using SutWeb.Components.Listing;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The default order of every view, as plain logic.</summary>
public sealed class AgentOrderTests
{
    [Fact]
    public void Default_MixedStatesAndNames_FailuresFirstThenRankThenNameThenKey()
    {
        AgentView[] agents =
        [
            Agent("alpha", AgentState.Passed, port: 1),
            Agent("Bravo", AgentState.Running, port: 2),
            Agent("charlie", AgentState.Failed, port: 3),
            Agent("delta", AgentState.Idle, port: 4),
            Agent("echo", AgentState.Incomplete, port: 5),
            Agent("foxtrot", AgentState.Unknown, port: 6),
            Agent("able", AgentState.Failed, port: 8),
            Agent("ABLE", AgentState.Failed, port: 7),
        ];

        var ordered = agents.Order(AgentOrder.Default).Select(a => a.Key);

        Assert.Equal(["ABLE:7", "able:8", "charlie:3", "echo:5", "foxtrot:6", "Bravo:2", "alpha:1", "delta:4"], ordered);
    }
}
