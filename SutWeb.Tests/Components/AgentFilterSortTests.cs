using Bunit;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components;

/// <summary>Finding agents: quick filter, state chips and sorting on every column, all kept in the URL query.</summary>
public sealed class AgentFilterSortTests : DashboardTestContext
{
    public AgentFilterSortTests()
    {
        var now = Clock.GetUtcNow();
        Publish(
            Agent("alpha", AgentState.Running, port: 5401, model: "LoginFlow", user: "priya", initiator: "ui", type: "model",
                start: now.AddMinutes(-5), processId: 300),
            Agent("bravo", AgentState.Failed, port: 5403, model: "Checkout", user: "martin", initiator: "api", type: "script",
                start: now.AddMinutes(-20), end: now.AddMinutes(-1), processId: 100),
            Agent("charlie", AgentState.Idle, port: 5402, processId: 200),
            Agent("delta", AgentState.Passed, port: 5400, model: "Payments", user: "ann", initiator: "schedule", type: "suite",
                start: now.AddMinutes(-60), end: now.AddMinutes(-30), processId: 400),
            Agent("echo", AgentState.Failed, port: 5404, model: "Zeta", user: "zed", initiator: "cli", type: "exploratory",
                start: now.AddMinutes(-3), end: now.AddMinutes(-2), processId: 500));
    }

    [Fact]
    public void Home_NoQuery_FailuresFirstThenRunningThenTheRestByName()
    {
        var cut = RenderHome();

        Assert.Equal(Keys("bravo", "echo", "alpha", "delta", "charlie"), RowKeys(cut));
    }

    [Fact]
    public void Home_EveryState_DefaultOrderFollowsTheRank()
    {
        Publish(
            Agent("a-idle", AgentState.Idle), Agent("b-passed", AgentState.Passed), Agent("c-running", AgentState.Running),
            Agent("d-unknown", AgentState.Unknown, status: "queued"), Agent("e-incomplete", AgentState.Incomplete),
            Agent("f-failed", AgentState.Failed), Agent("g-failed", AgentState.Failed));

        var cut = RenderHome();

        Assert.Equal(Keys("f-failed", "g-failed", "e-incomplete", "d-unknown", "c-running", "b-passed", "a-idle"), RowKeys(cut));
    }

    [Theory]
    [InlineData("name", new[] { "alpha", "bravo", "charlie", "delta", "echo" })]
    [InlineData("port", new[] { "delta", "alpha", "charlie", "bravo", "echo" })]
    [InlineData("state", new[] { "bravo", "echo", "alpha", "delta", "charlie" })]
    [InlineData("model", new[] { "bravo", "alpha", "delta", "echo", "charlie" })]
    [InlineData("user", new[] { "delta", "bravo", "alpha", "echo", "charlie" })]
    [InlineData("initiator", new[] { "bravo", "echo", "delta", "alpha", "charlie" })]
    [InlineData("type", new[] { "echo", "alpha", "bravo", "delta", "charlie" })]
    [InlineData("start", new[] { "delta", "bravo", "alpha", "echo", "charlie" })]
    [InlineData("elapsed", new[] { "echo", "alpha", "bravo", "delta", "charlie" })]
    [InlineData("pid", new[] { "bravo", "charlie", "alpha", "delta", "echo" })]
    public void Home_SortQuery_OrdersByThatColumn(string sort, string[] expected)
    {
        var cut = RenderHome($"?sort={sort}");

        Assert.Equal(Keys(expected), RowKeys(cut));
        Assert.Equal("ascending", cut.Find($"th[data-sort={sort}]").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Home_SortDescendingQuery_ReversesTheOrder()
    {
        var cut = RenderHome("?sort=name&desc=1");

        Assert.Equal(Keys("echo", "delta", "charlie", "bravo", "alpha"), RowKeys(cut));
        Assert.Equal("descending", cut.Find("th[data-sort=name]").GetAttribute("aria-sort"));
    }

    [Theory]
    [InlineData("model", new[] { "echo", "delta", "alpha", "bravo", "charlie" })]
    [InlineData("elapsed", new[] { "delta", "bravo", "alpha", "echo", "charlie" })]
    public void Home_SortDescending_KeepsRowsWithoutAValueLast(string sort, string[] expected)
    {
        var cut = RenderHome($"?sort={sort}&desc=1");

        Assert.Equal(Keys(expected), RowKeys(cut));
    }

    [Fact]
    public void Home_ClickColumnHeader_SortsAscendingThenDescendingThenDefaultInTheUrl()
    {
        var cut = RenderHome();

        cut.Find("th[data-sort=name] button").Click();
        cut.WaitForAssertion(() => Assert.Equal(Keys("alpha", "bravo", "charlie", "delta", "echo"), RowKeys(cut)), Patience);
        Assert.Equal("http://localhost/?sort=name", Navigation.Uri);

        cut.Find("th[data-sort=name] button").Click();
        cut.WaitForAssertion(() => Assert.Equal(Keys("echo", "delta", "charlie", "bravo", "alpha"), RowKeys(cut)), Patience);
        Assert.Equal("http://localhost/?sort=name&desc=1", Navigation.Uri);

        cut.Find("th[data-sort=name] button").Click();
        cut.WaitForAssertion(() => Assert.Equal(Keys("bravo", "echo", "alpha", "delta", "charlie"), RowKeys(cut)), Patience);
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    [Theory]
    [InlineData("cha", new[] { "charlie" })]
    [InlineData("LOGIN", new[] { "alpha" })]
    [InlineData("martin", new[] { "bravo" })]
    [InlineData("5404", new[] { "echo" })]
    [InlineData("nothing-like-this", new string[0])]
    [InlineData("zed, cha", new[] { "echo", "charlie" })] // any of several terms
    public void Home_QuickFilter_MatchesNameModelOrUserAndGoesInTheUrl(string text, string[] expected)
    {
        var cut = RenderHome();

        cut.Find("input[data-testid=quick-filter]").Input(text);
        // The filter waits for a pause in typing, timed on the injected clock.
        Clock.Advance(TimeSpan.FromMilliseconds(300));

        cut.WaitForAssertion(() => Assert.Equal(Keys(expected), RowKeys(cut)), Patience);
        Assert.Equal($"http://localhost/?q={Uri.EscapeDataString(text)}", Navigation.Uri);
        Assert.Equal(expected.Length == 0, cut.FindAll("[data-testid=no-matches]").Count == 1);
    }

    [Fact]
    public void Home_ClickStateChips_ShowsOnlyThoseStatesAndPutsThemInTheUrl()
    {
        var cut = RenderHome();

        cut.Find("[data-testid=state-filter][data-state=failed]").Click();
        cut.WaitForAssertion(() => Assert.Equal(Keys("bravo", "echo"), RowKeys(cut)), Patience);
        Assert.Equal("http://localhost/?state=failed", Navigation.Uri);

        cut.Find("[data-testid=state-filter][data-state=running]").Click();
        cut.WaitForAssertion(() => Assert.Equal(Keys("bravo", "echo", "alpha"), RowKeys(cut)), Patience);
        Assert.Equal("http://localhost/?state=running%2Cfailed", Navigation.Uri);
    }

    [Fact]
    public void Home_UrlQuery_RoundTripsAndALinkReproducesTheView()
    {
        var cut = RenderHome("?q=a&state=failed,running&sort=port&desc=1");

        // "a" is in alpha's, bravo's, charlie's and delta's names and in echo's model; the states leave three.
        Assert.Equal(Keys("echo", "bravo", "alpha"), RowKeys(cut));
        Assert.Equal("a", cut.Find("input[data-testid=quick-filter]").GetAttribute("value"));
        Assert.Equal("true", cut.Find("[data-testid=state-filter][data-state=failed]").GetAttribute("aria-pressed"));
        Assert.Equal("true", cut.Find("[data-testid=state-filter][data-state=running]").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("[data-testid=state-filter][data-state=idle]").GetAttribute("aria-pressed"));
        Assert.Equal("descending", cut.Find("th[data-sort=port]").GetAttribute("aria-sort"));

        cut.Find("th[data-sort=name] button").Click();
        cut.WaitForAssertion(() => Assert.Equal(Keys("alpha", "bravo", "echo"), RowKeys(cut)), Patience);
        Assert.Equal("http://localhost/?q=a&state=running%2Cfailed&sort=name", Navigation.Uri);

        // Opening that link gives the same view.
        var opened = Render<SutWeb.Components.Pages.Home>();
        Assert.Equal(RowKeys(cut), RowKeys(opened));
    }

    [Fact]
    public void Home_NavigatingToAnotherQuery_ShowsThatView()
    {
        var cut = RenderHome("?state=failed");
        Assert.Equal(Keys("bravo", "echo"), RowKeys(cut));

        Navigation.NavigateTo("/?state=idle,passed");

        cut.WaitForAssertion(() => Assert.Equal(Keys("delta", "charlie"), RowKeys(cut)), Patience);
        Assert.Equal("false", cut.Find("[data-testid=state-filter][data-state=failed]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Home_UnknownQueryValues_AreIgnored()
    {
        var cut = RenderHome("?state=bogus,7&sort=colour&desc=maybe");

        Assert.Equal(Keys("bravo", "echo", "alpha", "delta", "charlie"), RowKeys(cut));
    }

    [Fact]
    public void Home_ResetView_ClearsTheQuery()
    {
        var cut = RenderHome("?q=zzz&sort=name");
        Assert.Empty(RowKeys(cut));

        cut.Find("[data-testid=clear-filters]").Click();

        cut.WaitForAssertion(() => Assert.Equal(5, RowKeys(cut).Count), Patience);
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    private static string[] Keys(params string[] names) => [.. names.Select(name => $"{name}:{Port(name)}")];

    private static int Port(string name) => name switch
    {
        "alpha" => 5401,
        "bravo" => 5403,
        "charlie" => 5402,
        "delta" => 5400,
        "echo" => 5404,
        _ => 5400,
    };
}
