using Bunit;
using SutWeb.Components.Pages;
using SutWeb.History;

namespace SutWeb.Tests.Components.History;

/// <summary><c>/history</c> over a real SQLite history: filters in the URL, paging, and the CSV of the same runs.</summary>
public sealed class RunHistoryPageTests : HistoryPagesTestContext
{
    [Fact]
    public async Task RunHistory_FilterInTheUrl_ShowsOnlyMatchingRunsAndTheCsvOfTheSame()
    {
        await WriteAsync(
            Run("a", "lab-1", Now.AddHours(-3), RunOutcomes.Failed, model: "Login"),
            Run("b", "lab-1", Now.AddHours(-2), RunOutcomes.Passed, model: "Login"),
            Run("c", "lab-2", Now.AddHours(-1), RunOutcomes.Failed, model: "Login", source: "lab-b"),
            Run("d", "lab-1", Now.AddMinutes(-30), RunOutcomes.Failed, model: "Checkout"));

        var cut = RenderPage<RunHistory>("/history?model=Login&outcome=Failed");

        cut.WaitForAssertion(() => Assert.Equal(["c", "a"], ShownRuns(cut)), Patience);
        Assert.Equal("api/history/runs.csv?model=Login&outcome=Failed", cut.Find("[data-testid=download-csv]").GetAttribute("href"));
        var first = cut.FindAll("[data-testid=run]")[0].ParentElement!;
        Assert.Equal("lab-b", first.QuerySelector("[data-field=source]")!.TextContent.Trim());
        Assert.Equal("Failed", first.QuerySelector("[data-field=outcome]")!.TextContent.Trim());
        Assert.Equal("agents/lab-b/lab-2", first.QuerySelector("[data-field=agent] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RunHistory_TimeRangeInTheUrl_ShowsRunsStartedWithinIt()
    {
        await WriteAsync(
            Run("early", "lab-1", Now.AddHours(-5), RunOutcomes.Passed),
            Run("inside", "lab-1", Now.AddHours(-3), RunOutcomes.Passed),
            Run("late", "lab-1", Now.AddHours(-1), RunOutcomes.Passed));

        var cut = RenderPage<RunHistory>("/history?from=2026-11-29T08:00:00Z&to=2026-11-29T10:00:00Z&agent=lab-1");

        cut.WaitForAssertion(() => Assert.Equal(["inside"], ShownRuns(cut)), Patience);
        Assert.Equal("api/history/runs.csv?agent=lab-1&from=2026-11-29T08:00:00Z&to=2026-11-29T10:00:00Z",
            cut.Find("[data-testid=download-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task RunHistory_ModelAndOutcomeChosen_GoIntoTheUrlWithTheApisNames()
    {
        await WriteAsync(Run("a", "lab-1", Now.AddHours(-1), RunOutcomes.Passed));
        var cut = RenderPage<RunHistory>("/history?source=default");
        cut.WaitForAssertion(() => Assert.Equal(["a"], ShownRuns(cut)), Patience);

        cut.Find("[data-testid=filter-model] input, input[data-testid=filter-model]").Change("Checkout");

        cut.WaitForAssertion(() => Assert.EndsWith("/history?source=default&model=Checkout", Navigation.Uri, StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task RunHistory_OutcomeChipClicked_PutsTheOutcomeInTheUrl()
    {
        await WriteAsync(Run("a", "lab-1", Now.AddHours(-1), RunOutcomes.Passed));
        var cut = RenderPage<RunHistory>("/history");
        cut.WaitForAssertion(() => Assert.Equal(["a"], ShownRuns(cut)), Patience);

        cut.Find("[data-outcome=Failed]").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/history?outcome=Failed", Navigation.Uri, StringComparison.Ordinal), Patience);
    }

    [Fact]
    public async Task RunHistory_MoreRunsThanAPage_PagesToOlderAndBackToNewer()
    {
        await WriteAsync([.. Enumerable.Range(0, 30).Select(i => Run($"run-{i:00}", "lab-1", Now.AddMinutes(-i), RunOutcomes.Passed))]);

        var cut = RenderPage<RunHistory>("/history");

        cut.WaitForAssertion(() => Assert.Equal(25, ShownRuns(cut).Count), Patience);
        Assert.Equal("run-00", ShownRuns(cut)[0]);
        Assert.Equal("Runs 1–25, older ones follow", cut.Find("[data-testid=runs-range]").TextContent.Trim());
        Assert.True(cut.Find("[data-testid=page-newer]").HasAttribute("disabled"));

        cut.Find("[data-testid=page-older]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["run-25", "run-26", "run-27", "run-28", "run-29"], ShownRuns(cut)), Patience);
        Assert.Equal("Runs 26–30", cut.Find("[data-testid=runs-range]").TextContent.Trim());
        Assert.True(cut.Find("[data-testid=page-older]").HasAttribute("disabled"));

        cut.Find("[data-testid=page-newer]").Click();

        cut.WaitForAssertion(() => Assert.Equal("run-00", ShownRuns(cut)[0]), Patience);
        Assert.Equal(25, ShownRuns(cut).Count);
    }

    [Fact]
    public void RunHistory_NothingRecorded_SaysSo()
    {
        var cut = RenderPage<RunHistory>("/history");

        cut.WaitForAssertion(() => Assert.Equal("No runs recorded yet.", cut.Find("[data-testid=no-runs]").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task RunHistory_GapInTheShownRange_SaysHistoryIsIncompleteThere()
    {
        await WriteAsync(Run("a", "lab-1", Now.AddHours(-1), RunOutcomes.Passed));
        await new HistoryStore(Database).ApplyAsync([],
        [
            new HistoryGap { Source = "default", From = Now.AddHours(-3), To = Now.AddHours(-3).AddMinutes(9), DroppedRuns = 12, DroppedEvents = 1 },
            new HistoryGap { Source = "lab-b", From = Now.AddHours(-2), To = Now.AddHours(-2), DroppedEvents = 3 },
            new HistoryGap { Source = "default", From = Now.AddDays(-5), To = Now.AddDays(-5), DroppedEvents = 2 },
        ], CancellationToken.None);

        var cut = RenderPage<RunHistory>("/history?source=default&from=2026-11-28T00:00:00Z");

        cut.WaitForAssertion(() => Assert.Equal(
            "default: 12 run updates and 1 agent event not kept between 2026-11-29 09:00 UTC and 09:09 UTC",
            Assert.Single(cut.FindAll("[data-testid=history-gap]")).TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task RunHistory_NoGap_ShowsNoNotice()
    {
        await WriteAsync(Run("a", "lab-1", Now.AddHours(-1), RunOutcomes.Passed));

        var cut = RenderPage<RunHistory>("/history");

        cut.WaitForAssertion(() => Assert.Equal(["a"], ShownRuns(cut)), Patience);
        Assert.Empty(cut.FindAll("[data-testid=history-gaps]"));
    }
}
