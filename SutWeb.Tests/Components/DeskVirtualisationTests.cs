using Bunit;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using SutWeb.Components.Agents;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>
/// The desk does not page: one list, rendered through Virtualize, which in a browser renders only the rows in view
/// (EndToEnd/DeskVirtualisationEndToEndTests).
/// </summary>
public sealed class DeskVirtualisationTests : DashboardTestContext
{
    public DeskVirtualisationTests() =>
        Publish([.. Enumerable.Range(1, 250).Select(i => Agent($"agent-{i:000}", i <= 3 ? AgentState.Failed : AgentState.Idle))]);

    [Fact]
    public void Home_ManyAgents_ListsThemThroughVirtualizeWithoutAPager()
    {
        var cut = RenderHome();

        var list = cut.FindComponent<Virtualize<AgentRowModel>>();
        Assert.Equal(250, list.Instance.Items!.Count);
        // bUnit's stand-in reports a huge viewport; Virtualize still renders at most its MaxItemCount (100) and the overscan.
        Assert.InRange(cut.FindAll("[data-testid=agent-row]").Count, 1, 249);
        Assert.Equal(["agent-001:5400", "agent-002:5400", "agent-003:5400"], RowKeys(cut).Take(3));
        Assert.Empty(cut.FindAll("[data-testid=pager]"));
        Assert.Equal("250 agents", cut.Find("[data-testid=shown-count]").TextContent);
    }

    [Fact]
    public void Home_OldPageLink_IsIgnored()
    {
        var cut = RenderHome("?page=3");

        Assert.Equal("agent-001:5400", RowKeys(cut)[0]);
        Assert.Empty(cut.FindAll("[data-testid=pager]"));
    }
}
