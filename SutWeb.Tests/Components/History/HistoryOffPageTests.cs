using Bunit;
using SutWeb.Components.Pages;

namespace SutWeb.Tests.Components.History;

/// <summary>With <c>History:Provider=None</c> there is no history to read: the pages say so instead of failing.</summary>
public sealed class HistoryOffPageTests() : HistoryPagesTestContext(historyOn: false)
{
    [Fact]
    public void RunHistory_HistoryOff_SaysHistoryIsOffAndOffersNoDownload()
    {
        var cut = RenderPage<RunHistory>("/history");

        Assert.Contains("History is off", cut.Find("[data-testid=history-off]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=download-csv]"));
        Assert.Empty(cut.FindAll("[data-testid=runs-table]"));
    }

    [Fact]
    public void AgentPage_HistoryOff_NamesTheAgentAndSaysHistoryIsOff()
    {
        var cut = RenderPage<AgentPage>("/agents/default/lab-1", p => p.Add(x => x.Source, "default").Add(x => x.AgentName, "lab-1"));

        Assert.Equal("lab-1", cut.Find("[data-testid=agent-title]").TextContent.Trim());
        Assert.Contains("History:Provider", cut.Find("[data-testid=history-off]").TextContent, StringComparison.Ordinal);
    }
}
