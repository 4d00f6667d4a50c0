using Bunit;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using SutWeb.Components.Agents;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The desk with two Eggplant servers whose agents share their names: each row says whose, and the viewer filters and groups by source.</summary>
public sealed class DeskSourcesTests : DashboardTestContext
{
    private static readonly string[] AllInDefaultOrder = ["mac:5400", "lab-b/mac:5400", "lab-b/linux:5400", "lab-b/win:5400", "win:5400"];

    private void PublishTwoLabs()
    {
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "default", "Lab A", Agent("mac", AgentState.Failed), Agent("win"));
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "lab-b", "Lab B", Agent("mac", AgentState.Running), Agent("win"), Agent("linux", AgentState.Passed));
    }

    [Fact]
    public void Home_SeveralSources_EachRowNamesItsSource()
    {
        PublishTwoLabs();

        var cut = RenderHome();

        Assert.Equal(AllInDefaultOrder, RowKeys(cut));
        Assert.Equal("Lab A", Row(cut, "mac:5400").QuerySelector("[data-testid=agent-source]")!.TextContent.Trim());
        Assert.Equal("Lab B", Row(cut, "lab-b/mac:5400").QuerySelector("[data-testid=agent-source]")!.TextContent.Trim());
        Assert.Equal(["default", "lab-b"], cut.FindAll("[data-testid=source-filter]").Select(c => c.GetAttribute("data-source")));
        Assert.Single(cut.FindAll("[data-testid=group-by-source]"));
    }

    [Fact]
    public void Home_OneSource_NamesNoSourceAndOffersNoSourceControls()
    {
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "default", "Lab A", Agent("mac", AgentState.Failed), Agent("win"));

        var cut = RenderHome("?group=source");

        Assert.Equal(["mac:5400", "win:5400"], RowKeys(cut));
        Assert.Equal("mac", Row(cut, "mac:5400").QuerySelector("[data-testid=agent-name]")!.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=agent-source]"));
        Assert.Empty(cut.FindAll("[data-testid=source-filter]"));
        Assert.Empty(cut.FindAll("[data-testid=group-by-source]"));
        Assert.Empty(cut.FindAll("[data-testid=source-group]"));
    }

    [Fact]
    public void Home_SourceQuery_ShowsOnlyThatSourceAndItsChipIsPressed()
    {
        PublishTwoLabs();

        var cut = RenderHome("?source=lab-b");

        Assert.Equal(["lab-b/mac:5400", "lab-b/linux:5400", "lab-b/win:5400"], RowKeys(cut));
        Assert.Equal("true", cut.Find("[data-testid=source-filter][data-source=lab-b]").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("[data-testid=source-filter][data-source=default]").GetAttribute("aria-pressed"));
        Assert.Equal("3 of 5 agents", cut.Find("[data-testid=shown-count]").TextContent);
    }

    [Fact]
    public void Home_ClickSourceChip_ShowsOnlyThatSourceAndPutsItInTheUrl()
    {
        PublishTwoLabs();
        var cut = RenderHome();

        cut.Find("[data-testid=source-filter][data-source=lab-b]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["lab-b/mac:5400", "lab-b/linux:5400", "lab-b/win:5400"], RowKeys(cut)), Patience);
        Assert.Equal("http://localhost/?source=lab-b", Navigation.Uri);
        Assert.Equal("true", cut.Find("[data-testid=source-filter][data-source=lab-b]").GetAttribute("aria-pressed"));
    }

    [Theory]
    [InlineData("lab b", new[] { "lab-b/mac:5400", "lab-b/linux:5400", "lab-b/win:5400" })] // the source's name
    [InlineData("DEFAULT", new[] { "mac:5400", "win:5400" })] // the source's id
    public void Home_QuickFilterTermNamingASource_ShowsItsAgents(string text, string[] expected)
    {
        PublishTwoLabs();

        var cut = RenderHome($"?q={Uri.EscapeDataString(text)}");

        Assert.Equal(expected, RowKeys(cut));
    }

    [Fact]
    public void Home_GroupBySource_ShowsOneHeadedSectionPerSourceInTheUsualOrder()
    {
        PublishTwoLabs();

        var cut = RenderHome("?group=source");

        var lines = cut.FindAll("tr[data-testid=source-group], tr[data-testid=agent-row]")
            .Select(tr => tr.GetAttribute("data-source") is { } source ? $"[{source}]" : tr.GetAttribute("data-agent-key"));
        Assert.Equal(["[default]", "mac:5400", "win:5400", "[lab-b]", "lab-b/mac:5400", "lab-b/linux:5400", "lab-b/win:5400"], lines);
        var heads = cut.FindAll("[data-testid=source-group]");
        Assert.Equal(["Lab A", "Lab B"], heads.Select(h => h.QuerySelector("[data-testid=source-group-name]")!.TextContent));
        Assert.Equal("1 Failed 1 Idle", Normalise(heads[0].QuerySelector("[data-testid=source-group-counts]")!.TextContent));
        Assert.Equal("1 Running 1 Passed 1 Idle", Normalise(heads[1].QuerySelector("[data-testid=source-group-counts]")!.TextContent));
        Assert.Equal("true", cut.Find("[data-testid=group-by-source]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Home_ClickGroupBySource_GroupsAndPutsItInTheUrlThenUngroups()
    {
        PublishTwoLabs();
        var cut = RenderHome("?state=idle");

        cut.Find("[data-testid=group-by-source]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=source-group]").Count), Patience);
        Assert.Equal("http://localhost/?state=idle&group=source", Navigation.Uri);
        Assert.Equal(["win:5400", "lab-b/win:5400"], RowKeys(cut));

        cut.Find("[data-testid=group-by-source]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=source-group]")), Patience);
        Assert.Equal("http://localhost/?state=idle", Navigation.Uri);
    }

    [Fact]
    public void Home_GroupedThousandAgents_StillRendersOnlyAWindowOfThem()
    {
        var agents = Enumerable.Range(1, 500).Select(i => Agent($"agent-{i:000}")).ToArray();
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "default", "Lab A", agents);
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "lab-b", "Lab B", agents);

        var cut = RenderHome("?group=source");

        var list = cut.FindComponent<Virtualize<DeskLine>>();
        Assert.Equal(1002, list.Instance.Items!.Count);
        Assert.InRange(cut.FindAll("[data-testid=agent-row]").Count, 1, 200);
        Assert.Equal("Lab A", cut.Find("[data-testid=source-group-name]").TextContent);
        Assert.Equal("1000 agents", cut.Find("[data-testid=shown-count]").TextContent);
    }

    [Fact]
    public void Home_SecondSourceArrives_RowsStartNamingTheirSource()
    {
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "default", "Lab A", Agent("mac", AgentState.Failed));
        var cut = RenderHome();
        Assert.Empty(cut.FindAll("[data-testid=agent-source]"));

        SourceBoard.Publish(Board, Clock.GetUtcNow(), "lab-b", "Lab B", Agent("mac", AgentState.Running));

        cut.WaitForAssertion(() => Assert.Equal(["Lab A", "Lab B"], cut.FindAll("[data-testid=agent-source]").Select(s => s.TextContent.Trim())), Patience);
    }

    [Fact]
    public void Home_SourceNameWithMarkup_IsShownAsText()
    {
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "default", "<b>Lab A</b>", Agent("mac"));
        SourceBoard.Publish(Board, Clock.GetUtcNow(), "lab-b", "<script>x</script>", Agent("mac"));

        var cut = RenderHome("?group=source");

        Assert.Empty(cut.FindAll("[data-testid=agent-source] b, [data-testid=source-group] script"));
        Assert.Contains("<script>x</script>", cut.FindAll("[data-testid=source-group-name]").Select(n => n.TextContent));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
