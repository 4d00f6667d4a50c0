using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SutWeb.History;
using SutWeb.History.Expectations;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>The desk with history: minutes left or over usual on a running row, and the track record in a row's details.</summary>
public sealed class RunExpectationsDeskTests : DashboardTestContext
{
    private readonly RunExpectations _expectations = new();

    public RunExpectationsDeskTests() => Services.AddSingleton(_expectations);

    [Fact]
    public void DeskRow_RunningWithUsualDuration_MinutesLeftThenOverUsual()
    {
        _expectations.Publish(new HistoryKey("default", "LoginFlow"), new RunExpectation(TimeSpan.FromMinutes(15), 20));
        var agent = Agent("lab-1", AgentState.Running, start: Clock.GetUtcNow().AddMinutes(-3));
        Publish(agent, Agent("lab-2", AgentState.Running, model: "Checkout", start: Clock.GetUtcNow().AddMinutes(-3)));
        var cut = RenderHome();

        cut.WaitForAssertion(() => Assert.Equal("about 12 min left", Row(cut, agent.Key).QuerySelector("[data-testid=expected]")?.TextContent), Patience);
        var expected = Row(cut, agent.Key).QuerySelector("[data-testid=expected]")!;
        Assert.Contains("usual 15:00 (median of the last 20 finished runs", expected.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Null(expected.GetAttribute("data-overrun"));
        Assert.Null(Row(cut, Agent("lab-2").Key).QuerySelector("[data-testid=expected]")); // No history of Checkout.

        Clock.Advance(TimeSpan.FromMinutes(17));

        cut.WaitForAssertion(() => Assert.Equal("5 min over usual", Row(cut, agent.Key).QuerySelector("[data-testid=expected]")?.TextContent), Patience);
        Assert.Equal("true", Row(cut, agent.Key).QuerySelector("[data-testid=expected]")!.GetAttribute("data-overrun"));
    }

    [Fact]
    public void DeskDetails_TrackRecord_StreakAndTenOutcomesLinkingEachRun()
    {
        var now = Clock.GetUtcNow();
        var agent = Agent("lab-1", AgentState.Failed, start: now.AddMinutes(-10), end: now.AddMinutes(-1));
        string[] outcomes = [RunOutcomes.Failed, RunOutcomes.Failed, RunOutcomes.Lost, RunOutcomes.Failed, RunOutcomes.Passed, "Aborted"];
        var runs = outcomes.Select((o, i) => new PastRun($"run-{i}", o, now.AddHours(-i - 1), now.AddHours(-i - 0.5))).ToList();
        _expectations.Publish(new HistoryKey("default", "lab-1"), new AgentTrackRecord(runs, new RunStreak(RunOutcomes.Failed, 3), now.AddDays(-2)));
        Publish(agent);
        var cut = RenderHome();

        Row(cut, agent.Key).QuerySelector("[data-testid=expand]")!.Click();

        var streak = cut.WaitForElement("[data-testid=streak]", Patience);
        Assert.Equal("3rd failure in a row · last passed 2 days ago", streak.TextContent);
        var strip = cut.Find("[data-testid=outcome-strip]");
        Assert.Equal("Last 6 runs of lab-1, newest first", strip.GetAttribute("aria-label"));
        var chips = strip.QuerySelectorAll("[data-testid=outcome]");
        // Icon and word, not colour alone: every chip has both, and links to its run on the agent's page.
        Assert.Equal(["Failed", "Failed", "Lost", "Failed", "Passed", "Aborted"], chips.Select(c => c.TextContent.Trim()));
        Assert.All(chips, c => Assert.NotNull(c.QuerySelector("svg")));
        Assert.Equal(runs.Select(r => $"agents/default/lab-1#run-{r.ExecutionId}"), chips.Select(c => c.GetAttribute("href")));
    }

    [Fact]
    public void DeskDetails_RecordReadAfterOpening_AskedForThenShown()
    {
        var agent = Agent("lab-1", AgentState.Passed);
        Publish(agent);
        var cut = RenderHome();

        Row(cut, agent.Key).QuerySelector("[data-testid=expand]")!.Click();

        cut.WaitForElement("[data-testid=recent-runs-loading]", Patience);
        Assert.True(_expectations.Requests.TryRead(out var asked));
        Assert.Equal(new HistoryKey("default", "lab-1"), asked);

        var now = Clock.GetUtcNow();
        _expectations.Publish(asked, new AgentTrackRecord(
            [.. Enumerable.Range(0, 4).Select(i => new PastRun($"p{i}", RunOutcomes.Passed, now.AddHours(-i - 1), now.AddHours(-i - 0.5)))],
            new RunStreak(RunOutcomes.Passed, 4), now.AddMinutes(-30)));

        cut.WaitForAssertion(() => Assert.Equal("4th pass in a row", cut.Find("[data-testid=streak]").TextContent), Patience);
        Assert.Equal(4, cut.FindAll("[data-testid=outcome]").Count);
    }

    [Fact]
    public void DeskDetails_NoRunOnRecord_SaysSo()
    {
        _expectations.Publish(new HistoryKey("default", "lab-1"), AgentTrackRecord.Empty);
        var agent = Agent("lab-1", AgentState.Idle);
        Publish(agent);
        var cut = RenderHome();

        Row(cut, agent.Key).QuerySelector("[data-testid=expand]")!.Click();

        Assert.Equal("No finished run of this agent on record yet.", cut.WaitForElement("[data-testid=no-recent-runs]", Patience).TextContent);
        Assert.Empty(cut.FindAll("[data-testid=streak]"));
    }
}
