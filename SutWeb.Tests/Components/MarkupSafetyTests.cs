using Bunit;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>Whatever the Eggplant server sends is shown as text: markup in any field never becomes an element.</summary>
public sealed class MarkupSafetyTests : DashboardTestContext
{
    private const string ImageName = "<img src=x onerror=\"window.__xss=1\">";
    private const string BoldLog = "<b>bold</b> and <script>window.__xss=2</script>\nsecond <i>line</i>";

    [Fact]
    public void AgentRow_MarkupInEveryField_ShowsAsText()
    {
        Publish(Agent(ImageName, AgentState.Failed, model: "<u>model</u>", user: "<a href=\"javascript:alert(1)\">me</a>", status: "failed", log: BoldLog)
            with
            {
                ProcessStatus = "<iframe src=x></iframe>",
            });
        var cut = RenderHome();

        var row = cut.Find("[data-testid=agent-row]");
        Assert.Equal(ImageName, row.QuerySelector("[data-testid=agent-name]")!.TextContent);
        Assert.Equal("<u>model</u>", row.QuerySelector("[data-testid=agent-model]")!.TextContent);
        row.QuerySelector("[data-testid=expand]")!.Click();

        var log = cut.WaitForElement("[data-testid=last-log]", Patience);
        Assert.Equal(BoldLog, log.TextContent);
        Assert.Equal("<iframe src=x></iframe>", cut.Find("[data-field=process-status]").TextContent);
        foreach (var tag in new[] { "img", "b", "i", "u", "script", "iframe" })
        {
            Assert.Empty(cut.FindAll(tag));
        }
        // The one link is SutWeb's own, to the agent's history, with the name escaped into its address.
        var link = Assert.Single(cut.FindAll("a"));
        Assert.Equal("agent-history-link", link.GetAttribute("data-testid"));
        Assert.Equal("agents/default/" + Uri.EscapeDataString(ImageName), link.GetAttribute("href"));
        Assert.Contains("&lt;img", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentStateChip_MarkupInUnknownStatus_ShowsAsText()
    {
        Publish(Agent("agent-01", AgentState.Unknown, status: "<b>weird</b>"));

        var cut = RenderHome();

        Assert.Equal("<b>weird</b>", cut.Find("[data-testid=agent-state]").TextContent.Trim());
        Assert.Empty(cut.FindAll("b"));
    }
}
