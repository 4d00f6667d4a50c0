using SutWeb.Components.Agents;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>What a row says about itself, without a renderer: its name, its details' id, and its look over time.</summary>
public sealed class AgentRowModelTests
{
    private static readonly DateTimeOffset Now = DashboardTestContext.Start;

    [Theory]
    [InlineData(0, 0, false, false, "agent-row")]
    [InlineData(1, 0, false, false, "agent-row agent-row--flash-odd")]
    [InlineData(2, 1, false, false, "agent-row agent-row--flash-even")]
    [InlineData(3, 2, false, false, "agent-row")]
    [InlineData(3, 0, true, true, "agent-row agent-row--flash-odd agent-row--disconnected agent-row--expanded")]
    public void CssClass_ChangesAndState_FlashForTwoSecondsGreyAndTint(int generation, int secondsAgo, bool disconnected, bool expanded, string expected)
    {
        var row = new AgentRowModel
        {
            Agent = Agent("a", AgentState.Idle),
            FlashGeneration = generation,
            ChangedAt = Now.AddSeconds(-secondsAgo),
            DisconnectedAt = disconnected ? Now : null,
            Expanded = expanded,
        };

        Assert.Equal(expected, row.CssClass(Now));
    }

    [Fact]
    public void DisplayNameAndDetailsId_UnnamedAgentWithSpaces_ReadableAndWithoutWhiteSpace()
    {
        var row = new AgentRowModel { Agent = Agent("", AgentState.Idle) with { Key = "lab pc:5400" } };

        Assert.Equal("(unnamed)", row.DisplayName);
        Assert.Equal("agent-details-lab%20pc%3A5400", row.DetailsId);
    }
}
