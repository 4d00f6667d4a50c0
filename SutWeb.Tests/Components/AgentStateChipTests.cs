using Bunit;
using MudBlazor;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>Every state shows a word, an icon and a colour (never colour alone), from the one mapping.</summary>
public sealed class AgentStateChipTests : DashboardTestContext
{
    [Theory]
    [InlineData(AgentState.Idle, null, "Idle", Icons.Material.Filled.PauseCircleOutline, "default")]
    [InlineData(AgentState.Running, null, "Running", Icons.Material.Filled.PlayCircle, "info")]
    [InlineData(AgentState.Passed, null, "Passed", Icons.Material.Filled.CheckCircle, "success")]
    [InlineData(AgentState.Failed, null, "Failed", Icons.Material.Filled.Cancel, "error")]
    [InlineData(AgentState.Incomplete, null, "Incomplete", Icons.Material.Filled.Warning, "warning")]
    [InlineData(AgentState.Unknown, "Queued-For-Retry", "Queued-For-Retry", Icons.Material.Filled.HelpOutline, "dark")]
    public void StateChip_EachState_ShowsItsWordIconAndColour(AgentState state, string? rawStatus, string word, string icon, string colour)
    {
        Publish(Agent("agent-01", state, status: rawStatus));

        var cut = RenderHome();

        var chip = Row(cut, "agent-01:5400").QuerySelector("[data-testid=agent-state]")!;
        Assert.Equal(word, chip.TextContent.Trim());
        Assert.Contains($"mud-chip-color-{colour}", chip.ClassList);
        var svg = chip.QuerySelector("svg.mud-chip-icon");
        Assert.NotNull(svg);
        var paths = svg!.QuerySelectorAll("path").Select(p => p.GetAttribute("d"));
        Assert.Equal(System.Text.RegularExpressions.Regex.Matches(icon, "d=\"([^\"]*)\"").Select(m => m.Groups[1].Value), paths);
    }

    [Fact]
    public void StateChip_UnknownWithoutStatus_SaysUnknown()
    {
        Publish(Agent("agent-01", AgentState.Unknown, status: " "));

        var cut = RenderHome();

        Assert.Equal("Unknown", Row(cut, "agent-01:5400").QuerySelector("[data-testid=agent-state]")!.TextContent.Trim());
    }
}
