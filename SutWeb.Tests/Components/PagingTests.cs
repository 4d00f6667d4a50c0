using Bunit;
using SutWeb.Components.Pages;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>A long list is paged, and the page is part of the URL like the filters.</summary>
public sealed class PagingTests : DashboardTestContext
{
    public PagingTests() =>
        Publish([.. Enumerable.Range(1, 250).Select(i => Agent($"agent-{i:000}", i <= 3 ? AgentState.Failed : AgentState.Idle))]);

    [Fact]
    public void Home_FewerAgentsThanAPage_HasNoPager()
    {
        Publish(Agent("agent-001", AgentState.Idle));

        var cut = RenderHome();

        Assert.Empty(cut.FindAll("[data-testid=pager]"));
    }

    [Fact]
    public void Home_PageQuery_ShowsThatPage()
    {
        var cut = RenderHome("?page=3");

        Assert.Equal(50, cut.FindAll("[data-testid=agent-row]").Count);
        Assert.Equal("101–150 of 250", cut.Find("[data-testid=page-range]").TextContent);
        Assert.Equal("agent-101:5400", RowKeys(cut)[0]);
    }

    [Fact]
    public void Home_FirstPage_StartsWithTheFailures()
    {
        var cut = RenderHome();

        Assert.Equal(Home.PageSize, cut.FindAll("[data-testid=agent-row]").Count);
        Assert.Equal(["agent-001:5400", "agent-002:5400", "agent-003:5400"], RowKeys(cut).Take(3));
    }

    [Fact]
    public void Home_PagePastTheEnd_ShowsTheLastPage()
    {
        var cut = RenderHome("?page=99");

        Assert.Equal("201–250 of 250", cut.Find("[data-testid=page-range]").TextContent);
    }

    [Fact]
    public void Home_ChooseAPage_PutsItInTheUrlAndAnotherFilterGoesBackToPageOne()
    {
        var cut = RenderHome();

        cut.Find("[data-testid=pager] button[aria-label='Page 2']").Click();
        cut.WaitForAssertion(() => Assert.Equal("51–100 of 250", cut.Find("[data-testid=page-range]").TextContent), Patience);
        Assert.Equal("http://localhost/?page=2", Navigation.Uri);

        cut.Find("th[data-sort=name] button").Click();

        cut.WaitForAssertion(() => Assert.Equal("1–50 of 250", cut.Find("[data-testid=page-range]").TextContent), Patience);
        Assert.Equal("http://localhost/?sort=name", Navigation.Uri);
    }
}
