using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SutWeb.Components.Agents;
using SutWeb.Components.Operators;
using SutWeb.Operators;
using SutWeb.Shared.Views;
using static SutWeb.Tests.Components.TestAgents;

namespace SutWeb.Tests.Components.Operators;

/// <summary>"Abort run" in a running agent's details: only for an operator, confirmed in a dialog, answered in words.</summary>
public sealed class AbortRunButtonTests : DashboardTestContext
{
    private readonly RecordingRunAborter _aborter = new();

    private static AgentView Running() =>
        Agent("agent-07", AgentState.Running, port: 5406, model: "LoginFlow", user: "priya.shah@example.com",
            start: new DateTimeOffset(2026, 11, 29, 9, 55, 0, TimeSpan.Zero));

    private void SignIn(bool isOperator, string who = "Dana Operator")
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(who);
        var claims = new List<Claim> { new(OperatorClaims.Who, who) };
        if (isOperator)
        {
            claims.Add(new Claim(OperatorClaims.Operator, "true"));
        }
        authorization.SetClaims([.. claims]);
    }

    private IRenderedComponent<AgentDetails> RenderDetails(AgentView agent)
    {
        Render<MudDialogProvider>();
        return Render<AgentDetails>(p => p.Add(d => d.Agent, agent));
    }

    [Fact]
    public void AbortRunButton_Operator_SeesItOnARunningAgent()
    {
        Services.AddSingleton<IRunAborter>(_aborter);
        SignIn(isOperator: true);

        var cut = RenderDetails(Running());

        Assert.Equal("Abort run", cut.Find("[data-testid=abort-run]").TextContent.Trim());
    }

    [Fact]
    public void AbortRunButton_SignedInWithoutTheOperatorClaim_IsNotThere()
    {
        Services.AddSingleton<IRunAborter>(_aborter);
        SignIn(isOperator: false);

        var cut = RenderDetails(Running());

        Assert.Empty(cut.FindAll("[data-testid=abort-run]"));
    }

    [Fact]
    public void AbortRunButton_NotSignedIn_IsNotThere()
    {
        Services.AddSingleton<IRunAborter>(_aborter);
        AddAuthorization().SetNotAuthorized();

        var cut = RenderDetails(Running());

        Assert.Empty(cut.FindAll("[data-testid=abort-run]"));
    }

    [Fact]
    public void AbortRunButton_NoWayToAbortConfigured_IsNotThereEvenForAnOperator()
    {
        SignIn(isOperator: true);

        var cut = RenderDetails(Running());

        Assert.Empty(cut.FindAll("[data-testid=abort-run]"));
    }

    [Theory]
    [InlineData(AgentState.Idle)]
    [InlineData(AgentState.Passed)]
    [InlineData(AgentState.Failed)]
    public void AbortRunButton_AgentNotRunning_IsNotThere(AgentState state)
    {
        Services.AddSingleton<IRunAborter>(_aborter);
        SignIn(isOperator: true);

        var cut = RenderDetails(Agent("agent-07", state));

        Assert.Empty(cut.FindAll("[data-testid=abort-run]"));
    }

    [Fact]
    public void AbortRunDialog_Opened_NamesAgentModelStarterAndStartTime()
    {
        Services.AddSingleton<IRunAborter>(_aborter);
        SignIn(isOperator: true);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<AgentDetails>(p => p.Add(d => d.Agent, Running()));

        cut.Find("[data-testid=abort-run]").Click();

        var text = dialogs.WaitForElement("[data-testid=abort-dialog-text]", Patience).TextContent;
        Assert.Contains("agent-07", text, StringComparison.Ordinal);
        Assert.Contains("LoginFlow", text, StringComparison.Ordinal);
        Assert.Contains("priya.shah@example.com", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-29 09:55:00", text, StringComparison.Ordinal);
        Assert.Empty(_aborter.Attempts);
    }

    [Fact]
    public void AbortRunDialog_Cancelled_AbortsNothing()
    {
        Services.AddSingleton<IRunAborter>(_aborter);
        SignIn(isOperator: true);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<AgentDetails>(p => p.Add(d => d.Agent, Running()));
        cut.Find("[data-testid=abort-run]").Click();

        dialogs.WaitForElement("[data-testid=abort-cancel]", Patience).Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=abort-dialog-text]")), Patience);
        Assert.Empty(_aborter.Attempts);
    }

    [Fact]
    public void AbortRunDialog_Confirmed_AsksForThatExecutionInTheOperatorsName()
    {
        Services.AddSingleton<IRunAborter>(_aborter);
        SignIn(isOperator: true, who: "Dana Operator");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<AgentDetails>(p => p.Add(d => d.Agent, Running()));
        cut.Find("[data-testid=abort-run]").Click();

        dialogs.WaitForElement("[data-testid=abort-confirm]", Patience).Click();

        cut.WaitForAssertion(() => Assert.Single(_aborter.Attempts), Patience);
        var attempt = _aborter.Attempts[0];
        Assert.Equal("Dana Operator", attempt.Who);
        Assert.Equal("page", attempt.Via);
        Assert.Equal(new AbortRequest("default", "agent-07", 5406, "exec-agent-07"), attempt.Request);
    }

    public static TheoryData<AbortOutcome, string?, string> Outcomes => new()
    {
        { AbortOutcome.AbortRequested, null, "Abort requested: the Eggplant server is ending the run on agent-07." },
        { AbortOutcome.NoSuchAgent, null, "agent-07 is no longer on the board: nothing was aborted." },
        { AbortOutcome.NotThatRun, null, "agent-07 no longer runs that execution: nothing was sent to the Eggplant server." },
        { AbortOutcome.RateLimited, null, "Too many abort attempts from you: wait a little and try again." },
        { AbortOutcome.UpstreamFailed, "the Eggplant server answered 500", "The Eggplant server did not abort the run on agent-07: the Eggplant server answered 500" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void AbortRunDialog_Confirmed_ShowsTheOutcomeInWords(AbortOutcome outcome, string? error, string message)
    {
        _aborter.Answer = new AbortResult(outcome, error);
        Services.AddSingleton<IRunAborter>(_aborter);
        SignIn(isOperator: true);
        var snackbars = Render<MudSnackbarProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<AgentDetails>(p => p.Add(d => d.Agent, Running()));
        cut.Find("[data-testid=abort-run]").Click();

        dialogs.WaitForElement("[data-testid=abort-confirm]", Patience).Click();

        snackbars.WaitForAssertion(() => Assert.Contains(message, snackbars.Markup, StringComparison.Ordinal), Patience);
    }

    [Fact]
    public void AbortWords_UpstreamErrorWithMarkup_IsShownAsText()
    {
        _aborter.Answer = new AbortResult(AbortOutcome.UpstreamFailed, "<b>refused</b>");
        Services.AddSingleton<IRunAborter>(_aborter);
        SignIn(isOperator: true);
        var snackbars = Render<MudSnackbarProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<AgentDetails>(p => p.Add(d => d.Agent, Running()));
        cut.Find("[data-testid=abort-run]").Click();

        dialogs.WaitForElement("[data-testid=abort-confirm]", Patience).Click();

        snackbars.WaitForAssertion(() => Assert.Contains("&lt;b&gt;refused&lt;/b&gt;", snackbars.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(snackbars.FindAll("b"));
    }
}
