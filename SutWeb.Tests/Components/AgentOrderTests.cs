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
            Agent("idle-b", AgentState.Idle, port: 1), Agent("passed", AgentState.Passed, port: 2),
            Agent("Run", AgentState.Running, port: 3), Agent("unknown", AgentState.Unknown, port: 4),
            Agent("incomplete", AgentState.Incomplete, port: 5), Agent("lab", AgentState.Failed, port: 9),
            Agent("LAB", AgentState.Failed, port: 8), Agent("idle-a", AgentState.Idle, port: 6),
        ];

        var ordered = agents.Order(AgentOrder.Default).Select(a => a.Key);

        Assert.Equal(["LAB:8", "lab:9", "incomplete:5", "unknown:4", "Run:3", "passed:2", "idle-a:6", "idle-b:1"], ordered);
    }
}
