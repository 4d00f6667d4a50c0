using Bunit;
using SutWeb.Components.Pages;
using SutWeb.History;

namespace SutWeb.Tests.Components.History;

/// <summary>An agent's page over a real SQLite history: its runs, their filters in the URL, and the charts' words.</summary>
public sealed class AgentPageTests : HistoryPagesTestContext
{
    private static readonly DateTimeOffset Today = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AgentPage_Runs_OnlyThisAgentsNewestFirstEachLinkingToItself()
    {
        await WriteSomeHistoryAsync();

        var cut = RenderAgentPage("/agents/default/lab-1");

        cut.WaitForAssertion(() => Assert.Equal(["fail", "pass-3", "pass-2", "pass-1"], ShownRuns(cut)), Patience);
        var cell = cut.Find("[data-execution-id=fail]");
        Assert.Equal("run-fail", cell.Id);
        Assert.Equal("agents/default/lab-1#run-fail", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-field=agent]")); // The page names the agent once, in its title.
    }

    [Fact]
    public async Task AgentPage_OutcomeAndModelInTheUrl_FilterTheRuns()
    {
        await WriteSomeHistoryAsync();

        var cut = RenderAgentPage("/agents/default/lab-1?outcome=Passed&model=Checkout");

        cut.WaitForAssertion(() => Assert.Equal(["pass-3"], ShownRuns(cut)), Patience);
    }

    [Fact]
    public async Task AgentPage_OutcomeChosen_GoesIntoTheUrl()
    {
        await WriteSomeHistoryAsync();
        var cut = RenderAgentPage("/agents/default/lab-1");
        cut.WaitForAssertion(() => Assert.Equal(4, ShownRuns(cut).Count), Patience);

        cut.Find("[data-outcome=Failed]").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/agents/default/lab-1?outcome=Failed", Navigation.Uri, StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task AgentPage_Charts_SayInWordsWhatTheyShow()
    {
        await WriteSomeHistoryAsync();

        var cut = RenderAgentPage("/agents/default/lab-1");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=outcomes-chart-summary]")), Patience);
        Assert.Equal("4 runs started in the last 30 days: 3 Passed, 1 Failed.", cut.Find("[data-testid=outcomes-chart-summary]").TextContent.Trim());
        Assert.Equal("The last 4 finished runs took 3:00 as the median, from 2:00 to 6:00.", cut.Find("[data-testid=duration-chart-summary]").TextContent.Trim());
        Assert.Equal("Connected 9 h 00 min in the last 30 days, on 2 of them.", cut.Find("[data-testid=connected-chart-summary]").TextContent.Trim());
        Assert.Equal("6 h 00 min", cut.Find("[data-testid=connected-chart] tr[data-day=\"2026-11-27\"] td").TextContent.Trim());
        Assert.Equal("3 h 00 min", cut.Find("[data-testid=connected-chart] tr[data-day=\"2026-11-29\"] td").TextContent.Trim());
    }

    private IRenderedComponent<AgentPage> RenderAgentPage(string uri) =>
        RenderPage<AgentPage>(uri, p => p.Add(x => x.Source, "default").Add(x => x.AgentName, "lab-1"));

    /// <summary>lab-1: three passes and a failure over three days, connected 6 h two days ago and since 09:00 today; lab-2 a run of its own.</summary>
    private Task WriteSomeHistoryAsync() => WriteAsync(
        Run("pass-1", "lab-1", Today.AddDays(-2).AddHours(1), RunOutcomes.Passed, took: TimeSpan.FromMinutes(2)),
        Run("pass-2", "lab-1", Today.AddDays(-1).AddHours(1), RunOutcomes.Passed, took: TimeSpan.FromMinutes(4)),
        Run("pass-3", "lab-1", Today.AddHours(9), RunOutcomes.Passed, model: "Checkout", took: TimeSpan.FromMinutes(6)),
        Run("fail", "lab-1", Today.AddHours(10), RunOutcomes.Failed, took: TimeSpan.FromMinutes(2)),
        Run("other", "lab-2", Today.AddHours(10), RunOutcomes.Failed),
        Connection("lab-1", Today.AddDays(-2), connected: true),
        Connection("lab-1", Today.AddDays(-2).AddHours(6), connected: false),
        Connection("lab-1", Today.AddHours(9), connected: true),
        Connection("lab-2", Today.AddDays(-10), connected: true));
}
